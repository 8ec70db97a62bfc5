import TranscriptFormat

/// What review shows, computed once from the accumulated counts and then handed to a renderer.
///
/// Building the report is separate from reading (`ReviewAccumulator`) and from drawing
/// (`ReviewTextRenderer`, `ReviewMarkdownRenderer`, `ReviewJSONRenderer`), so each part is
/// tested alone and all three formats show the same numbers. Redaction happens here, once,
/// so no renderer can forget it.
public struct Review: Sendable, Equatable {
    /// How the report is built.
    public struct Options: Sendable, Equatable {
        /// Sessions that started before this day are left out (`--since`).
        public var since: CivilDay?
        /// Replace names and mask details (`--redact`).
        public var redact: Bool
        /// The local clock, to decide which day a session belongs to (streaks, weeks,
        /// `--since`). The CLI passes the system time zone's; tests pass a fixed offset.
        public var utcOffsets: UTCOffsets
        /// "Today", for the current streak.
        public var today: CivilDay

        /// Creates options.
        public init(since: CivilDay? = nil, redact: Bool = false, utcOffsets: UTCOffsets = .fixed(0), today: CivilDay) {
            self.since = since
            self.redact = redact
            self.utcOffsets = utcOffsets
            self.today = today
        }
    }

    /// One session in the report.
    public struct Session: Sendable, Equatable {
        public var id: String
        public var source: String
        public var start: TranscriptTimestamp
        public var end: TranscriptTimestamp
        /// The local day it started on.
        public var day: CivilDay
        public var tally: ReviewTally

        public var durationMilliseconds: Int64 { max(0, end.millisecondsSinceEpoch - start.millisecondsSinceEpoch) }
    }

    /// One ISO week of the trend.
    public struct Week: Sendable, Equatable {
        public var week: ISOWeek
        /// Empty weeks left out just before this one: a gap longer than
        /// `Review.longestEmptyRunShown` is one number, not a row per week, so the trend costs
        /// memory for the data, never for the years between two sessions.
        public var emptyWeeksBefore = 0
        public var sessions = 0
        public var partnerTurns = 0
        public var exercisesStarted = 0
        public var exercisesFinished = 0
        public var iStatements = 0
        public var horsemen = 0

        /// "I" statements per 100 partner turns (0 without turns).
        public var iStatementsPer100Turns: Double { per100(iStatements) }
        /// Horsemen flags per 100 partner turns (0 without turns).
        public var horsemenPer100Turns: Double { per100(horsemen) }

        private func per100(_ count: Int) -> Double {
            partnerTurns == 0 ? 0 : Double(count) * 100 / Double(partnerTurns)
        }
    }

    /// Runs of consecutive days with at least one session.
    public struct Streaks: Sendable, Equatable {
        /// The longest run, in days.
        public var longestDays = 0
        /// The run still going: it ends today or yesterday; 0 otherwise.
        public var currentDays = 0
    }

    /// Safety events of every included session, oldest first. Shown first in every format.
    public var safety: [SafetyNote]
    /// Counts over all included sessions.
    public var totals: ReviewTally
    /// The included sessions, oldest first.
    public var sessions: [Session]
    /// Every ISO week from the first session's to the last's, empty weeks included, except that
    /// a run of more than `longestEmptyRunShown` empty weeks is left out and counted in the next
    /// week's `emptyWeeksBefore`.
    public var weeks: [Week]
    /// The longest run of empty weeks listed one by one (about three months).
    public static let longestEmptyRunShown = 13
    public var streaks: Streaks
    /// Whether names and details were masked.
    public var redacted: Bool
    /// The sessions grouped by their set of partners, in the order of each couple's first session.
    public var couples: [Couple]

    /// Time spent in sessions, summed.
    public var totalDurationMilliseconds: Int64 { sessions.reduce(0) { $0 + $1.durationMilliseconds } }
    /// The first session's start.
    public var firstStart: TranscriptTimestamp? { sessions.first?.start }
    /// The last line of the last session.
    public var lastEnd: TranscriptTimestamp? { sessions.map(\.end).max() }

