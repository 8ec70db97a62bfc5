import ArgumentParser
import Foundation
import Review
import TranscriptFormat
import TranscriptStore

/// `attune review [PATH…|-]`: a report over transcripts, for the couple or someone they share it with.
///
/// Wiring only: paths become inputs (`TranscriptInputs`), records stream into a
/// `ReviewAccumulator`, a `Review` is built and handed to a renderer. Diagnostics go to stderr
/// as they are found; the report still prints; the exit status says what went wrong
/// (65 unknown format version, 66 missing input, 74 read error).
public struct ReviewCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Summarise transcripts per couple: talk balance, exercises, what they made, \"I\" statements, the four horsemen, mirrors, feelings, trends.",
        discussion: """
            Reads transcript files, folders (every *.jsonl below them) or - (standard input); with \
            no path, the transcript folder. Safety events are always listed first. Malformed lines \
            are reported on stderr with file:line:col and skipped; a torn last line is a warning.
            Exit status: 0 ok, 64 usage, 65 a transcript in an unsupported format version or an input that is no transcript (binary, or too many errors), \
            66 a path that does not exist, 74 a read error.
            """)

    @Argument(help: ArgumentHelp("Transcript files, folders, or - for standard input.", valueName: "PATH"))
    var paths: [String] = []

    @Option(help: "Output format: text, markdown or json.")
    var format: ReviewFormat = .text

    @Option(help: ArgumentHelp("Leave out sessions that started before this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Flag(help: "Replace partners' names with Partner A, Partner B…; mask emails, phone numbers, links and addresses.")
    var redact = false

    @Option(name: .customLong("color"), help: "Colour: auto (only on a terminal, never with NO_COLOR), always or never.")
    var colour: TranscriptColourChoice = .auto

    @OptionGroup var directory: TranscriptDirectoryOptions

    public init() {}

    public func validate() throws {
        if let since, CivilDay(parsing: since) == nil {
            throw ValidationError("--since expects a day as YYYY-MM-DD, such as 2026-11-01 (got \"\(since)\")")
        }
    }

    public func run() throws {
        try run(console: .standard)
    }

    /// The command, reading and writing through `console`.
    func run(console: TranscriptConsole) throws {
        let reading = try TranscriptReading(paths: paths, directory: directory, console: console)
        let accumulator = reading.accumulator

        let sinceDay = since.flatMap(CivilDay.init(parsing:))
        let options = Review.Options(since: sinceDay, redact: redact,
                                     utcOffsets: console.utcOffsets, today: console.today)
        let review = Review(accumulator, options: options)
        // Rendered in pieces and written as it goes, so memory stays flat for any number of sessions.
        var pending = ""
        let write = { (piece: String) in
            pending += piece
            if pending.utf8.count >= 1 << 16 { console.out(pending); pending = "" }
        }
        switch format {
        case .text: ReviewTextRenderer(colour: colour.enabled).render(review, to: write)
        case .markdown: ReviewMarkdownRenderer().render(review, to: write)
        case .json: ReviewJSONRenderer().render(review, since: sinceDay, to: write)
        }
        console.out(pending)

        try reading.finish(console)
    }
}

/// `review --format`.
enum ReviewFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}
