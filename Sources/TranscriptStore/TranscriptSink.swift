import TranscriptFormat

/// Where a session's records go as they happen.
///
/// The coach talks to this protocol, not to files, so its core stays free of I/O and tests can
/// substitute a sink that fails on demand. Failures are returned as values on every call:
/// the caller shows them at once (the SPEC forbids failing silently) and carries on; the sink
/// keeps what it could not save and retries on the next call.
public protocol TranscriptSink {
    /// Hands over one record. It is written right away when possible; when not, it is kept in
    /// memory, in order, behind any earlier unsaved records.
    mutating func append(_ record: TranscriptRecord) -> TranscriptSinkStatus
    /// Makes everything appended so far durable (for a file: writes what is pending, then
    /// `fsync`). Call once per turn, before the coach answers.
    mutating func sync() -> TranscriptSinkStatus
    /// Saves what it still can, releases the file, and says what could never be saved.
    mutating func close() -> TranscriptCloseReport
}

/// The outcome of an `append` or `sync`.
public enum TranscriptSinkStatus: Sendable, Equatable {
    /// Everything appended so far has been written (and, after `sync`, flushed to disk).
    case saved
    /// Saving failed; the failure says why and how many lines are being kept to retry.
    case failing(TranscriptWriteFailure)
    /// Saving works again: this many lines that had been kept in memory are now written.
    case recovered(linesCaughtUp: Int)

    /// The failure, when there is one.
    public var failure: TranscriptWriteFailure? {
        if case .failing(let failure) = self { return failure }
        return nil
    }
}

/// Why a transcript could not be saved, phrased for the people in the session.
public struct TranscriptWriteFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The step that failed.
    public enum Operation: String, Sendable, Equatable {
        /// Creating the transcript folder.
        case createFolder = "create the folder for"
        /// Creating the transcript file.
        case create = "create"
        /// Writing a line.
        case write = "write to"
        /// Flushing to disk (`fsync`). Lines already handed to the system may be lost.
        case sync = "flush"
    }

    public var operation: Operation
    /// The system's reason (`ENOSPC`, `EROFS`, `EACCES`, …).
    public var errno: Int32
    /// The transcript file.
    public var path: String
    /// Lines kept in memory, waiting to be retried.
    public var pendingLines: Int

    /// Creates a failure.
    public init(operation: Operation, errno: Int32, path: String, pendingLines: Int) {
        self.operation = operation
        self.errno = errno
        self.path = path
        self.pendingLines = pendingLines
    }

    /// The system's text for `errno`, such as "No space left on device".
    public var reason: String { describeErrno(errno) }

    /// "could not write to the transcript PATH: No space left on device; 3 lines kept, retrying each turn".
    public var description: String {
        let kept: String
        switch pendingLines {
        case 0: kept = ""
        case 1: kept = "; 1 line kept, retrying each turn"
        default: kept = "; \(pendingLines) lines kept, retrying each turn"
        }
        return "could not \(operation.rawValue) the transcript \(path): \(reason)\(kept)"
    }
}

/// What a sink managed to save, reported once at the end of a session.
public struct TranscriptCloseReport: Sendable, Equatable, CustomStringConvertible {
    /// The transcript file (empty for sinks without one).
    public var path: String
    /// Lines written.
    public var savedLines: Int
    /// Lines that could never be written. Non-zero means the CLI exits 74.
    public var unsavedLines: Int
    /// The failure still standing at close, if any (a flush failure stands even with nothing
    /// unsaved, since the system may have dropped lines it had accepted).
    public var failure: TranscriptWriteFailure?

    /// Creates a report.
    public init(path: String, savedLines: Int, unsavedLines: Int, failure: TranscriptWriteFailure?) {
        self.path = path
        self.savedLines = savedLines
        self.unsavedLines = unsavedLines
        self.failure = failure
    }

    /// True when every line was saved and flushed.
    public var isComplete: Bool { unsavedLines == 0 && failure == nil }

    /// One sentence for the end of a session.
    public var description: String {
        if isComplete { return "transcript saved: \(path) (\(savedLines) lines)" }
        let reason = failure.map { ": \($0.reason)" } ?? ""
        if unsavedLines == 0 {
            return "transcript \(path) may be incomplete: flushing to disk failed\(reason)"
        }
        let noun = unsavedLines == 1 ? "line" : "lines"
        return "transcript \(path) is incomplete: \(unsavedLines) \(noun) could not be saved\(reason)"
    }
}

/// Keeps records in memory: for replay, previews and tests.
public struct MemoryTranscriptSink: TranscriptSink, Sendable {
    /// Everything appended, in order.
    public private(set) var records: [TranscriptRecord] = []

    /// An empty sink.
    public init() {}

    public mutating func append(_ record: TranscriptRecord) -> TranscriptSinkStatus {
        records.append(record)
        return .saved
    }

    public mutating func sync() -> TranscriptSinkStatus { .saved }

    public mutating func close() -> TranscriptCloseReport {
        TranscriptCloseReport(path: "", savedLines: records.count, unsavedLines: 0, failure: nil)
    }
}
