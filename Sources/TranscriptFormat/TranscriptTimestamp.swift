/// A moment in a transcript: milliseconds since 1970-01-01T00:00:00Z.
///
/// Transcripts store `ts` as an RFC 3339 UTC string (`2026-11-29T10:51:33Z`, optionally with
/// milliseconds). Holding it as an integer makes durations, ordering and day grouping exact
/// and cheap; parsing and formatting are hand-written because review parses one per line and
/// must stay fast (no `DateFormatter`).
public struct TranscriptTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch, UTC.
    public var millisecondsSinceEpoch: Int64

    /// Wraps a millisecond count.
    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// The timestamp for whole seconds since the epoch.
    public init(secondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = secondsSinceEpoch * 1000
    }

    /// Parses RFC 3339: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`. Offsets are converted to UTC;
    /// fractions beyond milliseconds are truncated. `t`/`z` and a space separator are accepted,
    /// as RFC 3339 allows.
    public init?(rfc3339 text: String) {
        var text = text
        let parsed = text.withUTF8 { TranscriptTimestamp.parse(UnsafeBufferPointer(rebasing: $0[...])) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// The day this moment falls on, at a fixed offset from UTC (seconds east).
    public func day(utcOffsetSeconds: Int = 0) -> CivilDay {
        let seconds = floorDivide(millisecondsSinceEpoch, 1000) + Int64(utcOffsetSeconds)
        return CivilDay(daysSinceEpoch: Int(floorDivide(seconds, 86_400)))
    }

    /// `2026-11-29T10:51:33Z`, or `2026-11-29T10:51:33.250Z` when there are milliseconds.
    public var description: String { rfc3339 }

    /// RFC 3339 in UTC, with milliseconds only when they are not zero.
    public var rfc3339: String {
        let millis = Int(floorModulo(millisecondsSinceEpoch, 1000))
        let seconds = floorDivide(millisecondsSinceEpoch, 1000)
        let day = CivilDay(daysSinceEpoch: Int(floorDivide(seconds, 86_400)))
        let secondOfDay = Int(floorModulo(seconds, 86_400))
        let (year, month, dayOfMonth) = day.components
        guard (0...9999).contains(year) else {
            var text = day.description + "T"
            text += CivilDay.pad(secondOfDay / 3600, 2) + ":"
            text += CivilDay.pad(secondOfDay / 60 % 60, 2) + ":"
            text += CivilDay.pad(secondOfDay % 60, 2)
            if millis != 0 { text += "." + CivilDay.pad(millis, 3) }
            return text + "Z"
        }
        // Every transcript line carries one: written digit by digit, with no strings between.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var count = 0
            func put(_ byte: UInt8) { buffer[count] = byte; count += 1 }
            func digits(_ value: Int, _ width: Int) {
                var divisor = 1
                for _ in 1..<width { divisor *= 10 }
                while divisor > 0 {
                    put(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                    divisor /= 10
                }
            }
            digits(year, 4); put(UInt8(ascii: "-")); digits(month, 2); put(UInt8(ascii: "-")); digits(dayOfMonth, 2)
            put(UInt8(ascii: "T"))
            digits(secondOfDay / 3600, 2); put(UInt8(ascii: ":")); digits(secondOfDay / 60 % 60, 2); put(UInt8(ascii: ":"))
            digits(secondOfDay % 60, 2)
            if millis != 0 { put(UInt8(ascii: ".")); digits(millis, 3) }
            put(UInt8(ascii: "Z"))
            return count
        }
    }

    /// Hours and minutes in UTC, `HH:MM`, for compact listings.
    public var timeOfDay: String {
        let secondOfDay = Int(floorModulo(floorDivide(millisecondsSinceEpoch, 1000), 86_400))
        return CivilDay.pad(secondOfDay / 3600, 2) + ":" + CivilDay.pad(secondOfDay / 60 % 60, 2)
    }

    public static func < (lhs: TranscriptTimestamp, rhs: TranscriptTimestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// Parses the bytes of an RFC 3339 timestamp (see `init?(rfc3339:)`).
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> TranscriptTimestamp? {
        guard b.count >= 20 else { return nil }
        func num(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for i in start..<(start + count) {
                let c = b[i] &- UInt8(ascii: "0")
                guard c < 10 else { return nil }
                value = value * 10 + Int(c)
            }
            return value
        }
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let year = num(0, 4), let month = num(5, 2), let dayOfMonth = num(8, 2),
              let hour = num(11, 2), let minute = num(14, 2), let second = num(17, 2),
              hour < 24, minute < 60, second <= 60,
              let day = CivilDay(year: year, month: month, day: dayOfMonth)
        else { return nil }
        var i = 19
        var millis = 0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            var digits = 0
            while i < b.count, b[i] &- UInt8(ascii: "0") < 10 {
                if digits < 3 { millis = millis * 10 + Int(b[i] - UInt8(ascii: "0")) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) { millis *= 10 }
        }
        guard i < b.count else { return nil }
        var offsetSeconds = 0
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            i += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"),
                  let oh = num(i + 1, 2), let om = num(i + 4, 2), oh < 24, om < 60
            else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "+") ? 1 : -1)
            i += 6
        default:
            return nil
        }
        guard i == b.count else { return nil }
        let seconds = Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            - Int64(offsetSeconds)
        return TranscriptTimestamp(millisecondsSinceEpoch: seconds * 1000 + Int64(millis))
    }
}

@inline(__always)
func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

@inline(__always)
func floorModulo(_ a: Int64, _ b: Int64) -> Int64 {
    let r = a % b
    return r != 0 && (r < 0) != (b < 0) ? r + b : r
}
