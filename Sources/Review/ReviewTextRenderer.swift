import TranscriptFormat

/// Draws a review for the terminal: safety first, then one section per couple (their numbers,
/// what they made, their trend and sessions), with block-character bars for talk balance and
/// sparklines for the weekly trends.
public struct ReviewTextRenderer: ReviewRenderer, Sendable {
    /// Whether to use ANSI colour. The CLI decides (a terminal, `NO_COLOR` unset).
    public var colour: Bool
    /// Columns for talk-balance bars.
    public var barWidth: Int

    /// Creates a renderer.
    public init(colour: Bool = false, barWidth: Int = 20) {
        self.colour = colour
        self.barWidth = barWidth
    }

    /// Writes the report in pieces (the summary, then one piece per session), so a report over
    /// thousands of sessions is never held in memory whole.
    public func render(_ review: Review, to write: (String) -> Void) {
        var out = ""
        out += heading(title(review)) + "\n\n"

        out += heading("Safety") + "\n"
        if review.safety.isEmpty {
            out += "  no safety events\n"
        } else {
            for note in review.safety {
                out += "  " + paint("!", "31;1") + " " + ReviewFormatting.moment(note.timestamp) + "  "
                    + paint(ReviewFormatting.shown(note.kind), "31") + "  " + dim("session \(note.session)") + "\n"
            }
        }
        guard !review.sessions.isEmpty else { return write(out) }
        write(out)
        for couple in review.couples { renderCouple(couple, to: write) }
    }

    /// One couple's section: their numbers, what they made, their trend and their sessions.
    func renderCouple(_ couple: Review.Couple, to write: (String) -> Void) {
        var out = "\n" + heading(Review.coupleTitle(couple.partners)) + dim(" · " + ReviewFormatting.count(couple.sessions.count, "session"))
        if let first = couple.firstStart, let last = couple.lastEnd { out += dim(" · \(first.day()) to \(last.day())") }
        out += "\n"
        out += body(couple.totals, indent: "  ", perFlow: true)
        out += made(couple)
        if !couple.weeks.isEmpty {
            out += "  " + bold("Over time") + dim(" (ISO weeks)") + "\n"
            out += weeks(couple.weeks)
        }
        out += "  " + ReviewFormatting.padRight("Streak", 16) + "longest " + ReviewFormatting.count(couple.streaks.longestDays, "day")
            + " · current " + ReviewFormatting.count(couple.streaks.currentDays, "day") + "\n"
        out += "  " + bold("Sessions") + "\n"
        write(out)
        for session in couple.sessions {
            write("    " + bold(ReviewFormatting.moment(session.start)) + " · "
                + ReviewFormatting.duration(milliseconds: session.durationMilliseconds) + " · "
                + dim(session.id) + "\n"
                + body(session.tally, indent: "      ", perFlow: false))
        }
    }

    /// "What you made": each artifact, newest first.
    func made(_ couple: Review.Couple) -> String {
        guard !couple.artifacts.isEmpty else { return "  " + ReviewFormatting.padRight("What you made", 16) + dim("nothing yet") + "\n" }
        var out = ""
        for (index, note) in couple.artifacts.enumerated() {
            let label = index == 0 ? "What you made" : ""
            out += "  " + ReviewFormatting.padRight(label, 16) + dim(note.timestamp.day().description) + "  "
                + bold(ReviewFormatting.kind(note.artifact.kind)) + dim(" by " + ReviewFormatting.makers(note.artifact)) + ": "
                + ReviewFormatting.artifactValue(note.artifact) + "\n"
        }
        let more = couple.totals.artifactCount - couple.artifacts.count
        if more > 0 { out += "  " + ReviewFormatting.padRight("", 16) + dim("… and \(more) older") + "\n" }
        return out
    }

    func title(_ review: Review) -> String {
        guard let first = review.firstStart, let last = review.lastEnd else { return "Attune review · no sessions" }
        var text = "Attune review · " + ReviewFormatting.count(review.sessions.count, "session")
        text += " · \(first.day()) to \(last.day())"
        text += " · " + ReviewFormatting.duration(milliseconds: review.totalDurationMilliseconds) + " in sessions"
        if review.redacted { text += " · redacted" }
        return text
    }

