#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last signal received, set by a flag-only handler (nothing else is safe inside one).
private let pendingSignal = Atomic<Int32>(0)

private func recordSignal(_ number: Int32) {
    pendingSignal.store(number, ordering: .sequentiallyConsistent)
}

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only note the signal, without
/// SA_RESTART, so a blocked read returns EINTR and the REPL decides what to do; ignores SIGPIPE.
public enum SignalFlags {
    public static func install() {
        var mask = sigset_t()
        sigemptyset(&mask)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            sigaddset(&mask, signal)
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = recordSignal
            #else
            action.__sigaction_u.__sa_handler = recordSignal
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
        // A reader that goes away (`attune | head -3`) must not kill the session before it
        // writes session_end: writes then fail with EPIPE, which the REPL handles.
        signal(SIGPIPE, SIG_IGN)
        // A process started by a test runner may inherit these blocked; unblock them.
        sigprocmask(SIG_UNBLOCK, &mask, nil)
    }

    /// The signal received since the last call, if any, clearing it.
    public static func take() -> Int32? {
        let value = pendingSignal.exchange(0, ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }

    /// The signal waiting to be taken, if any, left in place (for code that must stop what
    /// it is doing and let the loop handle the signal).
    public static func peek() -> Int32? {
        let value = pendingSignal.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }

    /// Puts back a signal that was taken but must be handled later.
    public static func restore(_ signal: Int32) {
        pendingSignal.store(signal, ordering: .sequentiallyConsistent)
    }
}
