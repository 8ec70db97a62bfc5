import Foundation
import IntentEngine
import Testing
@testable import Review
@testable import TranscriptFormat
import TranscriptStore
import TranscriptTestSupport

@Suite("Redaction and masking")
struct RedactionTests {
    @Test(arguments: [
        ("write to alex.smith+home@example.co.uk today", "write to [email] today"),
        ("call me on +1 (415) 555-0132.", "call me on [phone]."),
        ("my number is 07700 900123", "my number is [phone]"),
        ("or 555-0132 locally", "or [phone] locally"),
        ("it cost 1500 dollars, room 12-34", "it cost 1500 dollars, room 12-34"),
        ("we met on 2026-11-29 at noon", "we met on 2026-11-29 at noon"),
        ("see https://example.org/path?q=1, it helps", "see [link], it helps"),
        ("or www.relate.org.uk.", "or [link]."),
        ("try couples-help.org/tips", "try [link]"),
        ("e.g. this is fine", "e.g. this is fine"),
        ("I moved to 42 Baker Street last year", "I moved to [address] last year"),
        ("send it to 1600 Pennsylvania Ave. please", "send it to [address] please"),
        ("it's at 221b Baker St", "it's at [address]"),
        ("I have 2 dogs on the way", "I have 2 dogs on the way"),
        ("nothing to hide here", "nothing to hide here"),
    ])
    func masksDetails(input: String, expected: String) {
        #expect(SensitiveTextMasker.mask(input) == expected)
    }

    @Test func replacesNamesAsWholeWordsInAnyCase() {
        let redactor = Redactor(namesInOrder: ["Sam", "Alexandra", "Sam"])
        #expect(redactor.aliases == ["Sam": "Partner A", "Alexandra": "Partner B"])
        #expect(redactor.text("SAM told alexandra that Sam's sister Samantha called") ==
                "Partner A told Partner B that Partner A's sister Samantha called")
        #expect(redactor.name("Nobody") == "Partner ?")
        #expect(Redactor.alias(forIndex: 26) == "Partner 27")
    }

    @Test func reviewRedactsNamesEverywhereIncludingJSONKeys() throws {
        let (review, _) = try reviewOf([Fixtures.path("couple")], redact: true)
        #expect(review.redacted)
        #expect(review.totals.partners.map(\.name) == ["Partner A", "Partner B"])
        for session in review.sessions {
            #expect(session.tally.partners.map(\.name) == ["Partner A", "Partner B"])
        }
        let outputs = [
            ReviewTextRenderer().render(review), ReviewMarkdownRenderer().render(review), ReviewJSONRenderer().render(review),
        ]
        for output in outputs {
            #expect(!output.contains("Alex"))
            #expect(!output.contains("Sam"))
            #expect(!output.contains(Fixtures.folder))
        }
        let json = try JSONSerialization.jsonObject(with: Data(outputs[2].utf8)) as! [String: Any]
        let couples = try #require(json["couples"] as? [[String: Any]])
        let partners = try #require(couples.first?["partners"] as? [String: Any])
        #expect(Set(partners.keys) == ["Partner A", "Partner B"])
        #expect(json["redacted"] as? Bool == true)
    }

    @Test func aliasesFollowFirstAppearanceInTime() {
        var accumulator = ReviewAccumulator()
        func add(_ session: String, _ when: String, _ partners: [String]) {
            accumulator.add(TranscriptRecord(session: session, seq: 1, timestamp: ts(when),
                                             body: .event(.sessionStart(partners: partners, version: "", seed: 0))), source: "-")
        }
        // Read out of order: the later session (Zoe first) is read before the earlier one.
        add("later", "2026-02-01T10:00:00Z", ["Zoe", "Kim"])
        add("earlier", "2026-01-01T10:00:00Z", ["Kim", "Zoe"])
        let review = Review(accumulator, options: .init(redact: true, today: day("2026-02-02")))
        #expect(review.sessions[0].tally.partners.map(\.name) == ["Partner A", "Partner B"])  // Kim, Zoe
        #expect(review.sessions[1].tally.partners.map(\.name) == ["Partner B", "Partner A"])  // Zoe, Kim
    }

    @Test func feelingsAreMaskedWhenRedacting() {
        var accumulator = ReviewAccumulator()
        accumulator.add(TranscriptRecord(session: "s", seq: 1, timestamp: ts("2026-01-01T10:00:00Z"), body: .partner(PartnerTurn(
            speaker: "Kim", text: "x", slots: ["feeling": "mad at kim@example.com"]))), source: "-")
        let review = Review(accumulator, options: .init(redact: true, today: day("2026-01-02")))
        #expect(review.totals.feelings == ["mad at [email]": 1])
    }

    @Test func conversationShowRedactsNamesAndText() {
        var renderer = ConversationRenderer(redact: true)
        let t = ts("2026-01-01T10:00:00Z")
        let start = renderer.render(TranscriptRecord(session: "s", seq: 1, timestamp: t,
                                                      body: .event(.sessionStart(partners: ["Kim", "Zoe"], version: "", seed: 0))))
        #expect(start == "— session started: Partner A and Partner B (2026-01-01 10:00 UTC) —")
        let line = renderer.render(TranscriptRecord(session: "s", seq: 2, timestamp: t, body: .partner(PartnerTurn(
            speaker: "Zoe", text: "Kim, email me at zoe@example.com"))))
        #expect(line == "Partner B: Partner A, email me at [email]")
    }
}