    /// The counts of one tally, as labelled lines.
    func body(_ tally: ReviewTally, indent: String, perFlow: Bool) -> String {
        var out = ""
        let labelWidth = 16
        func line(_ label: String, _ value: String) {
            out += indent + ReviewFormatting.padRight(label, labelWidth) + value + "\n"
        }
        let names = tally.partners.map { ReviewFormatting.shown($0.name) }
        let nameWidth = names.map(\.count).max() ?? 0
        let turns = tally.partnerTurns
        let words = tally.partnerWords

        for (index, partner) in tally.partners.enumerated() {
            let share = ReviewFormatting.share(partner.turns, of: turns)
            let value = ReviewFormatting.padRight(names[index], nameWidth) + "  "
                + paint(UnicodeGraphics.bar(share, width: barWidth), "36") + " "
                + ReviewFormatting.padLeft(ReviewFormatting.percent(partner.turns, of: turns), 4) + "  "
                + ReviewFormatting.count(partner.turns, "turn") + ", "
                + ReviewFormatting.count(partner.words, "word") + " ("
                + ReviewFormatting.percent(partner.words, of: words) + ")"
            line(index == 0 ? "Talk balance" : "", value)
        }
        if tally.partners.isEmpty { line("Talk balance", "no partner turns") }

        let exercises = "\(tally.exercisesStarted) started · \(tally.exercisesFinished) finished"
        if perFlow {
            line("Exercises", exercises)
            let flowWidth = tally.flows.map { ReviewFormatting.shown($0.name).count }.max() ?? 0
            for flow in tally.flows.sorted(by: { $0.name < $1.name }) {
                line("", "  " + ReviewFormatting.padRight(ReviewFormatting.shown(flow.name), flowWidth)
                     + "  \(flow.started) started · \(flow.finished) finished")
            }
        } else {
            let detail = tally.flows.map { flow in
                ReviewFormatting.shown(flow.name) + (flow.finished > 0 ? " ✓" : "")
            }
            line("Exercises", exercises + (detail.isEmpty ? "" : dim("  (" + detail.joined(separator: ", ") + ")")))
        }

        if !tally.partners.isEmpty {
            line("\"I\" statements", tally.partners.enumerated()
                .map { "\(names[$0.offset]) \($0.element.iStatements)" }.joined(separator: " · "))
            for (index, partner) in tally.partners.enumerated() {
                let counts = TurnFlag.horsemen.map { "\($0) \(partner.count(ofHorseman: $0))" }.joined(separator: " · ")
                let value = ReviewFormatting.padRight(names[index], nameWidth) + "  "
                    + (partner.horsemen > 0 ? paint(counts, "33") : dim(counts))
                line(index == 0 ? "Horsemen" : "", value)
            }
        }
        line("Mirrors", "\(tally.mirrorsTried) tried · \(tally.mirrorsFaithful) faithful · \(tally.mirrorsConfirmed) confirmed")
        if perFlow { line("", dim(Review.mirrorsExplained)) }
        let feelings = tally.feelingsByCount.prefix(perFlow ? 10 : 5)
            .map { "\(ReviewFormatting.shown($0.feeling)) \($0.count)" }
        line("Feelings named", feelings.isEmpty ? dim("none") : feelings.joined(separator: " · "))
        if !perFlow, !tally.safety.isEmpty {
            line("Safety", paint(tally.safety.map { ReviewFormatting.shown($0.kind) }.joined(separator: ", "), "31"))
        }
        return out
    }

    func weeks(_ weeks: [Review.Week]) -> String {
        var out = "    " + dim("week        sessions  finished  \"I\"/100  horsemen/100") + "\n"
        for week in weeks {
            if week.emptyWeeksBefore > 0 {
                out += "    " + dim("… " + ReviewFormatting.count(week.emptyWeeksBefore, "empty week") + " …") + "\n"
            }
            out += "    " + ReviewFormatting.padRight(week.week.description, 10)
                + ReviewFormatting.padLeft("\(week.sessions)", 10)
                + ReviewFormatting.padLeft("\(week.exercisesFinished)", 10)
                + ReviewFormatting.padLeft(ReviewFormatting.oneDecimal(week.iStatementsPer100Turns), 9)
                + ReviewFormatting.padLeft(ReviewFormatting.oneDecimal(week.horsemenPer100Turns), 14) + "\n"
        }
        let finished = UnicodeGraphics.sparkline(weeks.map { Double($0.exercisesFinished) })
        let iRate = UnicodeGraphics.sparkline(weeks.map(\.iStatementsPer100Turns))
        let horsemen = UnicodeGraphics.sparkline(weeks.map(\.horsemenPer100Turns))
        out += "    " + ReviewFormatting.padRight("finished", 14) + paint(finished, "32") + "\n"
        out += "    " + ReviewFormatting.padRight("\"I\"/100", 14) + paint(iRate, "32") + "\n"
        out += "    " + ReviewFormatting.padRight("horsemen/100", 14) + paint(horsemen, "33") + "\n"
        return out
    }

    // MARK: - Styling

    func paint(_ text: String, _ code: String) -> String {
        TerminalText.paint(text, code, when: colour)
    }

    func heading(_ text: String) -> String { paint(text, "1") }
    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }
}
