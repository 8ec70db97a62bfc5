import ArgumentParser
import Review
import TranscriptFormat
import TranscriptStore

/// `attune progress [PATH…]`: per couple, the exercises finished and still untried, the streak
/// of days with practice (one grace day), skills practised and the latest things they made.
///
/// Worked out from the saved transcripts every time, streaming, with no second store to drift.
public struct ProgressCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "How each couple is doing: exercises finished and untried, streak, skills, what they made.",
        discussion: """
            Reads transcript files or folders; with no path, the transcript folder. A streak counts \
            local days with a check-in or exercise; one missed day inside it is forgiven (the grace \
            day), a second ends it. Exit status as for review.
            """)

    @Argument(help: ArgumentHelp("Transcript files, folders, or - for standard input.", valueName: "PATH"))
    var paths: [String] = []

    @Option(help: "Output format: text, markdown or json.")
    var format: ReviewFormat = .text

    @OptionGroup var directory: TranscriptDirectoryOptions

    @OptionGroup var intentsOptions: IntentsOptions

    public init() {}

    public func run() throws {
        try reportingErrors {
            let script = try intentsOptions.cachedCoach()
            try run(console: .standard, exercises: script.flowNames)
        }
    }

    /// The command, reading and writing through `console`; `exercises` are every flow name.
    func run(console: TranscriptConsole, exercises: [String]) throws {
        let reading = try TranscriptReading(paths: paths, directory: directory, console: console)
        let review = Review(reading.accumulator, options: Review.Options(utcOffsets: console.utcOffsets, today: console.today))
        let progress = ProgressReport(review, exercises: exercises, today: console.today)
        let rendered: ProgressRenderer.Format
        switch format {
        case .text: rendered = .text
        case .markdown: rendered = .markdown
        case .json: rendered = .json
        }
        console.out(ProgressRenderer(format: rendered).render(progress))
        try reading.finish(console)
    }

    /// What `/progress` shows in a session: the progress of the couple with exactly these
    /// partners, read from the transcripts in `folder` (the session's own included, as far as
    /// it is saved), one line each; a line saying there is nothing yet when they have no sessions.
    static func lines(forCouple partners: [String], folder: String, exercises: [String],
                      utcOffsets: UTCOffsets, today: CivilDay) -> [String] {
        var accumulator = ReviewAccumulator()
        var summary = DiagnosticSummary()
        for file in TranscriptInputs.transcriptFiles(in: folder) {
            guard var reader = try? TranscriptReader(path: file, regularFileOnly: true) else { continue }
            accumulator.read(&reader, summary: &summary) { _ in }
        }
        let review = Review(accumulator, options: Review.Options(utcOffsets: utcOffsets, today: today))
        let progress = ProgressReport(review, exercises: exercises, today: today)
        let wanted = Set(partners)
        guard let couple = progress.couples.first(where: { Set($0.partners) == wanted }) else {
            return ["No saved sessions for \(Review.coupleTitle(partners)) yet: progress starts with your first exercise."]
        }
        return ProgressRenderer(format: .text).text(couple, of: progress).split(separator: "\n").map(String.init)
    }
}
