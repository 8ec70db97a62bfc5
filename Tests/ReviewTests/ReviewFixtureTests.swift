import Foundation
import Testing
@testable import Review
@testable import TranscriptFormat
import TranscriptStore
import TranscriptTestSupport

/// The numbers here were counted by hand from the fixtures; see Tests/Fixtures/transcripts/README.md.
@Suite("Review over the hand-made couple transcripts")
struct ReviewFixtureTests {
    @Test func totalsMatchTheHandCount() throws {
        let (review, summary) = try reviewOf([Fixtures.path("couple")])
        #expect(summary == DiagnosticSummary())
        #expect(review.sessions.map(\.id) == [
            "2026-11-02T19-00-00Z-aaaaaa", "2026-11-03T20-00-00Z-bbbbbb", "2026-11-10T18-30-00Z-cccccc",
        ])
        #expect(review.sessions.map(\.durationMilliseconds) == [600_000, 1_200_000, 900_000])
        #expect(review.totalDurationMilliseconds == 45 * 60_000)

        let totals = review.totals
        #expect(totals.partners.map(\.name) == ["Alex", "Sam"])
        let alex = totals.partners[0], sam = totals.partners[1]
        #expect((alex.turns, alex.words, sam.turns, sam.words) == (6, 32, 5, 24))
        #expect((alex.iStatements, sam.iStatements) == (3, 2))
        #expect((alex.criticism, alex.contempt, alex.defensiveness, alex.stonewalling) == (0, 1, 0, 1))
        #expect((sam.criticism, sam.contempt, sam.defensiveness, sam.stonewalling) == (1, 0, 0, 0))
        #expect((alex.mirrorsTried, alex.mirrorsFaithful, alex.mirrorsConfirmed) == (1, 0, 0))
        #expect((sam.mirrorsTried, sam.mirrorsFaithful, sam.mirrorsConfirmed) == (1, 1, 1))
        #expect((totals.exercisesStarted, totals.exercisesFinished) == (3, 2))
        #expect(totals.flows.sorted { $0.name < $1.name } == [
            FlowTally(name: "appreciation", started: 1, finished: 1),
            FlowTally(name: "check-in", started: 1, finished: 0),
            FlowTally(name: "mirroring", started: 1, finished: 1),
        ])
        #expect(totals.feelingsByCount.map(\.feeling) == ["anxious", "grateful", "lonely", "tired"])
        #expect(totals.feelingsByCount.map(\.count) == [2, 1, 1, 1])
        #expect(review.safety == [SafetyNote(session: "2026-11-03T20-00-00Z-bbbbbb", timestamp: ts("2026-11-03T20:03:00Z"), kind: "abuse")])
    }

    @Test func perSessionCountsMatchTheHandCount() throws {
        let (review, _) = try reviewOf([Fixtures.path("couple")])
        let a = review.sessions[0].tally, b = review.sessions[1].tally, c = review.sessions[2].tally
        #expect(a.partners.map(\.turns) == [3, 2])
        #expect(a.partners.map(\.words) == [15, 14])
        #expect(b.partners.map(\.turns) == [2, 2])
        #expect(b.partners.map(\.words) == [11, 8])
        #expect(c.partners.map(\.words) == [6, 2])
        #expect(a.iStatements == 2 && b.iStatements == 2 && c.iStatements == 1)
        #expect(a.horsemen == 1 && b.horsemen == 2 && c.horsemen == 0)
        #expect(b.safety.map(\.kind) == ["abuse"])
        #expect(a.feelings == ["lonely": 1, "tired": 1])
    }

    @Test func weeksAndStreaks() throws {
        let (review, _) = try reviewOf([Fixtures.path("couple")], today: "2026-11-11")
        #expect(review.weeks.map(\.week.description) == ["2026-W45", "2026-W46"])
        let w45 = review.weeks[0], w46 = review.weeks[1]
        #expect((w45.sessions, w45.partnerTurns, w45.exercisesFinished, w45.iStatements, w45.horsemen) == (2, 9, 1, 4, 3))
        #expect(abs(w45.iStatementsPer100Turns - 400.0 / 9) < 1e-9)
        #expect(abs(w45.horsemenPer100Turns - 300.0 / 9) < 1e-9)
        #expect((w46.sessions, w46.partnerTurns, w46.exercisesFinished, w46.iStatementsPer100Turns, w46.horsemenPer100Turns) == (1, 2, 1, 50, 0))
        #expect(review.streaks == Review.Streaks(longestDays: 2, currentDays: 1))
        #expect(try reviewOf([Fixtures.path("couple")], today: "2026-11-20").0.streaks.currentDays == 0)
        #expect(try reviewOf([Fixtures.path("couple")], today: "2026-11-10").0.streaks.currentDays == 1)
    }

    @Test func emptyWeeksBetweenSessionsAreKept() {
        var accumulator = ReviewAccumulator()
        for (id, when) in [("a", "2026-01-05T10:00:00Z"), ("b", "2026-01-27T10:00:00Z")] {
            accumulator.add(TranscriptRecord(session: id, seq: 1, timestamp: ts(when), body: .event(.sessionEnd(reason: .quit))), source: "-")
        }
        let review = Review(accumulator, options: .init(today: day("2026-02-01")))
        #expect(review.weeks.map(\.week.description) == ["2026-W02", "2026-W03", "2026-W04", "2026-W05"])
        #expect(review.weeks.map(\.sessions) == [1, 0, 0, 1])
    }

    @Test func sinceSkipsEarlierSessions() throws {
        let (review, _) = try reviewOf([Fixtures.path("couple")], since: "2026-11-03")
        #expect(review.sessions.map(\.id) == ["2026-11-03T20-00-00Z-bbbbbb", "2026-11-10T18-30-00Z-cccccc"])
        #expect(review.totals.partnerTurns == 6)
        #expect(review.safety.count == 1)
        let (later, _) = try reviewOf([Fixtures.path("couple")], since: "2026-11-04")
        #expect(later.safety.isEmpty)
    }

    @Test func filesGivenOneByOneEqualTheFolder() throws {
        let files = TranscriptInputs.transcriptFiles(in: Fixtures.path("couple")) + [Fixtures.path("couple/more/2026-11-10T18-30-00Z-cccccc.jsonl")]
        #expect(try reviewOf(files).0 == reviewOf([Fixtures.path("couple")]).0)
    }

    @Test func emptyInputGivesAnEmptyReport() throws {
        let (review, summary) = try reviewOf([Fixtures.path("empty.jsonl")])
        #expect(review.sessions.isEmpty && review.weeks.isEmpty && review.safety.isEmpty)
        #expect(summary == DiagnosticSummary())
        #expect(ReviewTextRenderer().render(review) == "Attune review · no sessions\n\nSafety\n  no safety events\n")
        let json = try JSONSerialization.jsonObject(with: Data(ReviewJSONRenderer().render(review).utf8)) as! [String: Any]
        #expect((json["sessions"] as! [Any]).isEmpty)
        #expect(ReviewMarkdownRenderer().render(review).contains("No sessions."))
    }

    @Test func problemFilesAreCountedButDoNotStopTheReport() throws {
        let (review, summary) = try reviewOf([
            Fixtures.path("torn-last-line.jsonl"), Fixtures.path("malformed-middle.jsonl"), Fixtures.path("unknown-version.jsonl"),
        ])
        #expect(summary.tornLastLines == 1)
        #expect(summary.malformedLines == 1)
        #expect(summary.unsupportedVersions == 1)
        #expect(review.sessions.map(\.id) == ["torn", "mm", "uv"])
        #expect(review.totals.partnerTurns == 1 + 2 + 1)
    }

    @Test func textReportPutsSafetyFirstAndDrawsBars() throws {
        let (review, _) = try reviewOf([Fixtures.path("couple")])
        let text = ReviewTextRenderer().render(review)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Attune review · 3 sessions · 2026-11-02 to 2026-11-10 · 45 min in sessions")
        #expect(lines[2] == "Safety")
        #expect(lines[3] == "  ! 2026-11-03 20:03 UTC  abuse  session 2026-11-03T20-00-00Z-bbbbbb")
        // Alex has 6 of 11 turns: 54.5% of 20 columns is 10.9 → 10 full blocks and 7 eighths.
        // The bar is padded to 20 columns, then one space and the share right-aligned in 4.
        #expect(text.contains("Talk balance    Alex  ██████████▉" + String(repeating: " ", count: 11) + "55%  6 turns, 32 words (57%)"))
        #expect(text.contains("                Sam   █████████▏" + String(repeating: " ", count: 12) + "45%  5 turns, 24 words (43%)"))
        #expect(text.contains("Exercises       3 started · 2 finished"))
        #expect(text.contains("\"I\" statements  Alex 3 · Sam 2"))
        #expect(text.contains("Horsemen        Alex  criticism 0 · contempt 1 · defensiveness 0 · stonewalling 1"))
        #expect(text.contains("Mirrors         2 tried · 1 faithful · 1 confirmed"))
        #expect(text.contains("Feelings named  anxious 2 · grateful 1 · lonely 1 · tired 1"))
        #expect(text.contains("  2026-W45           2         1     44.4          33.3"))
        #expect(text.contains("  finished      ▄▄"))
        #expect(text.contains("  \"I\"/100       ▁█"))
        #expect(text.contains("  horsemen/100  █▁"))
        #expect(text.contains("longest 2 days · current 1 day"))
        #expect(!text.contains("\u{1B}["))
        #expect(ReviewTextRenderer(colour: true).render(review).contains("\u{1B}[1mSafety\u{1B}[0m"))
    }

    @Test func markdownReportPutsSafetyFirst() throws {
        let (review, _) = try reviewOf([Fixtures.path("couple")])
        let markdown = ReviewMarkdownRenderer().render(review)
        let safety = try #require(markdown.range(of: "## Safety"))
        let totals = try #require(markdown.range(of: "## Alex & Sam"))
        #expect(safety.lowerBound < totals.lowerBound)
        #expect(markdown.contains("- **abuse** at 2026-11-03 20:03 UTC (session `2026-11-03T20-00-00Z-bbbbbb`)"))
        #expect(markdown.contains("| Alex | 6 | 55% | 32 | 57% |"))
        #expect(markdown.contains("| check\\-in | 1 | 0 |") || markdown.contains("| check-in | 1 | 0 |"))
        #expect(markdown.contains("| 2026-W45 | 2 | 1 | 44.4 | 33.3 |"))
    }

    @Test func jsonReportHasTheDocumentedShape() throws {
        let (review, _) = try reviewOf([Fixtures.path("couple")])
        let text = ReviewJSONRenderer().render(review)
        #expect(text.hasPrefix("{\n  \"version\": 2,\n  \"safety\": ["))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["sessions"] as? Int == 3)
        #expect(summary["duration_seconds"] as? Int == 2700)
        #expect(summary["couples"] as? Int == 1)
        let couples = try #require(json["couples"] as? [[String: Any]])
        let couple = try #require(couples.first)
        #expect(couple["names"] as? [String] == ["Alex", "Sam"])
        #expect(couple["partner_turns"] as? Int == 11)
        let partners = try #require(couple["partners"] as? [String: Any])
        let alex = try #require(partners["Alex"] as? [String: Any])
        #expect(alex["words"] as? Int == 32)
        #expect(alex["turn_share"] as? Double == 0.545)
        #expect(alex["stonewalling"] as? Int == 1)
        let exercises = try #require(couple["exercises"] as? [String: Any])
        #expect(exercises["finished"] as? Int == 2)
        let byFlow = try #require(exercises["by_flow"] as? [String: [String: Int]])
        #expect(byFlow["check-in"] == ["started": 1, "finished": 0])
        let horsemen = try #require(couple["horsemen"] as? [String: Int])
        #expect(horsemen == ["criticism": 1, "contempt": 1, "defensiveness": 0, "stonewalling": 1, "total": 3])
        let weeks = try #require(couple["weeks"] as? [[String: Any]])
        #expect(weeks.first?["i_statements_per_100_turns"] as? Double == 44.44)
        #expect(weeks.first?["start"] as? String == "2026-11-02")
        let safety = try #require(json["safety"] as? [[String: Any]])
        #expect(safety.first?["kind"] as? String == "abuse")
        #expect(safety.first?["ts"] as? String == "2026-11-03T20:03:00Z")
        let sessions = try #require(json["sessions"] as? [[String: Any]])
        #expect(sessions.count == 3)
        #expect(sessions[1]["safety_events"] as? Int == 1)
        #expect((sessions[0]["source"] as? String)?.hasSuffix("2026-11-02T19-00-00Z-aaaaaa.jsonl") == true)
        #expect(couple["streaks"] as? [String: Int] == ["longest_days": 2, "current_days": 1])
        #expect((couple["mirrors"] as? [String: Any])?["explained"] as? String == Review.mirrorsExplained)
        #expect(sessions.allSatisfy { $0["couple"] as? Int == 0 })
    }

    @Test func rendererOutputIsDeterministic() throws {
        let first = try reviewOf([Fixtures.path("couple")]).0
        let second = try reviewOf([Fixtures.path("couple")]).0
        #expect(ReviewJSONRenderer().render(first) == ReviewJSONRenderer().render(second))
        #expect(ReviewTextRenderer().render(first) == ReviewTextRenderer().render(second))
    }
}
