import TranscriptFormat

/// A problem found while reading a transcript, as a value: where, how bad, and what was expected.
///
/// The reader never stops at a bad line; it hands back one of these and carries on, so a
/// report can show every problem at once, compiler style (`file:line:col: error: …`), and the
/// CLI decides the exit code from the kinds it saw.
public struct TranscriptDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How bad it is. Warnings do not change the exit code.
    public enum Severity: String, Sendable, Equatable {
        case warning, error
    }

    /// What went wrong, for callers that act on it (exit codes, tests).
    public enum Kind: Sendable, Equatable {
        /// The line is not a valid record; it was skipped.
        case malformedLine
        /// The line's `v` is not a version this build understands (the value, when it is an integer).
        case unsupportedVersion(Int?)
        /// The last line has no newline and does not parse: a write cut short by a crash.
        case tornLastLine
        /// The line is longer than `TranscriptReader.maximumLineLength`; it was skipped unread.
        case lineTooLong
        /// Reading the input failed with this errno; nothing after it was read.
        case readFailed(errno: Int32)
        /// The input holds binary data (a NUL byte), so it is no transcript; none of it was read.
        case notATranscript
        /// So many errors in one input that reading it stopped (the count of errors reported).
        case tooManyErrors(Int)
    }

    /// The file's path as given, or `-` for standard input.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based byte column, or nil when the problem is the whole line.
    public var column: Int?
    public var severity: Severity
    public var kind: Kind
    /// What is wrong, phrased as what was expected.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int? = nil, severity: Severity, kind: Kind, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.kind = kind
        self.message = message
    }

    /// `file:line:col: error: message`, the form editors and terminals link.
    public var description: String {
        let place = column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
        return "\(place): \(severity.rawValue): \(message)"
    }

    /// True for an unknown `v`, which the CLI reports as bad data (exit 65).
    public var isUnsupportedVersion: Bool {
        if case .unsupportedVersion = kind { return true }
        return false
    }
}
