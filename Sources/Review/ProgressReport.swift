import TranscriptFormat

/// How a couple is doing across sessions: what `/progress` and `attune progress` show.
///
/// Worked out from the transcripts each time (through `ReviewAccumulator`, one record at a
/// time), never kept in a second store that could drift from them: the transcripts are the
/// one record of what happened.
public struct ProgressReport: Sendable, Equatable {
    /// One couple's progress.
    public struct Couple: Sendable, Equatable {
        /// The partners' names, in order of first appearance.
        public var partners: [String]
        /// Their sessions.
        public var sessions: Int
        /// Exercises finished at least once, with how often, by name.
        public var finished: [(flow: String, times: Int)]
        /// Of the exercises there are, those never started.
        public var untried: [String]
        /// Their streak of days with a check-in or an exercise.
        public var streak: Streak
        /// Skills practised.
        public var mirrorsConfirmed: Int
        public var iFeelStatements: Int
        public var repairPhrases: Int
        /// The last things they made, newest first.
        public var lastArtifacts: [ArtifactNote]

        public static func == (a: Couple, b: Couple) -> Bool {
            a.partners == b.partners && a.sessions == b.sessions && a.finished.map(\.flow) == b.finished.map(\.flow)
                && a.finished.map(\.times) == b.finished.map(\.times) && a.untried == b.untried && a.streak == b.streak
                && a.mirrorsConfirmed == b.mirrorsConfirmed && a.iFeelStatements == b.iFeelStatements
                && a.repairPhrases == b.repairPhrases && a.lastArtifacts == b.lastArtifacts
        }
    }

    /// A run of days with practice in which one day without may be forgiven.
    public struct Streak: Sendable, Equatable {
        /// Days with a check-in or exercise in the run.
        public var days = 0
        /// The day the run started and the last day with practice in it; nil with no run.
        public var first: CivilDay?
        public var last: CivilDay?
        /// The missed day the run forgave, if it needed one.
        public var graceDay: CivilDay?
        /// Whether the run is still going: its last day is today, or it can still continue
        /// today (yesterday was practised, or was the one grace day).
        public var isCurrent = false
    }

    /// How many artifacts `lastArtifacts` holds.
    public static let lastArtifactsShown = 5

    /// Each couple, in the order of their first session.
    public var couples: [Couple]
    /// Every exercise there is (`Intents/flows`), for "untried".
    public var exercises: [String]

    /// Progress from a review's couples; `exercises` are the flow names the content defines.
    public init(_ review: Review, exercises: [String], today: CivilDay) {
        self.exercises = exercises.sorted()
        couples = review.couples.map { couple in
            let flows = couple.totals.flows
            let finished = flows.filter { $0.finished > 0 }.sorted { $0.name < $1.name }.map { (flow: $0.name, times: $0.finished) }
            let started = Set(flows.filter { $0.started > 0 }.map(\.name))
            let practised = couple.sessions.filter { $0.tally.exercisesStarted > 0 }.map(\.day)
            return Couple(
                partners: couple.partners, sessions: couple.sessions.count, finished: finished,
                untried: exercises.sorted().filter { !started.contains($0) },
                streak: ProgressReport.streak(days: practised, today: today),
                mirrorsConfirmed: couple.totals.mirrorsConfirmed,
                iFeelStatements: couple.totals.artifactsByKind[Artifact.iFeelStatement] ?? 0,
                repairPhrases: couple.totals.repairPhrasesChosen,
                lastArtifacts: Array(couple.artifacts.prefix(ProgressReport.lastArtifactsShown)))
        }
    }

    /// The latest run of practice days, allowing one missed day inside it.
    ///
    /// Walking back from the last day with practice: each day practised extends the run; the
    /// first day missed is the grace day; a second missed day (or two in a row) ends it.
    /// Today is never a missed day, since it is not over. Days are local calendar days, so a
    /// week across a daylight-saving change still has seven of them.
    public static func streak(days: [CivilDay], today: CivilDay) -> Streak {
        let practised = Set(days.map(\.daysSinceEpoch))
        guard let lastDay = practised.filter({ $0 <= today.daysSinceEpoch }).max() else { return Streak() }
        var streak = Streak()
        // Days missed between the last practice and today (today itself is still open).
        let missedSince = today.daysSinceEpoch - 1 - lastDay
        guard missedSince <= 1 else {
            return ProgressReport.run(endingAt: lastDay, practised: practised, graceLeft: true, current: false)
        }
        streak = ProgressReport.run(endingAt: lastDay, practised: practised, graceLeft: missedSince <= 0, current: true)
        if missedSince == 1 { streak.graceDay = CivilDay(daysSinceEpoch: lastDay + 1) }
        return streak
    }

    private static func run(endingAt lastDay: Int, practised: Set<Int>, graceLeft: Bool, current: Bool) -> Streak {
        var streak = Streak(last: CivilDay(daysSinceEpoch: lastDay), isCurrent: current)
        var grace = graceLeft
        var day = lastDay
        var first = lastDay
        while true {
            if practised.contains(day) {
                streak.days += 1
                first = day
            } else if grace, practised.contains(day - 1) {
                grace = false
                streak.graceDay = CivilDay(daysSinceEpoch: day)
            } else {
                break
            }
            day -= 1
        }
        streak.first = CivilDay(daysSinceEpoch: first)
        return streak
    }
}
