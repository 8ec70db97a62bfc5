import Foundation
import Testing
@testable import Review
import TranscriptFormat
import TranscriptTestSupport

/// ProgressReport: exercises finished and untried, the streak with one grace day, skills practised.
@Suite("Progress")
struct ProgressTests {
    static let all = ["active-listening", "appreciation", "barriers", "check-in", "date-night", "deep-questions", "i-feel",
                      "just-like-me", "long-distance", "mirroring", "myths", "repair", "stages", "stress-talk", "touch"]

    func streak(_ days: [String], today: String) -> ProgressReport.Streak {
        ProgressReport.streak(days: days.map(day), today: day(today))
    }

    @Test func aRunOfDaysEndingTodayIsCurrent() {
        let run = streak(["2026-11-08", "2026-11-09", "2026-11-10"], today: "2026-11-10")
        #expect((run.days, run.first?.description, run.last?.description, run.graceDay, run.isCurrent) == (3, "2026-11-08", "2026-11-10", nil, true))
        // Today is not over: a run ending yesterday is still going.
        #expect(streak(["2026-11-08", "2026-11-09"], today: "2026-11-10").isCurrent)
    }

    @Test func oneMissedDayIsForgivenOnceAndASecondEndsTheRun() {
        let run = streak(["2026-11-03", "2026-11-05", "2026-11-06", "2026-11-08", "2026-11-09"], today: "2026-11-09")
        // Walking back from the 9th: the 7th is the grace day; the 4th, a second missed day, ends it.
        #expect(run.days == 4)
        #expect(run.graceDay?.description == "2026-11-07")
        #expect(run.first?.description == "2026-11-05")
        // Two missed days in a row end the run even with the grace day unused.
        let broken = streak(["2026-11-01", "2026-11-02", "2026-11-05"], today: "2026-11-05")
        #expect((broken.days, broken.graceDay) == (1, nil))
    }

    @Test func missingYesterdayUsesTheGraceDayAndTwoDaysEndTheStreak() {
        let graced = streak(["2026-11-07", "2026-11-08"], today: "2026-11-10")
        #expect((graced.days, graced.graceDay?.description, graced.isCurrent) == (2, "2026-11-09", true))
        let ended = streak(["2026-11-07", "2026-11-08"], today: "2026-11-11")
        #expect((ended.days, ended.isCurrent) == (2, false))
        #expect(streak([], today: "2026-11-11") == ProgressReport.Streak())
    }

    @Test func threeCouplesEachGetTheirOwnProgress() throws {
        let (review, _) = try reviewOf([Fixtures.path("three-couples")], today: "2026-11-11")
        let progress = ProgressReport(review, exercises: Self.all, today: day("2026-11-11"))
        #expect(progress.couples.map(\.partners) == [["Jordan", "Priya"], ["Dana"], ["Alex", "Sam"]])
        let jordanPriya = progress.couples[0], dana = progress.couples[1], alexSam = progress.couples[2]
        #expect(jordanPriya.finished.map(\.flow) == ["date-night", "repair"])
        #expect(jordanPriya.untried.count == 13)
        #expect(!jordanPriya.untried.contains("repair"))
        #expect(dana.finished.isEmpty)
        #expect(!dana.untried.contains("check-in"))  // started, though not finished: tried
        #expect(dana.untried.count == 14)
        #expect((alexSam.mirrorsConfirmed, alexSam.iFeelStatements, alexSam.repairPhrases) == (1, 1, 0))
        #expect((jordanPriya.mirrorsConfirmed, jordanPriya.iFeelStatements, jordanPriya.repairPhrases) == (0, 0, 2))
        #expect(jordanPriya.lastArtifacts.map(\.artifact.kind) == ["repair_phrases", "date_plan"])
        // Jordan and Priya practised on the 2nd and the 10th: the latest run is one day, and
        // with the 11th today it is still going.
        #expect((jordanPriya.streak.days, jordanPriya.streak.isCurrent) == (1, true))

        let text = ProgressRenderer(format: .text).render(progress)
        #expect(text.contains("Jordan & Priya · 2 sessions\n"))
        #expect(text.contains("\nDana · 1 session\n"))
        #expect(text.contains("\nAlex & Sam · 1 session\n"))
        #expect(text.contains("  Skills          1 mirror confirmed · 1 \"I feel\" statement built · 0 repair phrases chosen\n"))
        #expect(text.contains("  Finished        date-night ×1 · repair ×1\n"))
        let markdown = ProgressRenderer(format: .markdown).render(progress)
        #expect(markdown.contains("\n## Alex & Sam\n"))
        #expect(markdown.contains("- **Skills:** 0 mirrors confirmed · 0 \"I feel\" statements built · 2 repair phrases chosen"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ProgressRenderer(format: .json).render(progress).utf8)) as? [String: Any])
        let couples = try #require(json["couples"] as? [[String: Any]])
        #expect(couples.count == 3)
        #expect((couples[2]["skills"] as? [String: Int]) == ["mirrors_confirmed": 1, "i_feel_statements": 1, "repair_phrases": 0])
        #expect((couples[0]["untried"] as? [String])?.count == 13)
        #expect((json["exercises"] as? [String])?.count == 15)
    }
}
