#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TranscriptFormat

/// Reads a transcript one record at a time, in bounded memory, never giving up on a bad line.
///
/// Each step yields either a record (with its line number) or a diagnostic: a malformed line is
/// reported and skipped, a torn last line (no newline, does not parse: the mark of a crash
/// mid-write) is a warning, and a foreign `v` is an error the CLI turns into exit 65. Reading is
/// chunked (`chunkSize`), so memory stays flat however large the input.
///
/// A `TranscriptReader` shares its open file among copies; iterate it from one place.
public struct TranscriptReader: IteratorProtocol, Sequence {
    /// Bytes read from the input at a time.
    public static let chunkSize = 1 << 16
    /// Lines longer than this (about 1 MiB) are skipped with a diagnostic instead of buffered.
    public static let maximumLineLength = 1 << 20
    /// Errors reported for one input before reading it stops: past this, the file is not a
    /// damaged transcript but something else, and more lines of errors help no one.
    public static let maximumErrors = 100

    /// One step of reading.
    public enum Item {
        /// A record and the 1-based line it came from.
        case record(TranscriptRecord, line: Int)
        /// A problem; reading goes on after it unless it is a read failure.
        case diagnostic(TranscriptDiagnostic)
    }

    /// The input's name in diagnostics: its path, or `-` for standard input.
    public let name: String
    private let splitter: LineSplitter
    /// The last record's session id, reused for the next line when it matches.
    private var lastSession: String?
    /// The last record's `seq`: within a session it never goes back.
    private var lastSeq = 0
    /// Errors reported so far; at `maximumErrors` reading stops.
    private var errors = 0
    private let maximumErrors: Int
    private var stopped = false
    /// The diagnostic that says reading stopped, handed out right after the last error.
    private var stopNotice: TranscriptDiagnostic?

