/// A calendar day in the proleptic Gregorian calendar, counted from 1970-01-01.
///
/// Review groups sessions by day (streaks) and by ISO week (trends). Doing the calendar
/// arithmetic by hand on a plain day number keeps that code pure, fast and identical on every
/// platform, with no `Calendar` or time-zone database involved.
public struct CivilDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (which is day 0, a Thursday).
    public var daysSinceEpoch: Int

    /// Wraps a day number.
    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The day with this year, month (1…12) and day of month (1…31); nil when out of range.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDay.daysIn(month: month, year: year) else {
            return nil
        }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.daysSinceEpoch = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`, the form `--since` takes.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = Self.digits(bytes, 0, 4), let m = Self.digits(bytes, 5, 2), let d = Self.digits(bytes, 8, 2)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d)
    }

    /// ISO 8601 weekday: 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int {
        let monday0 = ((daysSinceEpoch + 3) % 7 + 7) % 7
        return monday0 + 1
    }

    /// The ISO week this day belongs to (weeks start on Monday; week 1 holds the first Thursday).
    public var isoWeek: ISOWeek {
        let thursday = daysSinceEpoch - (isoWeekday - 1) + 3
        let year = CivilDay(daysSinceEpoch: thursday).components.year
        let januaryFirst = CivilDay(year: year, month: 1, day: 1)!.daysSinceEpoch
        return ISOWeek(year: year, week: (thursday - januaryFirst) / 7 + 1)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        return "\(Self.pad(y, 4))-\(Self.pad(m, 2))-\(Self.pad(d, 2))"
    }

    public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<(start + count) {
            let b = bytes[i]
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }

    package static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// An ISO 8601 week, such as 2026-W48: the unit review draws its trends in.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The ISO week-numbering year (can differ from the calendar year around New Year).
    public var year: Int
    /// 1…53.
    public var week: Int

    /// The Monday that starts this week.
    public var monday: CivilDay {
        // The week holding January 4th is week 1.
        let january4 = CivilDay(year: year, month: 1, day: 4)!
        let week1Monday = january4.daysSinceEpoch - (january4.isoWeekday - 1)
        return CivilDay(daysSinceEpoch: week1Monday + (week - 1) * 7)
    }

    /// The week after this one.
    public var next: ISOWeek {
        CivilDay(daysSinceEpoch: monday.daysSinceEpoch + 7).isoWeek
    }

    /// `YYYY-Www`.
    public var description: String {
        "\(CivilDay.pad(year, 4))-W\(CivilDay.pad(week, 2))"
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }
}
