import TranscriptFormat

/// Writes a review as one JSON document with stable key names, for scripts and dashboards.
///
/// The schema is documented in `docs/review.md`. Keys appear in a fixed order, with `safety`
/// before everything but the version, matching the other formats; per-partner objects are keyed
/// by name (aliases when redacted) in order of first appearance.
public struct ReviewJSONRenderer: Sendable {
    /// The schema version in the document's `version` key.
    public static let schemaVersion = 1

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
        var summary: [(String, JSONValue)] = [
            ("sessions", .int(review.sessions.count)),
            ("first_start", review.firstStart.map { .string($0.rfc3339) } ?? .null),
            ("last_end", review.lastEnd.map { .string($0.rfc3339) } ?? .null),
            ("duration_seconds", .int(Int(review.totalDurationMilliseconds / 1000))),
        ]
        summary += tally(review.totals)
        root.append(("summary", .object(summary)))
        root.append(("weeks", .array(review.weeks.map(week))))
        root.append(("streaks", .object([
            ("longest_days", .int(review.streaks.longestDays)),
            ("current_days", .int(review.streaks.currentDays)),
        ])))
        var out = JSONOutput(reservingCapacity: 4096, indented: true)
        out.beginObject()
        for (key, value) in root {
            out.key(key)
            value.write(to: &out)
        }
        // Sessions go out one at a time, so thousands of them are never held as one string.
        out.key("sessions")
        out.beginArray()
        for session in review.sessions {
            write(out.take())
            var fields: [(String, JSONValue)] = [("id", .string(session.id))]
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

    func tally(_ tally: ReviewTally) -> [(String, JSONValue)] {
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
            ])),
            ("feelings", .array(tally.feelingsByCount.map {
                .object([("feeling", .string($0.feeling)), ("count", .int($0.count))])
            })),
            ("safety_events", .int(tally.safety.count)),
        ]
    }
}
