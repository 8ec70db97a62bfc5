import Foundation

/// Persistent history that keeps known `/commands` only, reduced by `entry` to what may be
/// kept (no names, no words): partners' words never reach the disk outside the transcript.
/// The file is created 0600 under `$XDG_STATE_HOME/attune/`.
///
/// The file is never reached through a symbolic link: it is read with `O_NOFOLLOW`, and saved
/// by writing a new temporary file (created `O_EXCL | O_NOFOLLOW` under an unguessable name in
/// the same folder), `fsync`ing it and renaming it over the old one, so a link planted at
/// either name can neither be followed nor make Attune overwrite or re-mode another file. A
/// folder others can write, or another user's, is not used at all (`warning` says why).
public struct CommandHistory {
    public let path: String
    public private(set) var commands: [String] = []
    /// How many commands are kept.
    public static let limit = 500
    /// Why the history is not kept (its folder is not private), for the REPL to show once.
    public let warning: String?
    /// Whether the folder may be written: false when others can write it or it is not ours.
    private let folderIsSafe: Bool
    /// What may be kept of a typed line; nil keeps nothing. Applied to the file as read too,
    /// so a history written by an older version loses what it should never have kept.
    private let entry: (String) -> String?

    public init(path: String, entry: @escaping (String) -> String? = { CommandHistory.isCommand($0) ? $0 : nil }) {
        self.path = path
        self.entry = entry
        switch PrivateFolder.check((path as NSString).deletingLastPathComponent) {
        case .fine:
            warning = nil
            folderIsSafe = true
        case .unsafe(let reason):
            warning = "attune: the command history is not kept: \(reason)"
            folderIsSafe = false
        }
        if folderIsSafe, let text = CommandHistory.read(path) {
            commands = text.split(separator: "\n").map(String.init).compactMap(entry)
        }
    }

    public static func isCommand(_ line: String) -> Bool {
        line.hasPrefix("/") && !line.contains("\n")
    }

    /// Remembers what may be kept of `line`, if anything.
    public mutating func add(_ line: String) {
        guard let kept = entry(line.trimmingCharacters(in: .whitespaces)) else { return }
        commands.append(kept)
        if commands.count > Self.limit { commands.removeFirst(commands.count - Self.limit) }
    }

    /// The file's text, read without following a symbolic link; nil when absent or unreadable.
    static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size < 1 << 20 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { return nil }
        return String(decoding: bytes.prefix(count), as: UTF8.self)
    }

    /// Writes the file (0600, in a 0700 folder), replacing it atomically.
    public func save() throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard folderIsSafe else { throw POSIXError(.EPERM) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        var descriptor: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            temporary = folder + "/.history-\(UInt64.random(in: 0...UInt64.max))"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let data = Array((commands.joined(separator: "\n") + (commands.isEmpty ? "" : "\n")).utf8)
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == data.count, synced else {
            unlink(temporary)
            throw POSIXError(.EIO)
        }
        // rename(2) replaces the name itself: a symbolic link at `path` is replaced, never followed.
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 { fsync(folderDescriptor); close(folderDescriptor) }
    }
}

/// Whether to colour output: only on a terminal, never with NO_COLOR or TERM=dumb.
public enum TerminalStyle {
    public static func useColour(descriptor: Int32 = 1, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(descriptor) == 1
    }

    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// Clears the screen and scrollback (quick exit).
    public static let clearScreen = "\u{1B}[2J\u{1B}[3J\u{1B}[H"
}
