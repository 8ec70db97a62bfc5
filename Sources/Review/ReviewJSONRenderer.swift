import TranscriptFormat

/// Writes a review as one JSON document with stable key names, for scripts and dashboards.
///
/// The schema is documented in `docs/review.md`. Keys appear in a fixed order, with `safety`
/// before everything but the version, matching the other formats; per-partner objects are keyed
/// by name (aliases when redacted) in order of first appearance.
public struct ReviewJSONRenderer: Sendable {
    /// The schema version in the document's `version` key.
    public static let schemaVersion = 2

    /// Creates a renderer.
    public init() {}

    /// The document, indented two spaces, ending with a newline.
    public func render(_ review: Review, since: CivilDay? = nil) -> String {
        var out = ""
        render(review, since: since) { out += $0 }
        return out
    }

    /// Writes the document in pieces: everything before `sessions`, then one session at a time,
    /// so the JSON for thousands of sessions is never built whole.
    public func render(_ review: Review, since: CivilDay? = nil, to write: (String) -> Void) {
        var root: [(String, JSONValue)] = [("version", .int(ReviewJSONRenderer.schemaVersion))]
        root.append(("safety", .array(review.safety.map(safety))))
        root.append(("redacted", .bool(review.redacted)))
        root.append(("since", since.map { .string($0.description) } ?? .null))
        root.append(("summary", .object([
            ("sessions", .int(review.sessions.count)),
            ("couples", .int(review.couples.count)),
            ("first_start", review.firstStart.map { .string($0.rfc3339) } ?? .null),
            ("last_end", review.lastEnd.map { .string($0.rfc3339) } ?? .null),
            ("duration_seconds", .int(Int(review.totalDurationMilliseconds / 1000))),
        ])))
        root.append(("couples", .array(review.couples.map(couple))))
        var out = JSONOutput(reservingCapacity: 4096, indented: true)
        out.beginObject()
        for (key, value) in root {
            out.key(key)
            value.write(to: &out)
        }
        // Sessions go out one at a time, so thousands of them are never held as one string.
        out.key("sessions")
        out.beginArray()
        let coupleOf = Dictionary(review.couples.enumerated().flatMap { index, couple in couple.sessions.map { ($0.id, index) } },
                                  uniquingKeysWith: { first, _ in first })
        for session in review.sessions {
            write(out.take())
            var fields: [(String, JSONValue)] = [("id", .string(session.id)), ("couple", .int(coupleOf[session.id] ?? 0))]
            if !review.redacted { fields.append(("source", .string(session.source))) }
            fields += [
                ("start", .string(session.start.rfc3339)),
                ("end", .string(session.end.rfc3339)),
                ("duration_seconds", .int(Int(session.durationMilliseconds / 1000))),
            ]
            fields += tally(session.tally)
            JSONValue.object(fields).write(to: &out)
        }
        out.endArray()
        out.endObject()
        out.newline()
        write(out.take())
    }

