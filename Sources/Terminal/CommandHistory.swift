import Foundation

/// Persistent history that keeps `/commands` only: partners' words never reach the disk
/// outside the transcript. The file is created 0600 under `$XDG_STATE_HOME/attune/`.
public struct CommandHistory {
    public let path: String
    public private(set) var commands: [String] = []
    /// How many commands are kept.
    public static let limit = 500

    public init(path: String) {
        self.path = path
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            commands = text.split(separator: "\n").map(String.init).filter(Self.isCommand)
        }
    }

    /// The default file, `$XDG_STATE_HOME/attune/history` (else `~/.local/state/attune/history`).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        (StatePaths.stateHome(environment: environment) as NSString).appendingPathComponent("attune/history")
    }

    static func isCommand(_ line: String) -> Bool {
        line.hasPrefix("/") && !line.contains("\n")
    }

    /// Remembers `line` if it is a command.
    public mutating func add(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard Self.isCommand(trimmed) else { return }
        commands.append(trimmed)
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

/// XDG base directories.
public enum StatePaths {
    /// `$XDG_STATE_HOME`, else `~/.local/state`.
    public static func stateHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/state")
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

    public static func coach(_ text: String, colour: Bool) -> String {
        colour ? "\u{1B}[36m\(text)\u{1B}[0m" : text
    }

    public static func dim(_ text: String, colour: Bool) -> String {
        colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }

    /// Clears the screen and scrollback (quick exit).
    public static let clearScreen = "\u{1B}[2J\u{1B}[3J\u{1B}[H"
}
