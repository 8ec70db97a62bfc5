#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TranscriptFormat

/// Writes a session's transcript to its own file, durably, and never loses a line silently.
///
/// - The file is created exclusively (`O_EXCL`) with mode 0600 in a folder created 0700
///   (existing folders are left as they are), so two sessions never share or overwrite a file
///   and nobody else on the machine can read it. The folder is `fsync`ed after the file is
///   created so the file's name survives a crash too.
/// - Each record is one `write(2)` of one line (`O_APPEND`); `sync()` adds an `fsync`, which the
///   caller does once per turn so a crash loses at most the line being written.
/// - When writing fails (disk full, read-only, permission, anything), the unsaved lines stay in
///   memory in order, the failure is returned at once, and every later `append`/`sync` retries
///   them first, completing a half-written line rather than repeating it. `close()` reports
///   what could never be saved.
///
/// Not thread-safe: one session drives one sink.
public final class JSONLFileSink: TranscriptSink {
    /// The folder holding the transcript.
    public let folder: String
    /// The transcript file.
    public let path: String
    /// The session id: the file name without `.jsonl`. Records appended should carry it.
    public let sessionID: String
    /// Whether `sync()` calls `fsync`. Off only for benchmarks.
    public let durable: Bool
    /// The outcome of the latest operation (creation included), for callers that check later.
    public private(set) var status: TranscriptSinkStatus = .saved

    private var descriptor: Int32 = -1
    private let createsFile: Bool
    private var pending: [[UInt8]] = []
    private var pendingHead = 0
    /// Bytes of the first pending line already written (a short write leaves the rest).
    private var headBytesWritten = 0
    private var savedLines = 0
    private var hasUnsyncedWrites = false
    private var syncFailure: TranscriptWriteFailure?
    private var isFailing = false
    private var isClosed = false

    /// Creates the transcript file for a session that starts at `startedAt`, named
    /// `YYYY-MM-DDTHH-MM-SSZ-<random6>.jsonl` in `folder`. Creation failures do not throw: the
    /// sink keeps records and retries, and `status` holds the failure to show right away.
    ///
    /// - Parameter suffix: the six characters after the time; random when nil (tests fix it).
    public init(folder: String, startedAt: TranscriptTimestamp = .now(), durable: Bool = true, suffix: String? = nil) {
        self.folder = folder
        self.durable = durable
        self.createsFile = true
        var stem = JSONLFileSink.fileStem(startedAt: startedAt, suffix: suffix ?? JSONLFileSink.randomSuffix())
        var candidate = TranscriptLocation.path(forSession: stem, in: folder)
        var result = JSONLFileSink.createFile(folder: folder, path: candidate)
        // A name collision (same second, same random suffix) picks a new suffix; a fixed suffix
        // that collides is reported, never overwritten.
        var attempts = 0
        while case .failure(let failure) = result, failure.errno == EEXIST, suffix == nil, attempts < 16 {
            attempts += 1
            stem = JSONLFileSink.fileStem(startedAt: startedAt, suffix: JSONLFileSink.randomSuffix())
            candidate = TranscriptLocation.path(forSession: stem, in: folder)
            result = JSONLFileSink.createFile(folder: folder, path: candidate)
        }
        self.sessionID = stem
        self.path = candidate
        switch result {
        case .success(let fd): descriptor = fd
        case .failure(let failure): fail(failure)
        }
    }

    /// Appends to an existing file or device without creating it (tests point this at
    /// `/dev/full`). Open failures are reported and retried like write failures.
    package init(appendingTo path: String, sessionID: String, durable: Bool = true) {
        self.folder = ""
        self.path = path
        self.sessionID = sessionID
        self.durable = durable
        self.createsFile = false
        switch JSONLFileSink.openExisting(path) {
        case .success(let fd): descriptor = fd
        case .failure(let failure): fail(failure)
        }
    }

    /// Opens a file that must already exist for appending. A link planted in its place is
    /// refused (`O_NOFOLLOW`), as for a created transcript, so a write never lands elsewhere.
    private static func openExisting(_ path: String) -> Result<Int32, TranscriptWriteFailure> {
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        return fd >= 0 ? .success(fd)
            : .failure(TranscriptWriteFailure(operation: .create, errno: errno, path: path, pendingLines: 0))
    }

    deinit {
        if descriptor >= 0 { _ = closeDescriptor(descriptor) }
    }

    /// Lines waiting in memory because they could not be written yet.
    public var pendingLines: Int { pending.count - pendingHead }

    public func append(_ record: TranscriptRecord) -> TranscriptSinkStatus {
        pending.append(TranscriptLineEncoder.encode(record))
        if isClosed {
            return reportFailure(TranscriptWriteFailure(operation: .write, errno: EBADF, path: path, pendingLines: pendingLines))
        }
        return flush(syncing: false)
    }

