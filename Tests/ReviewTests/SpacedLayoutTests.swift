import Foundation
import Testing
@testable import Review
import TranscriptFormat
import TranscriptStore
import TranscriptTestSupport

/// Review reads any valid JSON Lines layout, not only Attune's own: the same sessions written
/// with spaces, sorted keys, escaped unicode and numbers in exponent form review identically.
@Suite("Other JSON layouts")
struct SpacedLayoutTests {
    @Test func theSpacedLayoutIsTheSameJSON() throws {
        let record = TranscriptRecord(
            session: "s", seq: 4, timestamp: TranscriptTimestamp(rfc3339: "2026-11-29T10:51:33.250Z")!,
            body: .partner(PartnerTurn(speaker: "Zoë", text: "I feel «lonely» 🙂 /start", intent: "express_feeling", confidence: 0.87,
                                       slots: ["feeling": "lonely"], flags: ["i_statement"], flow: "mirroring", state: "send")))
        var compact = TranscriptLineEncoder.encode(record)
        compact.removeLast()
        let spaced = SpacedJSONLayout.rewrite(compact)
        let text = String(decoding: spaced, as: UTF8.self)
        #expect(text.hasPrefix(#"{"confidence": 87e-2, "flags": ["i_statement"], "flow": "mirroring", "intent": "express_feeling", "role": "partner", "seq": 4.0e0, "#))
        #expect(text.contains(#""speaker": "Zo\u00eb""#))
        #expect(text.contains(#"\u00ablonely\u00bb \ud83d\ude42 \/start"#))
        #expect(text.hasSuffix(#""v": 2.0e0}"#))
        let parsed = try JSONSerialization.jsonObject(with: Data(spaced)) as? NSDictionary
        let original = try JSONSerialization.jsonObject(with: Data(compact)) as? NSDictionary
        #expect(parsed == original)
        #expect(try TranscriptLineDecoder.decode(text).get() == record)
    }

    @Test func numbersInAnyFormReadAsTheSameValue() throws {
        for (written, value) in [("0.92", 0.92), ("92e-2", 0.92), ("9.2E-1", 0.92), ("0.0001", 0.0001), ("1", 1), ("1.0e0", 1),
                                 ("0.123456789012345678901", 0.123456789012345678901), ("5e-324", 5e-324)] {
            let line = #"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"partner","speaker":"A","text":"hi","confidence":\#(written)}"#
            guard case .partner(let turn) = try TranscriptLineDecoder.decode(line).get().body else {
                Issue.record("not a partner line")
                continue
            }
            #expect(turn.confidence == value, "\(written)")
        }
        let fractional = #"{"v":1,"session":"s","seq":1.5,"ts":"2026-11-29T10:51:33Z","role":"coach","text":"hi"}"#
        guard case .failure(.malformed(_, let message)) = TranscriptLineDecoder.decode(fractional) else {
            Issue.record("a fractional seq was read")
            return
        }
        #expect(message == "expected an integer")
    }

    @Test func aSpacedCorpusReviewsExactlyAsTheCompactOne() throws {
        let compact = TemporaryFolder(), spaced = TemporaryFolder()
        var first = SampleTranscriptGenerator(seed: 9, turnsPerSession: 40)
        var second = SampleTranscriptGenerator(seed: 9, turnsPerSession: 40)
        let compactBytes = try first.writeCorpus(sessions: 12, to: compact.path)
        let spacedBytes = try second.writeCorpus(sessions: 12, to: spaced.path, layout: .spaced)
        #expect(spacedBytes > compactBytes)
        let (a, aSummary) = try reviewOf([compact.path], today: "2027-01-01")
        let (b, bSummary) = try reviewOf([spaced.path], today: "2027-01-01")
        #expect(aSummary == DiagnosticSummary())
        #expect(bSummary == DiagnosticSummary())
        #expect(a.totals == b.totals)
        #expect(a.couples.map(\.totals) == b.couples.map(\.totals))
        #expect(ReviewTextRenderer().render(a) == ReviewTextRenderer().render(b))
    }
}
