import TranscriptFormat

extension Review {
    /// One couple's part of the report: the sessions of one set of partners, and everything
    /// review says about them, so five people from three couples never share a table.
    public struct Couple: Sendable, Equatable {
        /// The partners' names (aliases when redacted), in order of first appearance.
        public var partners: [String]
        /// Their sessions, oldest first.
        public var sessions: [Session]
        /// Their counts together.
        public var totals: ReviewTally
        /// Their ISO weeks, as `Review.weeks`, but empty when all their sessions fall in one
        /// week: a trend needs two points.
        public var weeks: [Week]
        /// Their streaks of days with a session.
        public var streaks: Streaks

        /// Time in their sessions, summed.
        public var totalDurationMilliseconds: Int64 { sessions.reduce(0) { $0 + $1.durationMilliseconds } }
        /// Their first session's start.
        public var firstStart: TranscriptTimestamp? { sessions.first?.start }
        /// The last line of their last session.
        public var lastEnd: TranscriptTimestamp? { sessions.map(\.end).max() }
        /// What they made, newest first (at most `ReviewTally.artifactsKept`).
        public var artifacts: [ArtifactNote] { totals.artifacts }
    }

    /// The couple a session belongs to: the set of its partners' names, whatever their order.
    static func coupleKey(_ session: Session) -> [String] {
        Array(Set(session.tally.partners.map(\.name))).sorted()
    }

    /// Groups sessions by their set of partners; couples in the order of their first session.
    static func couples(_ sessions: [Session], today: CivilDay) -> [Couple] {
        var order: [[String]] = []
        var byKey: [[String]: [Session]] = [:]
        for session in sessions {
            let key = coupleKey(session)
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(session)
        }
        return order.map { key in
            let members = byKey[key]!
            var totals = ReviewTally()
            for session in members { totals.merge(session.tally) }
            totals.safety.sort { $0.timestamp != $1.timestamp ? $0.timestamp < $1.timestamp : $0.session < $1.session }
            let weeks = Review.weeks(members)
            return Couple(partners: totals.partners.map(\.name), sessions: members, totals: totals,
                          weeks: weeks.count >= 2 ? weeks : [],
                          streaks: Review.streaks(days: members.map(\.day), today: today))
        }
    }

    /// The partners of a couple as a title: "Alex & Sam", "Dana", or "(no names)".
    public static func coupleTitle(_ partners: [String]) -> String {
        partners.isEmpty ? "(no names)" : partners.map(ReviewFormatting.shown).joined(separator: " & ")
    }

    /// What tried, faithful and confirmed mean, said once under the numbers.
    public static let mirrorsExplained =
        "tried: lines read as saying back what the partner said; faithful: kept their feeling and main words; confirmed: the partner said yes, that's it"
}
