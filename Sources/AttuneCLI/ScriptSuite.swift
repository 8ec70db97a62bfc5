import Coach

/// Dialogue scripts run by `attune test`, each replayed with its expectations checked.
struct ScriptSuiteReport {
    var passed = 0
    var failures: [String] = []
}

enum ScriptSuite {
    static func run(_ files: [String], loaded: LoadedIntents) throws -> ScriptSuiteReport {
        var report = ScriptSuiteReport()
        guard !files.isEmpty else { return report }
        let (script, diagnostics) = CoachScript.build(content: loaded.content, matcher: loaded.matcher)
        if diagnostics.hasErrors { throw CLIError(status: ExitStatus.dataError, diagnostics: diagnostics) }
        let runner = ReplayRunner(script: script)
        for file in files {
            let outcome = try ReplayInputs.replay(file, runner: runner)
            if outcome.failures.isEmpty { report.passed += 1 } else { report.failures += outcome.failures }
        }
        return report
    }
}
