import Foundation

/// Persistent history that keeps known `/commands` only, reduced by `entry` to what may be
/// kept (no names, no words): partners' words never reach the disk outside the transcript.
/// The file is created 0600 under `$XDG_STATE_HOME/attune/`.
public struct CommandHistory {
    public let path: String
    public private(set) var commands: [String] = []
    /// How many commands are kept.
    public static let limit = 500
    /// What may be kept of a typed line; nil keeps nothing. Applied to the file as read too,
    /// so a history written by an older version loses what it should never have kept.
    private let entry: (String) -> String?

    public init(path: String, entry: @escaping (String) -> String? = { CommandHistory.isCommand($0) ? $0 : nil }) {
        self.path = path
        self.entry = entry
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
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

    /// Writes the file (0600, in a 0700 folder), replacing it atomically.
    public func save() throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let temporary = path + ".tmp\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let data = Array((commands.joined(separator: "\n") + (commands.isEmpty ? "" : "\n")).utf8)
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        fchmod(descriptor, 0o600)
        fsync(descriptor)
        close(descriptor)
        guard written == data.count else {
            unlink(temporary)
            throw POSIXError(.EIO)
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
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
