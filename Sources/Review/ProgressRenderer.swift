import TranscriptFormat

/// Writes progress as text (the terminal and `/progress`), Markdown, or JSON (schema in
/// `docs/review.md`); all three carry the same content.
public struct ProgressRenderer: Sendable {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    /// The JSON document's `version`.
    public static let schemaVersion = 1

    public var format: Format

    public init(format: Format) {
        self.format = format
    }

    /// The whole report.
    public func render(_ progress: ProgressReport) -> String {
        switch format {
        case .json: return json(progress)
        case .text:
            guard !progress.couples.isEmpty else { return "No sessions yet: progress starts with your first exercise.\n" }
            return progress.couples.map { text($0, of: progress) }.joined(separator: "\n")
        case .markdown:
            guard !progress.couples.isEmpty else { return "# Attune progress\n\nNo sessions yet.\n" }
            return "# Attune progress\n" + progress.couples.map { markdown($0, of: progress) }.joined()
        }
    }

    /// One couple as labelled lines, as `/progress` shows it.
    public func text(_ couple: ProgressReport.Couple, of progress: ProgressReport) -> String {
        var out = Review.coupleTitle(couple.partners) + " · " + ReviewFormatting.count(couple.sessions, "session") + "\n"
        func line(_ label: String, _ value: String) { out += "  " + ReviewFormatting.padRight(label, 16) + value + "\n" }
        line("Finished", finishedText(couple))
        line("Still to try", untriedText(couple, of: progress))
        line("Streak", streakText(couple.streak))
        line("Skills", skillsText(couple))
        if couple.lastArtifacts.isEmpty { line("Last made", "nothing yet") }
        for (index, note) in couple.lastArtifacts.enumerated() {
            line(index == 0 ? "Last made" : "", artifactText(note))
        }
        return out
    }

    func markdown(_ couple: ProgressReport.Couple, of progress: ProgressReport) -> String {
        var out = "\n## " + escape(Review.coupleTitle(couple.partners)) + "\n\n"
        out += ReviewFormatting.count(couple.sessions, "session") + ".\n\n"
        out += "- **Finished:** " + escape(finishedText(couple)) + "\n"
        out += "- **Still to try:** " + escape(untriedText(couple, of: progress)) + "\n"
        out += "- **Streak:** " + escape(streakText(couple.streak)) + "\n"
        out += "- **Skills:** " + escape(skillsText(couple)) + "\n"
        out += "- **Last made:**" + (couple.lastArtifacts.isEmpty ? " nothing yet\n" : "\n")
        for note in couple.lastArtifacts { out += "  - " + escape(artifactText(note)) + "\n" }
        return out
    }

    func finishedText(_ couple: ProgressReport.Couple) -> String {
        guard !couple.finished.isEmpty else { return "none yet" }
        return couple.finished.map { "\(ReviewFormatting.shown($0.flow)) ×\($0.times)" }.joined(separator: " · ")
    }

    func untriedText(_ couple: ProgressReport.Couple, of progress: ProgressReport) -> String {
        guard !couple.untried.isEmpty else { return "none: you have tried all \(progress.exercises.count)" }
        return couple.untried.joined(separator: ", ") + " (\(couple.untried.count) of \(progress.exercises.count))"
    }

    func streakText(_ streak: ProgressReport.Streak) -> String {
        guard let first = streak.first, let last = streak.last else { return "no days with an exercise yet" }
        var text = ReviewFormatting.count(streak.days, "day") + " (\(first) to \(last)"
        if let grace = streak.graceDay { text += ", grace day \(grace)" }
        text += ")"
        text += streak.isCurrent ? " · still going" : " · ended; one exercise today starts a new one"
        return text
    }

    func skillsText(_ couple: ProgressReport.Couple) -> String {
        ReviewFormatting.count(couple.mirrorsConfirmed, "mirror") + " confirmed · "
            + ReviewFormatting.count(couple.iFeelStatements, "\"I feel\" statement") + " built · "
            + ReviewFormatting.count(couple.repairPhrases, "repair phrase") + " chosen"
    }

    func artifactText(_ note: ArtifactNote) -> String {
        "\(note.timestamp.day())  " + ReviewFormatting.kind(note.artifact.kind) + " by " + ReviewFormatting.makers(note.artifact)
            + ": " + ReviewFormatting.artifactValue(note.artifact)
    }

    /// Markdown-escaped as the review report escapes it.
    func escape(_ text: String) -> String {
        ReviewMarkdownRenderer().escape(text)
    }

    func json(_ progress: ProgressReport) -> String {
        let couples: [JSONValue] = progress.couples.map { couple in
            .object([
                ("names", .array(couple.partners.map { .string($0) })),
                ("sessions", .int(couple.sessions)),
                ("finished", .object(couple.finished.map { ($0.flow, .int($0.times)) })),
                ("untried", .array(couple.untried.map { .string($0) })),
                ("streak", .object([
                    ("days", .int(couple.streak.days)),
                    ("first", couple.streak.first.map { .string($0.description) } ?? .null),
                    ("last", couple.streak.last.map { .string($0.description) } ?? .null),
                    ("grace_day", couple.streak.graceDay.map { .string($0.description) } ?? .null),
                    ("current", .bool(couple.streak.isCurrent)),
                ])),
                ("skills", .object([
                    ("mirrors_confirmed", .int(couple.mirrorsConfirmed)),
                    ("i_feel_statements", .int(couple.iFeelStatements)),
                    ("repair_phrases", .int(couple.repairPhrases)),
                ])),
                ("last_artifacts", .array(couple.lastArtifacts.map(ReviewJSONRenderer.artifact))),
            ])
        }
        var out = JSONOutput(reservingCapacity: 2048, indented: true)
        JSONValue.object([
            ("version", .int(Self.schemaVersion)),
            ("exercises", .array(progress.exercises.map { .string($0) })),
            ("couples", .array(couples)),
        ]).write(to: &out)
        out.newline()
        return out.string
    }
}
