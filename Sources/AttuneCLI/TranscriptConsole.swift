import ArgumentParser
import Foundation
import Review
import Terminal
import TranscriptFormat
import TranscriptStore

/// Where `review` and `transcripts` read and write: standard streams in the binary, buffers in
/// tests (so commands run in-process and their output can be checked). Also the local clock,
/// and the terminal questions `forget` needs.
struct TranscriptConsole {
    /// Writes report text as is.
    var out: (String) -> Void
    /// Writes one line of diagnostics or messages (newline added).
    var error: (String) -> Void
    /// Whether someone at a terminal can answer a question.
    var canAsk: Bool
    /// Asks a question (no newline added) and returns the answer line, nil at end of input.
    var ask: (String) -> String?
    /// The local clock, so days and weeks are the user's own.
    var utcOffsets: UTCOffsets
    /// Today, for streaks.
    var today: CivilDay

    /// The process's standard streams, local time zone and clock.
    static var standard: TranscriptConsole {
        let offsets = localOffsets()
        return TranscriptConsole(
            out: { writeAll(1, $0) },
            error: { writeAll(2, $0 + "\n") },
            canAsk: isatty(0) == 1,
            ask: { question in
                writeAll(2, question)
                return readLine(strippingNewline: true)
            },
            utcOffsets: offsets,
            today: offsets.day(of: TranscriptTimestamp.now()))
    }

    /// The system time zone's offsets from 2000 until ten years from now: every
    /// daylight-saving change on the way, so each session is filed under its own local day.
    static func localOffsets(in zone: TimeZone = .current) -> UTCOffsets {
        var moment = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01
        let end = Date().addingTimeInterval(10 * 366 * 86_400)
        var changes: [UTCOffsets.Change] = []
        while let next = zone.nextDaylightSavingTimeTransition(after: moment), next < end, changes.count < 1_000 {
            changes.append(UTCOffsets.Change(from: TranscriptTimestamp(millisecondsSinceEpoch: Int64(next.timeIntervalSince1970 * 1000)),
                                             seconds: zone.secondsFromGMT(for: next)))
            moment = next
        }
        return UTCOffsets(initial: zone.secondsFromGMT(for: Date(timeIntervalSince1970: 946_684_800)), changes: changes)
    }

    private static func writeAll(_ descriptor: Int32, _ text: String) {
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
        case .auto: return TerminalStyle.useColour(descriptor: 1)
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
