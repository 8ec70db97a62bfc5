import Testing
@testable import Review
@testable import TranscriptFormat
import TranscriptStore
import TranscriptTestSupport

/// The listener mirrors; the speaker's "yes" comes on a later line and counts for the listener.
@Suite struct MirrorConfirmationTests {
    @Test func theSpeakersYesConfirmsTheListenersMirror() {
        let lines = """
        {"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:00:00Z","role":"event","event":"session_start","partners":["Alex","Sam"],"version":"0.1.0","seed":1}
        {"v":1,"session":"s","seq":2,"ts":"2026-11-29T10:00:01Z","role":"partner","speaker":"","text":"Alex and Sam","intent":"give_names","confidence":1,"slots":{},"flags":[],"flow":null,"state":null}
        {"v":1,"session":"s","seq":3,"ts":"2026-11-29T10:00:02Z","role":"partner","speaker":"Alex","text":"I feel lonely","intent":"express_feeling","confidence":1,"slots":{"feeling":"lonely"},"flags":["i_statement"],"flow":"mirroring","state":"send"}
        {"v":1,"session":"s","seq":4,"ts":"2026-11-29T10:00:03Z","role":"partner","speaker":"Sam","text":"you feel lonely","intent":"mirror","confidence":1,"slots":{},"flags":[],"flow":"mirroring","state":"mirror","mirror":{"verdict":"faithful","kept":["lonely"],"missed":[],"added":[]}}
        {"v":1,"session":"s","seq":5,"ts":"2026-11-29T10:00:04Z","role":"partner","speaker":"Alex","text":"yes","intent":"affirm","confidence":1,"slots":{},"flags":[],"flow":"mirroring","state":"check","confirmed":true}

        """
        var reader = TranscriptReader(text: lines)
        var tally = ReviewTally()
        while let item = reader.next() {
            if case .record(let record, _) = item { tally.add(record) }
        }
        #expect(tally.partners.map(\.name) == ["Alex", "Sam"])
        #expect(tally.mirrorsTried == 1)
        #expect(tally.mirrorsConfirmed == 1)
        #expect(tally.partners.first { $0.name == "Sam" }?.mirrorsConfirmed == 1)
        #expect(tally.partners.reduce(0) { $0 + $1.turns } == 3)
    }
}
