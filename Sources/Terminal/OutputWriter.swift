#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the coach's lines to a file descriptor (standard output) so that a reader who
/// stops reading (`attune | sleep 20`) never holds the session hostage: each write waits
/// with `poll` in short slices, and gives up when SIGTERM or SIGHUP arrives or the reader
/// has gone (EPIPE). After that the output is gone for good and nothing more is written, so
/// the session can close its transcript and exit. stdio would instead block in `write(2)`
/// until the pipe drains, and again at exit when it flushes its buffer.
public final class OutputWriter {
    private let descriptor: Int32
    private let terminating: () -> Bool
    private var pending: [UInt8] = []
    /// True once a write failed or was abandoned; everything after is dropped.
    public private(set) var isGone = false

    /// `terminating` says whether a signal that ends the session is waiting (looked at, not
    /// taken: the loop handles it).
    public init(descriptor: Int32 = 1, terminating: @escaping () -> Bool = { SignalFlags.peek().map { $0 != SIGINT } ?? false }) {
        self.descriptor = descriptor
        self.terminating = terminating
    }

    /// Queues text; nothing is written until `flush`.
    public func write(_ text: String) {
        guard !isGone else { return }
        pending.append(contentsOf: text.utf8)
    }

    /// Writes what is queued. False when the output is gone: its reader left, or a signal
    /// that ends the session arrived while the reader was not reading.
    @discardableResult
    public func flush() -> Bool {
        guard !isGone else { return false }
        var written = 0
        defer { pending.removeFirst(min(written, pending.count)) }
        while written < pending.count {
            if terminating() { return giveUp() }
            var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&waiting, 1, 200)
            if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            if ready < 0 || waiting.revents & Int16(POLLERR | POLLNVAL) != 0 { return giveUp() }
            // At most PIPE_BUF bytes once poll says there is room: a pipe takes them whole
            // without blocking, so the next signal is seen at the next poll.
            let count = min(pending.count - written, Int(PIPE_BUF))
            let result = pending.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + written, count) }
            if result > 0 {
                written += result
            } else if result < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                return giveUp()
            }
        }
        return true
    }

    private func giveUp() -> Bool {
        isGone = true
        pending.removeAll()
        return false
    }
}

/// write(2), under a name the writer's own `write(_:)` does not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
