import Foundation
import Testing
import Coach
import TranscriptFormat
import TranscriptStore
import TranscriptTestSupport
@testable import AttuneCLI

/// Who has had a session in a transcript folder, read from the saved transcripts, and the
/// decision replayed from a recording.
@Suite struct PastCouplesTests {
    private func write(_ lines: [String], to folder: String, name: String) {
        FileManager.default.createFile(atPath: folder + "/" + name, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    @Test func aFoldersCouplesComeFromNamesEventsStartsAndOldTranscriptsSpeakers() throws {
        let folder = Attune.temporaryFolder("couples")
        let head = #"{"v":2,"session":"s","seq":1,"ts":"2026-12-01T10:00:00Z","role":"event","event":"#
        write([head + #""session_start","partners":[],"version":"0.1.0","seed":1,"first_session":true}"#,
               #"{"v":2,"session":"s","seq":2,"ts":"2026-12-01T10:00:01Z","role":"event","event":"names","partners":["Jordan","Priya"],"first_session":true}"#],
              to: folder, name: "a.jsonl")
        write([head + #""session_start","partners":["Lee","Dana"],"version":"0.1.0","seed":1,"first_session":false}"#], to: folder, name: "b.jsonl")
        // Written before the names event: known by who spoke.
        write([head + #""session_start","partners":[],"version":"0.1.0","seed":1}"#,
               #"{"v":2,"session":"s","seq":2,"ts":"2026-12-01T10:00:01Z","role":"partner","speaker":"Mo","text":"hi","intent":"greet","confidence":1,"slots":{},"flags":[],"flow":null,"state":null}"#,
               #"{"v":2,"session":"s","seq":3,"ts":"2026-12-01T10:00:02Z","role":"partner","speaker":"Kai","text":"hey","intent":"greet","confidence":1,"slots":{},"flags":[],"flow":null,"state":null}"#],
              to: folder, name: "c.jsonl")
        write(["not a transcript"], to: folder, name: "d.jsonl")
        write([head + #""session_start","partners":["Zed"],"version":"0.1.0","seed":1}"#], to: folder, name: "notes.txt")
        #expect(PastCouples.read(folder: folder) == ["jordan\npriya", "dana\nlee", "kai\nmo"])
        #expect(PastCouples.read(folder: folder + "/missing").isEmpty)
    }

    @Test func aRecordingReplaysTheDecisionMadeWhenTheNamesWereTyped() throws {
        // A new couple's session, recorded with the question asked after their names.
        var records: [TranscriptRecord] = []
        var runner = ReplayRunner(script: RecordedReplayTests.coach)
        runner.onRecord = { records.append($0) }
        _ = try ReplayInputs.replay(ShippedContentTests.root + "/Scripts/first-session-new-couple.dialogue", runner: runner)
        #expect(records.contains { $0.body == .event(.namesGiven(partners: ["Dana", "Lee"], firstSession: true)) })
        let (replay, again) = RecordedReplayTests.replayed(records, file: "first-session-new-couple.dialogue")
        #expect(replay.failures.isEmpty, "\(replay.failures)")
        #expect(again == records)
    }
}