    /// Opens a file for reading.
    ///
    /// The open never blocks: it is made with `O_NONBLOCK` (a FIFO without a writer would
    /// otherwise wait forever), which is cleared once the descriptor is known, so reading a pipe
    /// still waits for its data. With `regularFileOnly`, anything but a plain file (a FIFO, a
    /// device, a socket) is refused with `EINVAL`, checked on the open descriptor itself.
    public init(path: String, regularFileOnly: Bool = false) throws(TranscriptInputError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw TranscriptInputError(path: path, errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            _ = close(fd)
            throw TranscriptInputError(path: path, errno: code)
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR || (regularFileOnly && type != S_IFREG) {
            _ = close(fd)
            throw TranscriptInputError(path: path, errno: type == S_IFDIR ? EISDIR : EINVAL)
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        self.init(source: FileDescriptorSource(descriptor: fd, ownsDescriptor: true), name: path)
    }

    /// Reads standard input (named `-` in diagnostics). Standard input is left open.
    public static func standardInput() -> TranscriptReader {
        TranscriptReader(source: FileDescriptorSource(descriptor: 0, ownsDescriptor: false), name: "-")
    }

    /// Reads bytes held in memory, served `pieceSize` bytes at a time (tests use small pieces to
    /// split lines across reads).
    public init(bytes: [UInt8], name: String = "<memory>", pieceSize: Int = 1 << 16) {
        self.init(source: MemorySource(bytes, pieceSize: pieceSize), name: name)
    }

    /// Reads text held in memory.
    public init(text: String, name: String = "<memory>") {
        self.init(bytes: Array(text.utf8), name: name)
    }

    package init(source: ByteSource, name: String, chunkSize: Int = TranscriptReader.chunkSize,
                 maximumLineLength: Int = TranscriptReader.maximumLineLength,
                 maximumErrors: Int = TranscriptReader.maximumErrors) {
        self.name = name
        self.maximumErrors = maximumErrors
        self.splitter = LineSplitter(source: source, chunkSize: chunkSize, maximumLineLength: maximumLineLength)
    }

    /// The next record or diagnostic; nil at the end of input. Blank lines are skipped silently.
    /// After `maximumErrors` errors, one last diagnostic says so and reading stops.
    public mutating func next() -> Item? {
        if let last = stopNotice {
            stopNotice = nil
            stopped = true
            return .diagnostic(last)
        }
        guard !stopped, let item = nextItem() else { return nil }
        guard case .diagnostic(let diagnostic) = item, diagnostic.severity == .error else { return item }
        errors += 1
        if errors == maximumErrors {
            stopNotice = TranscriptDiagnostic(
                file: name, line: diagnostic.line, severity: .error, kind: .tooManyErrors(errors),
                message: "\(errors) errors in this input, so it is probably not a transcript; stopped reading after line \(diagnostic.line)")
        }
        return item
    }

    private mutating func nextItem() -> Item? {
        while let piece = splitter.next() {
            switch piece {
            case .line(let bytes, let number, let terminated):
                if isBlank(bytes) { continue }
                switch TranscriptLineDecoder.decode(bytes, previousSession: lastSession) {
                case .success(let record):
                    if record.session == lastSession, record.seq < lastSeq {
                        // A hand-edited or spliced file: order within a session is what review's
                        // turns and mirrors rely on, so the line is bad data, not a record.
                        let column = TranscriptLineDecoder.column(ofKey: "seq", in: bytes)
                        return .diagnostic(TranscriptDiagnostic(
                            file: name, line: number, column: column, severity: .error, kind: .malformedLine,
                            message: "seq \(record.seq) comes after seq \(lastSeq) in session \(TerminalText.sanitize(record.session)); expected seq never to go back; line skipped"))
                    }
                    lastSession = record.session
                    lastSeq = record.seq
                    return .record(record, line: number)
                case .failure(.unsupportedVersion(let version, let column)):
                    let shown = version.map(String.init) ?? "a non-integer"
                    return .diagnostic(TranscriptDiagnostic(
                        file: name, line: number, column: column, severity: .error, kind: .unsupportedVersion(version),
                        message: "transcript format version \(shown) is not supported; expected \"v\" from \(TranscriptRecord.readableVersions.lowerBound) to \(TranscriptRecord.readableVersions.upperBound) (a newer Attune may read it)"))
                case .failure(.malformed(let column, let message)):
                    if !terminated {
                        return .diagnostic(TranscriptDiagnostic(
                            file: name, line: number, severity: .warning, kind: .tornLastLine,
                            message: "last line is incomplete (no newline; \(message) at column \(column)), probably cut short by a crash; skipped"))
                    }
                    return .diagnostic(TranscriptDiagnostic(
                        file: name, line: number, column: column, severity: .error, kind: .malformedLine,
                        message: "\(message); line skipped"))
                }
            case .tooLong(let number):
                return .diagnostic(TranscriptDiagnostic(
                    file: name, line: number, severity: .error, kind: .lineTooLong,
                    message: "line is longer than \(TranscriptReader.maximumLineLength) bytes; expected one record per line; skipped"))
            case .readFailed(let code, let number):
                return .diagnostic(TranscriptDiagnostic(
                    file: name, line: number, severity: .error, kind: .readFailed(errno: code),
                    message: "could not read: \(describeErrno(code)); the rest of the input was not read"))
            case .binary(let offset):
                return .diagnostic(TranscriptDiagnostic(
                    file: name, line: 1, severity: .error, kind: .notATranscript,
                    message: "not a transcript: binary data (a NUL byte at byte \(offset + 1)); expected JSON lines; nothing of it was read"))
            }
        }
        return nil
    }

    private func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
        return true
    }
}

/// An input that could not be opened: missing (exit 66), unreadable, or a folder given as a file.
public struct TranscriptInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// Why, as an errno (`ENOENT`, `EACCES`, `EISDIR`, …).
    public var errno: Int32

    /// "PATH: No such file or directory".
    public var description: String { "\(path): \(describeErrno(errno))" }
}

/// `strerror`, safely copied into a Swift string.
func describeErrno(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}
