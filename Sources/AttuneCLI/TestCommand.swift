import ArgumentParser
import Foundation
import Coach
import IntentEngine

/// `attune test`: runs intent fixtures and dialogue scripts, and reports like a test runner.
public struct TestCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run intent fixtures and dialogue scripts; ends with 'N passed, N failed'.")

    @Argument(help: "Fixture files, script files or folders (default: Tests/Fixtures and Scripts).")
    var paths: [String] = []

    @Flag(name: .long, help: "List templates that no fixture reaches.")
    var coverage = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var intentsOptions: IntentsOptions

    public init() {}

    public func run() throws {
        try reportingErrors {
            let (loaded, script) = try intentsOptions.loadCoach()
            let files = try TestInputs.collect(paths)
            var fixtures: [IntentFixture] = []
            var diagnostics: [Diagnostic] = []
            for file in files.fixtures {
                let (read, problems) = IntentFixtureReader.read(file: file)
                fixtures += read
                diagnostics += problems
            }
            if diagnostics.hasErrors {
                throw CLIError(status: ExitStatus.dataError, diagnostics: diagnostics)
            }
            let (lexicon, language) = (script.lexicon, loaded.matcher.language)
            let report = FixtureRunner(matcher: loaded.matcher, flags: { LineFlags.horsemen(in: $0, lexicon: lexicon, language: language).map(\.flag) })
                .run(fixtures)
            let scripts = try ScriptSuite.run(files.scripts, loaded: loaded)
            let passed = report.passed + scripts.passed
            let failed = report.failures.count + scripts.failures.count
            switch format {
            case .text:
                print(TestReportText.render(report, scripts: scripts, coverage: coverage), terminator: "")
            case .json:
                print(jsonString(TestReportJSON.render(report, scripts: scripts, coverage: coverage)))
            }
            if format == .text { print("\(passed) passed, \(failed) failed") }
            if failed > 0 { throw ExitStatus.checkFailed }
        }
    }
}

/// Finds fixture (`*.yaml`) and script (`*.dialogue`) files under the given paths.
enum TestInputs {
    static let defaultPaths = ["Tests/Fixtures", "Scripts"]

    static func collect(_ paths: [String]) throws -> (fixtures: [String], scripts: [String]) {
        let explicit = !paths.isEmpty
        var fixtures: [String] = []
        var scripts: [String] = []
        for path in explicit ? paths : defaultPaths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if explicit { throw CLIError(status: ExitStatus.noInput, message: "\(path): no such file or folder") }
                continue
            }
            let files: [String]
            if isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: path)
                var found: [String] = []
                while let relative = enumerator?.nextObject() as? String {
                    found.append((path as NSString).appendingPathComponent(relative))
                }
                files = found.sorted()
            } else {
                files = [path]
            }
            for file in files {
                if file.hasSuffix(".yaml") || file.hasSuffix(".yml") { fixtures.append(file) }
                else if file.hasSuffix(".dialogue") { scripts.append(file) }
                else if !isDirectory.boolValue {
                    throw CLIError(status: ExitStatus.usage, message: "\(file): not a fixture (.yaml) or a dialogue script (.dialogue)")
                }
            }
        }
        if fixtures.isEmpty && scripts.isEmpty {
            throw CLIError(status: ExitStatus.noInput,
                           message: "no fixtures or scripts found in \((explicit ? paths : defaultPaths).joined(separator: ", "))")
        }
        return (fixtures, scripts)
    }
}

/// The text report of `attune test`.
enum TestReportText {
    static func render(_ report: FixtureReport, scripts: ScriptSuiteReport, coverage: Bool) -> String {
        var out = ""
        for failure in report.failures {
            out += "FAIL \(failure.fixture.location): \(failure.reason)\n"
            if let state = failure.fixture.state { out += "  in state \(state)\n" }
            out += MatchDescription.text(failure.result, limit: 3).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        for failure in scripts.failures {
            out += "FAIL \(failure)\n"
        }
        let scores = report.scores.values.filter { $0.intent != MatchResult.noneIntent || $0.support > 0 }
            .sorted { $0.intent < $1.intent }
        if !scores.isEmpty {
            let width = max(10, scores.map(\.intent.count).max() ?? 0)
            out += "\n" + "intent".padding(toLength: width, withPad: " ", startingAt: 0) + "  precision  recall     f1  fixtures\n"
            for score in scores {
                out += score.intent.padding(toLength: width, withPad: " ", startingAt: 0)
                out += String(format: "  %9.2f  %6.2f  %5.2f  %8d\n", score.precision, score.recall, score.f1, score.support)
            }
        }
        let confused = report.topConfusions(5)
        if !confused.isEmpty {
            out += "\nmost confused (expected → got):\n"
            for pair in confused { out += "  \(pair.expected) → \(pair.got): \(pair.count)\n" }
        }
        if coverage {
            out += "\ntemplates no fixture reaches: \(report.uncovered.count)\n"
            for item in report.uncovered { out += "  \(item.source.location): \(item.intent): \(item.source.text)\n" }
        }
        if scripts.passed + scripts.failures.count > 0 {
            out += "\nscripts: \(scripts.passed) passed, \(scripts.failures.count) failed\n"
        }
        return out
    }
}

/// The JSON report of `attune test`; keys are stable.
enum TestReportJSON {
    static func render(_ report: FixtureReport, scripts: ScriptSuiteReport, coverage: Bool) -> [String: Any] {
        var json: [String: Any] = [
            "passed": report.passed + scripts.passed,
            "failed": report.failures.count + scripts.failures.count,
            "fixtures": ["passed": report.passed, "failed": report.failures.count],
            "scripts": ["passed": scripts.passed, "failed": scripts.failures.count],
            "failures": report.failures.map { failure -> [String: Any] in
                [
                    "file": failure.fixture.location.file, "line": failure.fixture.location.line,
                    "column": failure.fixture.location.column, "text": failure.fixture.text,
                    "expected": failure.fixture.expectedIntent, "got": failure.result.intent,
                    "reason": failure.reason, "match": MatchDescription.json(failure.result),
                ]
            } + scripts.failures.map { ["script": "\($0)"] },
            "intents": Dictionary(uniqueKeysWithValues: report.scores.values.map { score in
                (score.intent, ["precision": MatchDescription.round(score.precision), "recall": MatchDescription.round(score.recall),
                                "f1": MatchDescription.round(score.f1), "fixtures": score.support] as [String: Any])
            }),
            "confusions": report.topConfusions(10).map { ["expected": $0.expected, "got": $0.got, "count": $0.count] },
        ]
        if coverage {
            json["uncovered"] = report.uncovered.map {
                ["intent": $0.intent, "template": $0.source.text, "file": $0.source.location.file, "line": $0.source.location.line]
            }
        }
        return json
    }
}
