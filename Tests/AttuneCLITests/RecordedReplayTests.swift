import Coach
import Foundation
import Testing
import TranscriptFormat
@testable import AttuneCLI

/// Recorded transcripts replay through the same `ConversationLoop` as the REPL and dialogue
/// scripts, and reproduce the session they recorded: every record, not only the replies.
@Suite struct RecordedReplayTests {
    static let coach = ConversationLoopTests.coach

    /// A script replayed, and the transcript records it wrote.
    static func recorded(_ name: String) throws -> (ReplayOutcome, [TranscriptRecord]) {
        var records: [TranscriptRecord] = []
        var runner = ReplayRunner(script: coach)
        runner.onRecord = { records.append($0) }
        let outcome = try ReplayInputs.replay(ShippedContentTests.root + "/Scripts/" + name, runner: runner)
        return (outcome, records)
    }

    /// A transcript replayed, and the records the replay wrote again.
    static func replayed(_ records: [TranscriptRecord], file: String) -> (ReplayOutcome, [TranscriptRecord]) {
        var again: [TranscriptRecord] = []
        var runner = ReplayRunner(script: coach)
        runner.onRecord = { again.append($0) }
        return (runner.run(transcript: records, file: file), again)
    }

    @Test(arguments: ShippedContentTests.scripts)
    func everyScriptReplaysFromItsOwnTranscript(_ name: String) throws {
        let (script, records) = try Self.recorded(name)
        #expect(script.failures.isEmpty, "\(script.failures)")
        let (replay, again) = Self.replayed(records, file: name)
        #expect(replay.failures.isEmpty, "\(name): \(replay.failures)")
        #expect(replay.checks > 0)
        // The same session, record for record: commands keep their speaker, withheld lines
        // their intent, and the session ends for the reason it ended.
        #expect(again == records, "\(name)")
    }

    @Test func aCommandTypedWithANameIsThatPartnersInTheReplay() throws {
        let (_, records) = try Self.recorded("command-speaker.dialogue")
        let commands = records.compactMap { record -> TranscriptEvent? in
            if case .event(let event) = record.body, case .command = event { return event } else { return nil }
        }
        #expect(commands.first == .command("/start mirroring", speaker: "Riley"))
        #expect(Self.replayed(records, file: "command-speaker.jsonl").0.failures.isEmpty)
        // Written before commands had a speaker, the same transcript still reads and replays,
        // but the command goes to the partner whose turn it was: Jordan shares instead of Riley.
        let unattributed = records.map { record -> TranscriptRecord in
            guard case .event(.command(let command, _)) = record.body else { return record }
            var old = record
            old.body = .event(.command(command))
            return old
        }
        let old = Self.replayed(unattributed, file: "command-speaker.jsonl").0
        #expect(old.failures.contains { $0.contains("Jordan") })
    }

    @Test func aTranscriptCutOffByACrashReplaysWithoutAClosingItNeverSaid() throws {
        let (_, records) = try Self.recorded("crisis-self-harm.dialogue")
        // The session stopped after the replies to its last line, as a crash would leave it.
        let closing = try #require(records.firstIndex { if case .coach(_, "safety.closing") = $0.body { return true } else { return false } })
        let cut = Array(records[..<closing])
        let (replay, again) = Self.replayed(cut, file: "cut.jsonl")
        #expect(replay.failures.isEmpty, "\(replay.failures)")
        #expect(!again.contains { if case .coach(_, "safety.closing") = $0.body { return true } else { return false } })
        #expect(!again.contains { if case .event(.sessionEnd) = $0.body { return true } else { return false } })
        // The whole transcript ended at the end of input, after a crisis: the closing is said
        // again and checked.
        let whole = Self.replayed(records, file: "whole.jsonl").1
        #expect(whole.contains { if case .coach(_, "safety.closing") = $0.body { return true } else { return false } })
    }

    @Test func aReplyThatDiffersIsReportedAtItsTurn() throws {
        let (_, records) = try Self.recorded("check-in.dialogue")
        let edited = records.map { record -> TranscriptRecord in
            guard case .coach(let text, let key) = record.body, key == "menu.hint" else { return record }
            var changed = record
            changed.body = .coach(text: text + " (edited)", response: key)
            return changed
        }
        let replay = Self.replayed(edited, file: "edited.jsonl").0
        #expect(replay.failures.count == 1, "\(replay.failures)")
        #expect(replay.failures.first?.hasPrefix("edited.jsonl: the opening: the coach said") == true, "\(replay.failures)")
    }
}
