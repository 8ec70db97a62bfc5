import ArgumentParser
import Coach
import ShippedIntents
import IntentEngine

/// `attune lint`: every problem in the content at once.
public struct LintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check Intents/ and print every problem as file:line:col: error: …")

    @OptionGroup var intentsOptions: IntentsOptions

    public init() {}

    public func run() throws {
        try reportingErrors {
            let directory = try intentsOptions.directory()
            let loaded = LoadedIntents.load(directory: directory, shipped: directory == ShippedIntents.directory?.path)
            var diagnostics = loaded.diagnostics
            if loaded.content.files.isEmpty && !diagnostics.hasErrors {
                throw CLIError(status: ExitStatus.noInput, message: "\(directory): no such folder")
            }
            diagnostics += ContentChecks.all(loaded)
            diagnostics = diagnostics.sortedByLocation
            for diagnostic in diagnostics { print(diagnostic) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            let summary = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(loaded.content.files.count) file\(loaded.content.files.count == 1 ? "" : "s")"
            print(summary)
            if loaded.diagnostics.hasErrors { throw ExitStatus.dataError }
            if errors > 0 { throw ExitStatus.checkFailed }
        }
    }
}

/// The checks `lint` runs beyond loading: one list, so later content kinds (flows,
/// responses) add theirs here.
enum ContentChecks {
    static func all(_ loaded: LoadedIntents) -> [Diagnostic] {
        guard !loaded.diagnostics.hasErrors else { return [] }
        let (script, coachDiagnostics) = CoachScript.build(content: loaded.content, matcher: loaded.matcher)
        var diagnostics = IntentLinter(content: loaded.content, matcher: loaded.matcher).check() + coachDiagnostics
        if !coachDiagnostics.hasErrors { diagnostics += script.lint() }
        return diagnostics
    }
}
