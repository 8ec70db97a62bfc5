import Testing
@testable import TranscriptFormat
import TranscriptTestSupport

@Suite("Timestamps, days and ISO weeks")
struct CalendarTests {
    @Test func parsesAndFormatsRFC3339() {
        #expect(ts("1970-01-01T00:00:00Z").millisecondsSinceEpoch == 0)
        #expect(ts("2026-11-29T10:51:33Z").rfc3339 == "2026-11-29T10:51:33Z")
        #expect(ts("2026-11-29T10:51:33.5Z").rfc3339 == "2026-11-29T10:51:33.500Z")
        #expect(ts("2026-11-29T10:51:33.123456Z").millisecondsSinceEpoch % 1000 == 123)
        #expect(ts("2026-11-29T12:51:33+02:00") == ts("2026-11-29T10:51:33Z"))
        #expect(ts("2026-11-29t10:51:33z") == ts("2026-11-29T10:51:33Z"))
        #expect(ts("1969-12-31T23:59:59.999Z").millisecondsSinceEpoch == -1)
        #expect(ts("1969-12-31T23:59:59.999Z").rfc3339 == "1969-12-31T23:59:59.999Z")
    }

    @Test(arguments: ["", "2026-11-29", "2026-11-29T10:51:33", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                      "2026-11-29T25:00:00Z", "2026-11-29T10:51:33.Z", "2026-11-29T10:51:33Zjunk", "2026-11-29T10:51:33+0200"])
    func rejectsWhatIsNotRFC3339(text: String) {
        #expect(TranscriptTimestamp(rfc3339: text) == nil)
    }

    @Test func daysAndWeeksMatchTheCalendar() {
        // Checked against Python's datetime.date.isocalendar().
        #expect(day("2026-11-02").daysSinceEpoch == 20759)
        #expect(day("2026-11-02").isoWeekday == 1)
        #expect(day("2026-11-02").isoWeek.description == "2026-W45")
        #expect(day("2026-11-29").isoWeek.description == "2026-W48")
        #expect(day("2027-01-01").isoWeek.description == "2026-W53")
        #expect(day("2021-01-03").isoWeek.description == "2020-W53")
        #expect(day("2024-12-30").isoWeek.description == "2025-W01")
        #expect(ISOWeek(year: 2025, week: 1).monday == day("2024-12-30"))
        #expect(ISOWeek(year: 2026, week: 53).next.description == "2027-W01")
        #expect(day("2024-02-29").description == "2024-02-29")
        #expect(CivilDay(parsing: "2023-02-29") == nil)
        #expect(CivilDay(parsing: "11/29/2026") == nil)
    }

    @Test func dayRespectsTheOffset() {
        let lateEvening = ts("2026-11-03T03:00:00Z")  // 19:00 the day before in UTC-8
        #expect(lateEvening.day() == day("2026-11-03"))
        #expect(lateEvening.day(utcOffsetSeconds: -8 * 3600) == day("2026-11-02"))
    }

    @Test func dayFollowsDaylightSavingChanges() {
        // Berlin in 2026: +1 h, then +2 h from 29 March 01:00 UTC, then +1 h from 25 October.
        let berlin = UTCOffsets(initial: 3600, changes: [
            .init(from: ts("2026-10-25T01:00:00Z"), seconds: 3600),
            .init(from: ts("2026-03-29T01:00:00Z"), seconds: 7200),
        ])
        #expect(berlin.seconds(at: ts("2026-01-10T12:00:00Z")) == 3600)
        #expect(berlin.seconds(at: ts("2026-03-29T01:00:00Z")) == 7200)
        #expect(berlin.seconds(at: ts("2026-07-01T12:00:00Z")) == 7200)
        #expect(berlin.seconds(at: ts("2026-11-29T12:00:00Z")) == 3600)
        // 22:30 UTC on 29 March is 00:30 on the 30th in Berlin summer time; a fixed winter
        // offset would have filed it under the 29th.
        let afterMidnight = ts("2026-03-29T22:30:00Z")
        #expect(berlin.day(of: afterMidnight) == day("2026-03-30"))
        #expect(UTCOffsets.fixed(3600).day(of: afterMidnight) == day("2026-03-29"))
        #expect(berlin.day(of: ts("2026-03-28T22:30:00Z")) == day("2026-03-28"))
    }

    @Test func everyDayOfFourHundredYearsRoundTrips() {
        let start = day("1900-01-01").daysSinceEpoch
        var mismatches = 0
        for n in stride(from: start, to: start + 146_097, by: 1) {
            let d = CivilDay(daysSinceEpoch: n)
            let c = d.components
            if CivilDay(year: c.year, month: c.month, day: c.day) != d { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}
