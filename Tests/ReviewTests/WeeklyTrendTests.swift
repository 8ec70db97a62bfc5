import Foundation
import Testing
@testable import Review
import TranscriptFormat
import TranscriptStore
import TranscriptTestSupport

@Suite("The weekly trend")
struct WeeklyTrendTests {
    func sessionStart(_ id: String, _ ts: String) -> String {
        #"{"v":1,"session":"\#(id)","seq":1,"ts":"\#(ts)","role":"event","event":"session_start","partners":["Alex","Sam"]}"# + "\n"
    }

    func review(_ text: String) -> Review {
        var accumulator = ReviewAccumulator()
        var summary = DiagnosticSummary()
        var reader = TranscriptReader(text: text)
        accumulator.read(&reader, summary: &summary) { _ in }
        return Review(accumulator, options: Review.Options(today: CivilDay(parsing: "2026-11-11")!))
    }

    @Test func sessionsTenThousandYearsApartCostTwoWeeksNotHalfAMillion() {
        let trend = review(sessionStart("a", "0000-01-01T00:00:00Z") + sessionStart("b", "9999-01-01T00:00:00Z")).weeks
        #expect(trend.count == 2)
        #expect(trend.map(\.sessions) == [1, 1])
        #expect(trend[0].emptyWeeksBefore == 0)
        #expect(trend[1].emptyWeeksBefore > 500_000)
    }

    @Test func shortGapsAreShownWeekByWeek() {
        let trend = review(sessionStart("a", "2026-11-02T10:00:00Z") + sessionStart("b", "2026-11-23T10:00:00Z")).weeks
        #expect(trend.map(\.week.description) == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"])
        #expect(trend.map(\.sessions) == [1, 0, 0, 1])
        #expect(trend.allSatisfy { $0.emptyWeeksBefore == 0 })
    }

    @Test func aGapOfMoreThanAQuarterIsOneCount() {
        // 2026-W01 to 2026-W20: 18 empty weeks between, more than the 13 listed one by one.
        let trend = review(sessionStart("a", "2026-01-01T10:00:00Z") + sessionStart("b", "2026-05-14T10:00:00Z")).weeks
        #expect(trend.map(\.week.description) == ["2026-W01", "2026-W20"])
        #expect(trend[1].emptyWeeksBefore == 18)
        var text = ""
        ReviewTextRenderer(colour: false).render(review(sessionStart("a", "2026-01-01T10:00:00Z")
            + sessionStart("b", "2026-05-14T10:00:00Z")), to: { text += $0 })
        #expect(text.contains("… 18 empty weeks …"))
    }
}
