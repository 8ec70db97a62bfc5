import TranscriptFormat

/// Writes a review as Markdown, to paste into notes or share with a therapist.
///
/// One section per couple, with the same numbers as the text report, as headings and tables. Text from
/// transcripts is sanitised and its `|`, `*`, `_`, backticks and brackets are escaped so a name
/// or a feeling cannot break a table or inject a link.
public struct ReviewMarkdownRenderer: ReviewRenderer, Sendable {
    /// Creates a renderer.
    public init() {}

    /// Writes the report in pieces (the summary, then one piece per session).
    public func render(_ review: Review, to write: (String) -> Void) {
        var out = "# Attune review\n\n"
        if let first = review.firstStart, let last = review.lastEnd {
            out += ReviewFormatting.count(review.sessions.count, "session") + ", \(first.day()) to \(last.day()), "
                + ReviewFormatting.duration(milliseconds: review.totalDurationMilliseconds) + " in sessions"
                + (review.redacted ? " (redacted)" : "") + ".\n\n"
        } else {
            out += "No sessions.\n\n"
        }

        out += "## Safety\n\n"
        if review.safety.isEmpty {
            out += "No safety events.\n"
        } else {
            for note in review.safety {
                out += "- **\(escape(note.kind))** at \(ReviewFormatting.moment(note.timestamp)) (session `\(note.session)`)\n"
            }
        }
        guard !review.sessions.isEmpty else { return write(out) }
        write(out)
        for couple in review.couples { renderCouple(couple, to: write) }
    }

    /// One couple's section: their numbers, what they made, their trend and their sessions.
    func renderCouple(_ couple: Review.Couple, to write: (String) -> Void) {
        var out = "\n## " + escape(Review.coupleTitle(couple.partners)) + "\n\n"
        out += ReviewFormatting.count(couple.sessions.count, "session")
        if let first = couple.firstStart, let last = couple.lastEnd {
            out += ", \(first.day()) to \(last.day()), " + ReviewFormatting.duration(milliseconds: couple.totalDurationMilliseconds) + " in sessions"
        }
        out += ".\n\n"
        out += body(couple.totals, level: "###")
        out += "\n### What you made\n\n"
        if couple.artifacts.isEmpty {
            out += "Nothing yet.\n"
        } else {
            for note in couple.artifacts {
                out += "- \(note.timestamp.day()) **\(escape(ReviewFormatting.kind(note.artifact.kind)))** by "
                    + escape(ReviewFormatting.makers(note.artifact)) + ": " + escape(ReviewFormatting.artifactValue(note.artifact)) + "\n"
            }
            let more = couple.totals.artifactCount - couple.artifacts.count
            if more > 0 { out += "- … and \(more) older\n" }
        }
        if !couple.weeks.isEmpty {
            out += "\n### Over time\n\n"
            out += table(["Week", "Sessions", "Exercises finished", "\"I\" statements per 100 turns", "Horsemen per 100 turns"],
                         couple.weeks.flatMap { week in
                             let gap = week.emptyWeeksBefore == 0 ? []
                                 : [["… " + ReviewFormatting.count(week.emptyWeeksBefore, "empty week"), "", "", "", ""]]
                             return gap + [["\(week.week)", "\(week.sessions)", "\(week.exercisesFinished)",
                              ReviewFormatting.oneDecimal(week.iStatementsPer100Turns), ReviewFormatting.oneDecimal(week.horsemenPer100Turns)]]
                         })
        } else {
            out += "\n"
        }
        out += "Longest streak: " + ReviewFormatting.count(couple.streaks.longestDays, "day")
            + "; current streak: " + ReviewFormatting.count(couple.streaks.currentDays, "day") + ".\n"
        out += "\n### Sessions\n"
        write(out)
        for session in couple.sessions {
            var out = "\n#### \(ReviewFormatting.moment(session.start)), "
                + ReviewFormatting.duration(milliseconds: session.durationMilliseconds) + "\n\n"
            out += "Session `\(session.id)`.\n\n"
            if !session.tally.safety.isEmpty {
                out += "Safety: " + session.tally.safety.map { "**\(escape($0.kind))**" }.joined(separator: ", ") + ".\n\n"
            }
            out += body(session.tally, level: "#####", explainMirrors: false)
            write(out)
        }
    }

    func body(_ tally: ReviewTally, level: String, explainMirrors: Bool = true) -> String {
        var out = ""
        let turns = tally.partnerTurns
        let words = tally.partnerWords
        out += "\(level) Talk balance\n\n"
        if tally.partners.isEmpty {
            out += "No partner turns.\n\n"
        } else {
            out += table(["Partner", "Turns", "Share", "Words", "Share"], tally.partners.map { partner in
                [escape(partner.name), "\(partner.turns)", ReviewFormatting.percent(partner.turns, of: turns),
                 "\(partner.words)", ReviewFormatting.percent(partner.words, of: words)]
            })
        }

        out += "\(level) Exercises\n\n"
        out += "\(tally.exercisesStarted) started, \(tally.exercisesFinished) finished.\n\n"
        if !tally.flows.isEmpty {
            out += table(["Exercise", "Started", "Finished"], tally.flows.sorted { $0.name < $1.name }.map { flow in
                [escape(flow.name), "\(flow.started)", "\(flow.finished)"]
            })
        }

        if !tally.partners.isEmpty {
            out += "\(level) \"I\" statements and the four horsemen\n\n"
            out += table(["Partner", "\"I\" statements", "Criticism", "Contempt", "Defensiveness", "Stonewalling"],
                         tally.partners.map { partner in
                             [escape(partner.name), "\(partner.iStatements)", "\(partner.criticism)", "\(partner.contempt)",
                              "\(partner.defensiveness)", "\(partner.stonewalling)"]
                         })
        }

        out += "\(level) Mirrors\n\n"
        out += "\(tally.mirrorsTried) tried, \(tally.mirrorsFaithful) faithful, \(tally.mirrorsConfirmed) confirmed.\n\n"
        if explainMirrors { out += "_" + escape(Review.mirrorsExplained.prefix(1).uppercased() + Review.mirrorsExplained.dropFirst()) + "._\n\n" }

        out += "\(level) Feelings named\n\n"
        let feelings = tally.feelingsByCount
        if feelings.isEmpty {
            out += "None.\n"
        } else {
            out += feelings.prefix(10).map { "\(escape($0.feeling)) (\($0.count))" }.joined(separator: ", ") + ".\n"
        }
        return out
    }

    /// Sanitised text with Markdown's active characters escaped.
    func escape(_ text: String) -> String {
        var out = ""
        for ch in TerminalText.sanitize(text) {
            if "\\`*_[]<>|#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// A table with a text first column and numbers right-aligned after it, then a blank line.
    func table(_ header: [String], _ rows: [[String]]) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n|---" + String(repeating: "|--:", count: header.count - 1) + "|\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out + "\n"
    }
}