    /// One couple: who, when, their counts, what they made, their weeks and streaks.
    func couple(_ couple: Review.Couple) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("names", .array(couple.partners.map { .string($0) })),
            ("sessions", .array(couple.sessions.map { .string($0.id) })),
            ("first_start", couple.firstStart.map { .string($0.rfc3339) } ?? .null),
            ("last_end", couple.lastEnd.map { .string($0.rfc3339) } ?? .null),
            ("duration_seconds", .int(Int(couple.totalDurationMilliseconds / 1000))),
        ]
        fields += tally(couple.totals, explained: true)
        fields.append(("artifacts", .array(couple.artifacts.map(ReviewJSONRenderer.artifact))))
        fields.append(("artifacts_total", .int(couple.totals.artifactCount)))
        fields.append(("weeks", .array(couple.weeks.map(week))))
        fields.append(("streaks", .object([
            ("longest_days", .int(couple.streaks.longestDays)),
            ("current_days", .int(couple.streaks.currentDays)),
        ])))
        return .object(fields)
    }

    /// An artifact as review and progress write it.
    static func artifact(_ note: ArtifactNote) -> JSONValue {
        .object([
            ("session", .string(note.session)),
            ("ts", .string(note.timestamp.rfc3339)),
            ("flow", .string(note.artifact.flow)),
            ("kind", .string(note.artifact.kind)),
            ("by", .array(note.artifact.by.map { .string($0) })),
            ("value", .object(note.artifact.value.map { ($0.name, .string($0.text)) })),
        ])
    }

    func safety(_ note: SafetyNote) -> JSONValue {
        .object([("session", .string(note.session)), ("ts", .string(note.timestamp.rfc3339)), ("kind", .string(note.kind))])
    }

    func week(_ week: Review.Week) -> JSONValue {
        .object([
            ("week", .string(week.week.description)),
            ("start", .string(week.week.monday.description)),
            ("empty_weeks_before", .int(week.emptyWeeksBefore)),
            ("sessions", .int(week.sessions)),
            ("partner_turns", .int(week.partnerTurns)),
            ("exercises_started", .int(week.exercisesStarted)),
            ("exercises_finished", .int(week.exercisesFinished)),
            ("i_statements", .int(week.iStatements)),
            ("horsemen", .int(week.horsemen)),
            ("i_statements_per_100_turns", .number(week.iStatementsPer100Turns, places: 2)),
            ("horsemen_per_100_turns", .number(week.horsemenPer100Turns, places: 2)),
        ])
    }

    func tally(_ tally: ReviewTally, explained: Bool = false) -> [(String, JSONValue)] {
        let turns = tally.partnerTurns
        let words = tally.partnerWords
        let partners: [(String, JSONValue)] = tally.partners.map { p in
            (p.name, .object([
                ("turns", .int(p.turns)),
                ("turn_share", .number(ReviewFormatting.share(p.turns, of: turns), places: 3)),
                ("words", .int(p.words)),
                ("word_share", .number(ReviewFormatting.share(p.words, of: words), places: 3)),
                ("i_statements", .int(p.iStatements)),
                ("criticism", .int(p.criticism)),
                ("contempt", .int(p.contempt)),
                ("defensiveness", .int(p.defensiveness)),
                ("stonewalling", .int(p.stonewalling)),
                ("mirrors_tried", .int(p.mirrorsTried)),
                ("mirrors_faithful", .int(p.mirrorsFaithful)),
                ("mirrors_confirmed", .int(p.mirrorsConfirmed)),
            ]))
        }
        let byFlow: [(String, JSONValue)] = tally.flows.sorted { $0.name < $1.name }.map { flow in
            (flow.name, .object([("started", .int(flow.started)), ("finished", .int(flow.finished))]))
        }
        let horsemen = tally.partners.reduce(into: PartnerTally(name: "")) { $0.merge($1) }
        return [
            ("partner_turns", .int(turns)),
            ("partner_words", .int(words)),
            ("partners", .object(partners)),
            ("exercises", .object([
                ("started", .int(tally.exercisesStarted)),
                ("finished", .int(tally.exercisesFinished)),
                ("by_flow", .object(byFlow)),
            ])),
            ("i_statements", .int(tally.iStatements)),
            ("horsemen", .object([
                ("criticism", .int(horsemen.criticism)),
                ("contempt", .int(horsemen.contempt)),
                ("defensiveness", .int(horsemen.defensiveness)),
                ("stonewalling", .int(horsemen.stonewalling)),
                ("total", .int(horsemen.horsemen)),
            ])),
            ("mirrors", .object([
                ("tried", .int(tally.mirrorsTried)),
                ("faithful", .int(tally.mirrorsFaithful)),
                ("confirmed", .int(tally.mirrorsConfirmed)),
            ] + (explained ? [("explained", .string(Review.mirrorsExplained))] : []))),
            ("feelings", .array(tally.feelingsByCount.map {
                .object([("feeling", .string($0.feeling)), ("count", .int($0.count))])
            })),
            ("safety_events", .int(tally.safety.count)),
        ]
    }
}