    public func sync() -> TranscriptSinkStatus {
        if isClosed {
            return pendingLines == 0 ? .saved
                : reportFailure(TranscriptWriteFailure(operation: .write, errno: EBADF, path: path, pendingLines: pendingLines))
        }
        return flush(syncing: durable)
    }

    public func close() -> TranscriptCloseReport {
        if !isClosed {
            _ = flush(syncing: durable)
            if descriptor >= 0 { _ = closeDescriptor(descriptor); descriptor = -1 }
            isClosed = true
        }
        let standing: TranscriptWriteFailure? = pendingLines > 0 ? status.failure : syncFailure
        return TranscriptCloseReport(path: path, savedLines: savedLines, unsavedLines: pendingLines, failure: standing)
    }

    // MARK: - Writing

    private func flush(syncing: Bool) -> TranscriptSinkStatus {
        if descriptor < 0 {
            let opened: Result<Int32, TranscriptWriteFailure>
            if createsFile {
                opened = JSONLFileSink.createFile(folder: folder, path: path)
            } else {
                opened = JSONLFileSink.openExisting(path)
            }
            switch opened {
            case .success(let fd): descriptor = fd
            case .failure(var failure):
                failure.pendingLines = pendingLines
                return reportFailure(failure)
            }
        }
        var caughtUp = 0
        while pendingHead < pending.count {
            if let code = writeHead() {
                return reportFailure(TranscriptWriteFailure(operation: .write, errno: code, path: path, pendingLines: pendingLines))
            }
            if isFailing { caughtUp += 1 }
        }
        // Keep the queue's storage small once drained.
        if pendingHead > 0 { pending.removeAll(keepingCapacity: pending.count < 64); pendingHead = 0 }
        if syncing && hasUnsyncedWrites {
            if fsync(descriptor) != 0 {
                let failure = TranscriptWriteFailure(operation: .sync, errno: errno, path: path, pendingLines: 0)
                syncFailure = failure
                return reportFailure(failure)
            }
            hasUnsyncedWrites = false
        }
        if isFailing {
            isFailing = false
            status = .recovered(linesCaughtUp: caughtUp)
        } else {
            status = .saved
        }
        return status
    }

    /// Writes the first pending line (the rest of it, after a short write); nil on success,
    /// else the errno.
    private func writeHead() -> Int32? {
        let line = pending[pendingHead]
        while headBytesWritten < line.count {
            let written = line.withUnsafeBytes { bytes in
                write(descriptor, bytes.baseAddress! + headBytesWritten, bytes.count - headBytesWritten)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            headBytesWritten += written
            hasUnsyncedWrites = true
        }
        pending[pendingHead] = []
        pendingHead += 1
        headBytesWritten = 0
        savedLines += 1
        return nil
    }

    private func reportFailure(_ failure: TranscriptWriteFailure) -> TranscriptSinkStatus {
        fail(failure)
        return status
    }

    private func fail(_ failure: TranscriptWriteFailure) {
        isFailing = true
        status = .failing(failure)
    }

    // MARK: - Creating

    /// `2026-11-29T10-51-33Z-k3x9qa`: sortable by time, safe on every file system (no colons).
    public static func fileStem(startedAt: TranscriptTimestamp, suffix: String) -> String {
        let text = startedAt.rfc3339  // 2026-11-29T10:51:33[.mmm]Z
        let seconds = text.prefix(19).replacingColonsWithDashes()
        return "\(seconds)Z-\(suffix)"
    }

    /// Six random characters from `a-z0-9`.
    public static func randomSuffix() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<6).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Creates the folder (0700, missing parents too) and the file (0600, exclusively), and
    /// `fsync`s the folder so the new name is durable.
    static func createFile(folder: String, path: String) -> Result<Int32, TranscriptWriteFailure> {
        if let code = makeFolders(folder) {
            return .failure(TranscriptWriteFailure(operation: .createFolder, errno: code, path: path, pendingLines: 0))
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            return .failure(TranscriptWriteFailure(operation: .create, errno: errno, path: path, pendingLines: 0))
        }
        // The umask can only remove bits; set exactly 0600 whatever it is.
        _ = fchmod(fd, 0o600)
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            _ = closeDescriptor(folderFD)
        }
        return .success(fd)
    }

    /// `mkdir -p` with mode 0700 for the folders it creates; existing ones are not touched.
    /// Returns the errno of the first failure.
    package static func makeFolders(_ folder: String) -> Int32? {
        var info = stat()
        if stat(folder, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR ? nil : ENOTDIR
        }
        var prefix = folder.hasPrefix("/") ? "/" : ""
        for component in folder.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += component
            if mkdir(prefix, 0o700) == 0 {
                _ = chmod(prefix, 0o700)
            } else if errno != EEXIST {
                return errno
            } else if stat(prefix, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                return ENOTDIR
            }
            prefix += "/"
        }
        return nil
    }
}

extension Substring {
    fileprivate func replacingColonsWithDashes() -> String {
        String(map { $0 == ":" ? "-" : $0 })
    }
}