    /// Builds the report from what the accumulator counted.
    public init(_ accumulator: ReviewAccumulator, options: Review.Options) {
        var included: [Session] = []
        for tally in accumulator.sessionsByStart {
            let day = options.utcOffsets.day(of: tally.start)
            if let since = options.since, day < since { continue }
            included.append(Session(id: tally.id, source: tally.source, start: tally.start, end: tally.end,
                                    day: day, tally: tally.tally))
        }
        if options.redact {
            var redactor = Redactor()
            for session in included {
                for partner in session.tally.partners { redactor.register(partner.name) }
            }
            included = included.map { Review.redact($0, with: redactor) }
        }
        var totals = ReviewTally()
        for session in included { totals.merge(session.tally) }
        totals.safety.sort { $0.timestamp != $1.timestamp ? $0.timestamp < $1.timestamp : $0.session < $1.session }
        self.safety = totals.safety
        self.totals = totals
        self.sessions = included
        self.weeks = Review.weeks(included)
        self.streaks = Review.streaks(days: included.map(\.day), today: options.today)
        self.redacted = options.redact
        self.couples = Review.couples(included, today: options.today)
    }

    static func redact(_ session: Session, with redactor: Redactor) -> Session {
        var session = session
        var tally = session.tally
        for index in tally.partners.indices {
            tally.partners[index].name = redactor.name(tally.partners[index].name)
        }
        var feelings: [String: Int] = [:]
        for (feeling, count) in tally.feelings {
            feelings[redactor.text(feeling), default: 0] += count
        }
        tally.feelings = feelings
        tally.artifacts = tally.artifacts.map { note in
            var note = note
            note.artifact.by = note.artifact.by.map(redactor.name)
            note.artifact.value = note.artifact.value.map { Artifact.Field($0.name, redactor.text($0.text)) }
            return note
        }
        session.tally = tally
        return session
    }

    static func weeks(_ sessions: [Session]) -> [Week] {
        var byWeek: [ISOWeek: Week] = [:]
        for session in sessions {
            let key = session.day.isoWeek
            var week = byWeek[key] ?? Week(week: key)
            week.sessions += 1
            week.partnerTurns += session.tally.partnerTurns
            week.exercisesStarted += session.tally.exercisesStarted
            week.exercisesFinished += session.tally.exercisesFinished
            week.iStatements += session.tally.iStatements
            week.horsemen += session.tally.horsemen
            byWeek[key] = week
        }
        var weeks: [Week] = []
        for (key, week) in byWeek.sorted(by: { $0.key < $1.key }) {
            if let previous = weeks.last?.week {
                let gap = (key.monday.daysSinceEpoch - previous.monday.daysSinceEpoch) / 7 - 1
                if gap > longestEmptyRunShown {
                    var skipped = week
                    skipped.emptyWeeksBefore = gap
                    weeks.append(skipped)
                    continue
                }
                var cursor = previous.next
                while cursor < key {
                    weeks.append(Week(week: cursor))
                    cursor = cursor.next
                }
            }
            weeks.append(week)
        }
        return weeks
    }

    static func streaks(days: [CivilDay], today: CivilDay) -> Streaks {
        let distinct = Array(Set(days.map(\.daysSinceEpoch))).sorted()
        guard !distinct.isEmpty else { return Streaks() }
        var longest = 1
        var run = 1
        for index in distinct.indices.dropFirst() {
            run = distinct[index] == distinct[index - 1] + 1 ? run + 1 : 1
            longest = max(longest, run)
        }
        // `run` is now the run ending at the last day with a session.
        let last = distinct[distinct.count - 1]
        let current = (last == today.daysSinceEpoch || last == today.daysSinceEpoch - 1) ? run : 0
        return Streaks(longestDays: longest, currentDays: current)
    }
}
