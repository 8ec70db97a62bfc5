import Foundation
import Testing
@testable import Review
@testable import TranscriptFormat
import TranscriptStore
import TranscriptTestSupport

@Suite("Review at scale")
struct ScaleTests {
    /// A thousand sessions on consecutive days whose counts follow simple rules, so the totals
    /// can be worked out on paper:
    /// - Alex speaks `i % 5 + 1` times (3 words each), Sam `i % 3 + 1` times (2 words each):
    ///   Alex 200 × (1+2+3+4+5) = 3000 turns; Sam 333 × 6 + 1 = 1999 turns.
    /// - Alex's first line is an "I" statement when i is even (500); Sam's first is criticism
    ///   when i % 4 == 0 (250); Alex names "calm" when i % 10 == 0 (100).
    /// - Every session starts mirroring; it finishes unless i % 3 == 0 (1000 − 334 = 666).
    /// - Sam's last line is a mirror: faithful when i is even (500), confirmed when i % 5 == 0 (200).
    /// - A safety event when i % 250 == 0 (4).
    @Test func aThousandSessionsAddUp() throws {
        let folder = TemporaryFolder()
        let base = ts("2026-01-01T20:00:00Z").millisecondsSinceEpoch
        for i in 0..<1000 {
            let id = "s\(i)"
            var seq = 0
            var clock = base + Int64(i) * 86_400_000
            var text = ""
            func add(_ body: TranscriptRecord.Body) {
                seq += 1
                clock += 1000
                text += TranscriptLineEncoder.line(TranscriptRecord(session: id, seq: seq, timestamp: TranscriptTimestamp(millisecondsSinceEpoch: clock), body: body))
            }
            add(.event(.sessionStart(partners: ["Alex", "Sam"], version: "t", seed: 0)))
            add(.event(.flowStart(flow: "mirroring")))
            for turn in 0..<(i % 5 + 1) {
                var flags: [String] = []
                var slots: [String: String] = [:]
                if turn == 0 && i % 2 == 0 { flags.append("i_statement") }
                if turn == 0 && i % 10 == 0 { slots["feeling"] = "calm" }
                add(.partner(PartnerTurn(speaker: "Alex", text: "one two three", slots: slots, flags: flags)))
            }
            let samTurns = i % 3 + 1
            for turn in 0..<samTurns {
                let flags = turn == 0 && i % 4 == 0 ? ["criticism"] : []
                let mirror = turn == samTurns - 1 ? MirrorJudgement(verdict: i % 2 == 0 ? .faithful : .partial) : nil
                add(.partner(PartnerTurn(speaker: "Sam", text: "a b", flags: flags, mirror: mirror,
                                         confirmed: mirror == nil ? nil : i % 5 == 0)))
            }
            if i % 250 == 0 { add(.event(.safety(kind: "self_harm"))) }
            add(.event(.flowEnd(flow: "mirroring", completed: i % 3 != 0)))
            add(.event(.sessionEnd(reason: .quit)))
            try text.write(toFile: folder.sub("\(1000 + i).jsonl"), atomically: false, encoding: .utf8)
        }

        let (review, summary) = try reviewOf([folder.path], today: "2028-01-01")
        #expect(summary == DiagnosticSummary())
        #expect(review.sessions.count == 1000)
        let alex = review.totals.partners[0], sam = review.totals.partners[1]
        #expect((alex.name, alex.turns, alex.words, alex.iStatements) == ("Alex", 3000, 9000, 500))
        #expect((sam.name, sam.turns, sam.words, sam.criticism) == ("Sam", 1999, 3998, 250))
        #expect((sam.mirrorsTried, sam.mirrorsFaithful, sam.mirrorsConfirmed) == (1000, 500, 200))
        #expect((review.totals.exercisesStarted, review.totals.exercisesFinished) == (1000, 666))
        #expect(review.totals.feelings == ["calm": 100])
        #expect(review.safety.count == 4)
        #expect(review.streaks.longestDays == 1000)
        #expect(review.streaks.currentDays == 0)
        // 2026-01-01 is a Thursday (2026-W01); 1000 days later is 2028-09-26 (2028-W39).
        #expect(review.weeks.first?.week.description == "2026-W01")
        #expect(review.weeks.last?.week.description == "2028-W39")
        #expect(review.weeks.reduce(0) { $0 + $1.sessions } == 1000)
        #expect(review.weeks.reduce(0) { $0 + $1.partnerTurns } == 4999)
    }

    @Test func generatedCorpusMatchesWhatTheGeneratorCounted() throws {
        let folder = TemporaryFolder()
        var generator = SampleTranscriptGenerator(seed: 42, turnsPerSession: 60)
        let bytes = try generator.writeCorpus(sessions: 40, to: folder.path)
        let expected = generator.expected
        #expect(bytes == expected.bytes)
        let (review, summary) = try reviewOf([folder.path], today: "2027-01-01")
        #expect(summary == DiagnosticSummary())
        #expect(review.sessions.count == expected.sessions)
        var turns: [String: Int] = [:]
        for partner in review.totals.partners { turns[partner.name] = partner.turns }
        #expect(turns == expected.partnerTurns)
        #expect(review.totals.exercisesStarted == expected.exercisesStarted)
        #expect(review.totals.exercisesFinished == expected.exercisesFinished)
        #expect(review.totals.iStatements == expected.iStatements)
        #expect(review.totals.horsemen == expected.horsemen)
        #expect(review.totals.mirrorsTried == expected.mirrorsTried)
        #expect(review.totals.mirrorsFaithful == expected.mirrorsFaithful)
        #expect(review.totals.mirrorsConfirmed == expected.mirrorsConfirmed)
        #expect(review.safety.count == expected.safetyEvents)
        #expect(review.totals.feelings == expected.feelings)

        var one = SampleTranscriptGenerator(seed: 42, turnsPerSession: 60)
        var two = SampleTranscriptGenerator(seed: 42, turnsPerSession: 60)
        #expect(one.session(index: 0) == two.session(index: 0))
    }
}
