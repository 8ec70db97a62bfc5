import ArgumentParser
import Coach
import Foundation
import IntentEngine
import TranscriptFormat
import TranscriptStore

/// `attune replay FILE…`: feeds scripts or transcripts through the coach.
public struct ReplayCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay .dialogue scripts or .jsonl transcripts through the coach.")

    enum Format: String, ExpressibleByArgument {
        case text, jsonl
    }

    @Argument(help: "Dialogue scripts (.dialogue) or transcripts (.jsonl).")
    var files: [String]

    @Flag(name: .long, help: "Verify expectations (scripts) or that every reply equals the recorded one (transcripts); exit 1 on a mismatch.")
    var check = false

    @Option(name: .long, help: "Output: text (the conversation) or jsonl (transcript records).")
    var format: Format = .text

    @OptionGroup var intentsOptions: IntentsOptions

    public init() {}

    public func run() throws {
        try reportingErrors {
            let script = try intentsOptions.cachedCoach()
            var runner = ReplayRunner(script: script)
            if format == .jsonl {
                runner.onRecord = { record in print(TranscriptLineEncoder.line(record), terminator: "") }
            }
            var failures: [String] = []
            for file in files {
                let outcome = try ReplayInputs.replay(file, runner: runner)
                if format == .text { print(outcome.transcript.joined(separator: "\n")) }
                failures += outcome.failures
            }
            if check {
                for failure in failures { printError("FAIL \(failure)") }
                if !failures.isEmpty { throw ExitStatus.checkFailed }
            }
        }
    }
}

/// Reads one replay input, by its extension.
enum ReplayInputs {
    static func replay(_ file: String, runner: ReplayRunner) throws -> ReplayOutcome {
        guard FileManager.default.fileExists(atPath: file) else {
            throw CLIError(status: ExitStatus.noInput, message: "\(file): no such file")
        }
        if file.hasSuffix(".jsonl") {
            var reader: TranscriptReader
            do { reader = try TranscriptReader(path: file) } catch {
                throw CLIError(status: ExitStatus.noInput, message: "\(error)")
            }
            var records: [TranscriptRecord] = []
            while let item = reader.next() {
                switch item {
                case .record(let record, _): records.append(record)
                case .diagnostic(let diagnostic):
                    if diagnostic.severity == .error {
                        throw CLIError(status: ExitStatus.dataError, message: "\(diagnostic)")
                    }
                    printError("\(diagnostic)")
                }
            }
            return runner.run(transcript: records, file: file)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError(status: ExitStatus.ioError, message: "\(file): cannot read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError(status: ExitStatus.dataError, message: "\(file):1:1: error: file is not valid UTF-8")
        }
        let (dialogue, diagnostics) = DialogueScript.parse(text, file: file)
        if diagnostics.hasErrors {
            throw CLIError(status: ExitStatus.dataError, diagnostics: diagnostics)
        }
        return runner.run(dialogue)
    }
}
