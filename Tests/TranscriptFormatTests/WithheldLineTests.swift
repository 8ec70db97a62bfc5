import Foundation
import Testing
@testable import TranscriptFormat
import TranscriptTestSupport

/// A partner line that raised a safety event keeps who said it and how it was read, never the words.
@Suite struct WithheldLineTests {
    let record = TranscriptRecord(session: "s", seq: 5, timestamp: ts("2026-11-29T10:51:33Z"),
                                  body: .partner(.withheld(speaker: "Alex", intent: "crisis_abuse")))
    let line = #"{"v":2,"session":"s","seq":5,"ts":"2026-11-29T10:51:33Z","role":"partner","speaker":"Alex","intent":"crisis_abuse","withheld":true}"#

    @Test func isWrittenWithSpeakerIntentAndWithheldOnly() {
        #expect(TranscriptLineEncoder.line(record) == line + "\n")
    }

    @Test func nothingDerivedFromTheWordsIsWrittenEvenIfATurnCarriesIt() {
        var turn = PartnerTurn(speaker: "Alex", text: "the words", intent: "crisis_abuse", slots: ["feeling": "scared"],
                               flags: ["criticism"], flow: "mirroring", state: "send")
        turn.withheld = true
        let written = TranscriptLineEncoder.line(TranscriptRecord(session: "s", seq: 5, timestamp: ts("2026-11-29T10:51:33Z"), body: .partner(turn)))
        #expect(written == line + "\n")
    }

    @Test func readsBack() throws {
        #expect(try TranscriptLineDecoder.decode(line).get() == record)
    }

    @Test func wordsFoundBesideWithheldAreNotRead() throws {
        let withText = #"{"v":2,"session":"s","seq":5,"ts":"2026-11-29T10:51:33Z","role":"partner","speaker":"Alex","text":"the words","slots":{"a":"b"},"intent":"crisis_abuse","withheld":true}"#
        #expect(try TranscriptLineDecoder.decode(withText).get() == record)
    }

    @Test func aPartnerLineWithoutTextMustSayItIsWithheld() {
        let noText = #"{"v":1,"session":"s","seq":5,"ts":"2026-11-29T10:51:33Z","role":"partner","speaker":"Alex","intent":"greet"}"#
        guard case .failure(let problem) = TranscriptLineDecoder.decode(noText) else {
            Issue.record("a partner line with no text and no withheld was read")
            return
        }
        #expect("\(problem)".contains("withheld"))
        let noSpeaker = #"{"v":1,"session":"s","seq":5,"ts":"2026-11-29T10:51:33Z","role":"partner","intent":"crisis_abuse","withheld":true}"#
        guard case .failure = TranscriptLineDecoder.decode(noSpeaker) else {
            Issue.record("a withheld line with no speaker was read")
            return
        }
    }
}
