import Dispatch
import Foundation
import Synchronization

/// A matcher that may still be loading on another thread. The REPL shows its first prompt
/// while the compiled templates are decoded; the first line typed waits for them if needed.
public final class PendingMatcher: Sendable {
    private let loaded: Mutex<Matcher?>
    private let ready = DispatchSemaphore(value: 0)

    /// A matcher that is already there.
    public init(_ matcher: Matcher) {
        loaded = Mutex(matcher)
        ready.signal()
    }

    /// Starts `load` on a background thread.
    public init(loading load: @escaping @Sendable () -> Matcher) {
        loaded = Mutex(nil)
        Thread.detachNewThread { [self] in
            let matcher = load()
            loaded.withLock { $0 = matcher }
            ready.signal()
        }
    }

    /// The matcher, waiting for it the first time if it is still loading.
    public var value: Matcher {
        if let matcher = loaded.withLock({ $0 }) { return matcher }
        ready.wait()
        ready.signal()
        return loaded.withLock { $0! }
    }
}
