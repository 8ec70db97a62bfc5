import TranscriptFormat

/// Prints a transcript as a readable conversation, one record at a time, for `attune
/// transcripts show`.
///
/// Streams like review does: each record becomes its lines and is forgotten. Partner and coach
/// lines read `Name: text`; events read `— flow mirroring started —`. Text is sanitised for the
/// terminal (and escaped for Markdown); with a redactor, names and details are masked.
public struct ConversationRenderer: Sendable {
    /// Plain text or Markdown.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown
    }

    public var format: Format
    /// ANSI colour for text output.
    public var colour: Bool
    /// Set to mask names and details (`--redact`); names get aliases as they first appear.
    public var redactor: Redactor?

    /// Creates a renderer.
    public init(format: Format = .text, colour: Bool = false, redact: Bool = false) {
        self.format = format
        self.colour = colour
        self.redactor = redact ? Redactor() : nil
    }

    /// The heading printed before the first record (Markdown only).
    public func header(session: String) -> String? {
        format == .markdown ? "# Transcript `\(session)`\n" : nil
    }

    /// The lines for one record, without a trailing newline; nil for records not shown.
    public mutating func render(_ record: TranscriptRecord) -> String? {
        switch record.body {
        case .partner(let turn) where turn.withheld:
            redactor?.register(turn.speaker)
            let note = "(words not kept: this line raised a safety concern)"
            switch format {
            case .text: return paint(displayName(turn.speaker) + ":", "1") + " " + paint(note, "2")
            case .markdown: return "**\(escapeMarkdown(displayName(turn.speaker), sanitized: true)):** _\(escapeMarkdown(note, sanitized: true))_"
            }
        case .partner(let turn):
            redactor?.register(turn.speaker)
            var line = speakerLine(name: displayName(turn.speaker), text: turn.text)
            if let mirror = turn.mirror {
                var note = "mirror: \(mirror.verdict.rawValue)"
                if !mirror.missed.isEmpty { note += "; missed " + mirror.missed.map(shownText).joined(separator: ", ") }
                if !mirror.added.isEmpty { note += "; added " + mirror.added.map(shownText).joined(separator: ", ") }
                if let confirmed = turn.confirmed { note += confirmed ? "; confirmed" : "; not confirmed" }
                line += format == .markdown ? " _(\(escapeMarkdown(note, sanitized: true)))_" : "  " + paint("(\(note))", "2")
            }
            return line
        case .coach(let text, _):
            return speakerLine(name: "Coach", text: text)
        case .event(let event):
            let description: String
            switch event {
            case .sessionStart(let partners, _, _, _):
                for name in partners { redactor?.register(name) }
                let names = partners.map(displayName)
                let who = names.isEmpty ? "" : ": " + names.joined(separator: " and ")
                description = "session started\(who) (\(ReviewFormatting.moment(record.timestamp)))"
            case .namesGiven(let partners, _):
                for name in partners { redactor?.register(name) }
                description = "names given: " + partners.map(displayName).joined(separator: " and ")
            case .sessionEnd:
                description = "session ended (\(ReviewFormatting.moment(record.timestamp)))"
            case .flowStart(let flow):
                description = "flow \(TerminalText.sanitize(flow)) started"
            case .flowEnd(let flow, let completed):
                description = "flow \(TerminalText.sanitize(flow)) \(completed ? "finished" : "stopped")"
            case .safety(let kind):
                description = "safety: \(TerminalText.sanitize(kind))"
            case .command(let command, _):
                description = "command \(shownText(command))"
            case .artifact(let artifact):
                let by = artifact.by.map(displayName).joined(separator: " and ")
                let fields = artifact.value.map { "\(TerminalText.sanitize($0.name)): \(shownText($0.text))" }.joined(separator: "; ")
                description = "made \(TerminalText.sanitize(artifact.kind))\(by.isEmpty ? "" : " by " + by): \(fields)"
            case .unrecognized(let name):
                description = "event \(TerminalText.sanitize(name))"
            }
            switch format {
            case .markdown: return "*— \(escapeMarkdown(description, sanitized: true)) —*"
            case .text:
                if case .safety = event { return paint("— \(description) —", "31") }
                return paint("— \(description) —", "2")
            }
        }
    }

    func displayName(_ name: String) -> String {
        redactor?.name(name) ?? TerminalText.sanitize(name)
    }

    /// Text as shown: sanitised, and masked when redacting.
    func shownText(_ text: String) -> String {
        let clean = TerminalText.sanitize(text)
        return redactor?.text(clean) ?? clean
    }

    func speakerLine(name: String, text: String) -> String {
        switch format {
        case .text: return paint(name + ":", "1") + " " + shownText(text)
        case .markdown: return "**\(escapeMarkdown(name, sanitized: true)):** \(escapeMarkdown(shownText(text), sanitized: true))"
        }
    }

    func escapeMarkdown(_ text: String, sanitized: Bool) -> String {
        var out = ""
        for ch in sanitized ? text : TerminalText.sanitize(text) {
            if "\\`*_[]<>|#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    func paint(_ text: String, _ code: String) -> String {
        TerminalText.paint(text, code, when: colour)
    }
}
