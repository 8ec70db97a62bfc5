/// The local clock's distance from UTC over time, so a session is filed under the day it was
/// on where the couple live, on either side of a daylight-saving change. A value (the report
/// options compare equal), made by the CLI from the system's time zone; tests build their own.
public struct UTCOffsets: Sendable, Equatable {
    /// Seconds east of UTC before the first change.
    public var initial: Int
    /// Each change: from this moment on (milliseconds since the epoch), this offset. Sorted.
    public var changes: [Change]

    public struct Change: Sendable, Equatable {
        public var from: Int64
        public var seconds: Int

        public init(from: TranscriptTimestamp, seconds: Int) {
            self.from = from.millisecondsSinceEpoch
            self.seconds = seconds
        }
    }

    /// One offset for all time.
    public static func fixed(_ seconds: Int) -> UTCOffsets { UTCOffsets(initial: seconds, changes: []) }

    /// `changes` in any order.
    public init(initial: Int, changes: [Change]) {
        self.initial = initial
        self.changes = changes.sorted { $0.from < $1.from }
    }

    /// The offset in force at `moment`.
    public func seconds(at moment: TranscriptTimestamp) -> Int {
        // The last change at or before the moment, by binary search.
        var low = 0, high = changes.count
        while low < high {
            let middle = (low + high) / 2
            if changes[middle].from <= moment.millisecondsSinceEpoch { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? initial : changes[low - 1].seconds
    }

    /// The local day `moment` falls on.
    public func day(of moment: TranscriptTimestamp) -> CivilDay {
        moment.day(utcOffsetSeconds: seconds(at: moment))
    }
}
