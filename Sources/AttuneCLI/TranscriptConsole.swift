import ArgumentParser
import Foundation
import Transcripts

/// Output plumbing shared by `review` and `transcripts`: writing to stdout and stderr, deciding
/// colour once, and the local clock. Kept apart so the commands read as wiring only.
enum TranscriptConsole {
    /// Writes `text` to standard output as is.
    static func out(_ text: String) {
        write(1, text)
    }

    /// Writes a line to standard error.
    static func error(_ text: String) {
        write(2, text + "\n")
    }

    private static func write(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Seconds east of UTC for the local time zone now, so days and weeks are the user's own.
    static func localUTCOffsetSeconds() -> Int {
        TimeZone.current.secondsFromGMT()
    }

    /// Today in the local time zone.
    static func today() -> CivilDay {
        TranscriptTimestamp.now().day(utcOffsetSeconds: localUTCOffsetSeconds())
    }

    /// Whether standard input is a terminal (someone can answer a question).
    static var stdinIsTerminal: Bool { isatty(0) == 1 }
}

/// `--color auto|always|never`: auto colours only a terminal, and never when `NO_COLOR` is set
/// (to anything but the empty string) or `TERM` is `dumb`.
enum TranscriptColourChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// The decision for standard output.
    var enabled: Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isatty(1) == 1
        }
    }
}

/// `--dir DIR` (alias `--transcript-dir`, as `chat` spells it): the transcript folder, by
/// default `$XDG_STATE_HOME/attune/transcripts`.
struct TranscriptDirectoryOptions: ParsableArguments {
    @Option(name: [.customLong("dir"), .customLong("transcript-dir")],
            help: ArgumentHelp("The transcript folder (default: $XDG_STATE_HOME/attune/transcripts).", valueName: "DIR"))
    var directory: String?

    /// The folder to use.
    var folder: String { directory ?? TranscriptLocation.defaultFolder() }

    /// Whether the folder exists (a missing default folder just means no sessions yet).
    var folderExists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

extension TranscriptInputError {
    /// The exit status for an input that cannot be opened: 66 when missing or unreadable.
    var exitStatus: ExitCode {
        ExitStatus.noInput
    }
}
