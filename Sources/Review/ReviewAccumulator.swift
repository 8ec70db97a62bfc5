import TranscriptFormat

/// One session's counts while review reads: when it ran, where it came from, and its tally.
public struct SessionTally: Sendable, Equatable {
    /// The session id.
    public var id: String
    /// The first file it was read from (`-` for standard input).
    public var source: String
    /// When it started: the `session_start` event's time, else its earliest line.
    public var start: TranscriptTimestamp
    /// Its latest line.
    public var end: TranscriptTimestamp
    /// Whether a `session_start` event was seen (then `start` is that event's time).
    public var hasStartEvent = false
    /// Its counts.
    public var tally = ReviewTally()

    /// A session first seen in `record`, read from `source`.
    public init(id: String, source: String, firstSeen: TranscriptTimestamp) {
        self.id = id
        self.source = source
        self.start = firstSeen
        self.end = firstSeen
    }

    /// Length from the start to the last line, in milliseconds.
    public var durationMilliseconds: Int64 { max(0, end.millisecondsSinceEpoch - start.millisecondsSinceEpoch) }

    mutating func add(_ record: TranscriptRecord) {
        let ts = record.timestamp
        if case .event(.sessionStart) = record.body {
            if !hasStartEvent || ts < start { start = ts }
            hasStartEvent = true
        } else if !hasStartEvent, ts < start {
            start = ts
        }
        if ts > end { end = ts }
        tally.add(record)
    }
}

/// Reads records one at a time and keeps only per-session counts.
///
/// This is what keeps review's memory flat: a record is counted and forgotten, so memory grows
/// with the number of sessions (a few hundred bytes each), never with the bytes read. Records
/// of one session may arrive from several files and in any order.
public struct ReviewAccumulator: Sendable {
    private var tallies: [SessionTally] = []
    private var indexByID: [String: Int] = [:]
    /// The session of the last record: consecutive records nearly always share it, so this
    /// skips hashing the id for most records.
    private var lastIndex = -1
    /// Records counted.
    public private(set) var recordCount = 0

    /// An empty accumulator.
    public init() {}

    /// Sessions by id.
    public var sessions: [String: SessionTally] {
        Dictionary(uniqueKeysWithValues: tallies.map { ($0.id, $0) })
    }

    /// Counts one record read from `source`.
    public mutating func add(_ record: TranscriptRecord, source: String) {
        recordCount += 1
        let id = record.session
        var index = lastIndex
        if index < 0 || tallies[index].id != id {
            if let known = indexByID[id] {
                index = known
            } else {
                index = tallies.count
                tallies.append(SessionTally(id: id, source: source, firstSeen: record.timestamp))
                indexByID[id] = index
            }
            lastIndex = index
        }
        tallies[index].add(record)
    }

    /// Sessions in the order they started (ties by id).
    public var sessionsByStart: [SessionTally] {
        tallies.sorted { $0.start != $1.start ? $0.start < $1.start : $0.id < $1.id }
    }
}