@Suite("Small pieces: words, bars, terminal text")
struct SmallPiecesTests {
    /// Review counts the words the coach matches on: one tokeniser for both.
    @Test(arguments: [
        ("", 0), ("   ", 0), ("hello", 1), ("I feel lonely when you work late", 7), ("don't", 1), ("I’m fine", 2),
        ("well-being matters", 3), ("wait -- what?!", 2), ("café au lait", 3), ("Yes, exactly", 2), ("— … —", 0),
        ("日本 語", 2), ("ok 👍 ok", 2),
    ])
    func countsWordsAsTheCoachReadsThem(text: String, words: Int) {
        var tally = ReviewTally()
        tally.add(TranscriptRecord(session: "s", seq: 1, timestamp: ts("2026-11-29T10:00:00Z"),
                                   body: .partner(PartnerTurn(speaker: "Alex", text: text, intent: "other", confidence: 1))))
        #expect(tally.partners.first?.words == words)
        #expect(words == TextNormalizer.words(text).count)
    }

    @Test func barsUseEighths() {
        #expect(UnicodeGraphics.bar(0, width: 4) == "    ")
        #expect(UnicodeGraphics.bar(1, width: 4) == "████")
        #expect(UnicodeGraphics.bar(0.5, width: 4) == "██  ")
        #expect(UnicodeGraphics.bar(1.0 / 32, width: 4) == "▏   ")
        #expect(UnicodeGraphics.bar(.nan, width: 2) == "  ")
        #expect(UnicodeGraphics.bar(7, width: 2) == "██")
    }

    @Test func sparklinesScaleFromLowToHigh() {
        #expect(UnicodeGraphics.sparkline([]) == "")
        #expect(UnicodeGraphics.sparkline([0, 0]) == "▁▁")
        #expect(UnicodeGraphics.sparkline([3, 3]) == "▄▄")
        #expect(UnicodeGraphics.sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
    }

    @Test func terminalTextDropsControlSequences() {
        #expect(TerminalText.sanitize("plain ✓") == "plain ✓")
        #expect(TerminalText.sanitize("\u{1B}[31mred\u{1B}[0m") == "red")
        #expect(TerminalText.sanitize("\u{1B}]0;title\u{07}x") == "x")
        #expect(TerminalText.sanitize("\u{1B}]8;;http://x\u{1B}\\link") == "link")
        #expect(TerminalText.sanitize("a\nb\tc\rd") == "a b c d")
        #expect(TerminalText.sanitize("bell\u{07}del\u{7F}c1\u{85}csi\u{9B}2Jz") == "belldelc1csiz")
        #expect(TerminalText.sanitize("\u{1B}") == "")
        #expect(TerminalText.sanitize("\u{1B}c reset") == " reset")
    }

    @Test func decimalsAreFixedPoint() {
        #expect(JSONOutput.decimal(0.5, places: 3) == "0.5")
        #expect(JSONOutput.decimal(2, places: 3) == "2")
        #expect(JSONOutput.decimal(1.0 / 3, places: 3) == "0.333")
        #expect(JSONOutput.decimal(-0.0004, places: 3) == "0")
        #expect(JSONOutput.decimal(-1.25, places: 1) == "-1.3")
        #expect(JSONOutput.decimal(.infinity, places: 1) == "0")
    }
}
