import ArgumentParser
import Foundation
import TranscriptTestSupport

/// `attune transcripts generate-sample --sessions N --dir DIR` (hidden): writes reproducible
/// sample transcripts, for the review benchmark and for trying `review` without real data.
struct TranscriptsGenerateSampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-sample",
        abstract: "Write sample transcripts (for benchmarks and demos).",
        shouldDisplay: false)

    @Option(help: "How many sessions.")
    var sessions: Int = 100

    @Option(help: "Partner turns per session (200 ≈ 100 KB a session).")
    var turns: Int = 200

    @Option(help: "Seed for the generator.")
    var seed: UInt64 = 1

    @Option(help: "Line layout: compact (as Attune writes) or spaced (as other tools write the same JSON: spaces, another key order, escaped unicode, numbers in exponent form).")
    var layout: SampleTranscriptGenerator.Layout = .compact

    @Option(help: ArgumentHelp("Folder to write into (required, so samples never land among real transcripts).", valueName: "DIR"))
    var dir: String

    func validate() throws {
        guard sessions >= 0, turns >= 1 else { throw ValidationError("--sessions must be 0 or more and --turns 1 or more") }
    }

    func run() throws {
        try run(console: .standard)
    }

    /// The command, reading and writing through `console`.
    func run(console: TranscriptConsole) throws {
        var generator = SampleTranscriptGenerator(seed: seed, turnsPerSession: turns)
        do {
            let bytes = try generator.writeCorpus(sessions: sessions, to: dir, layout: layout)
            let megabytes = Double(bytes) / 1_000_000
            console.out("Wrote \(sessions) sessions (\(generator.expected.records) lines, \(String(format: "%.1f", megabytes)) MB) to \(dir)\n")
        } catch {
            console.error("attune: \(error)")
            throw ExitStatus.ioError
        }
    }
}

extension SampleTranscriptGenerator.Layout: ExpressibleByArgument {}
