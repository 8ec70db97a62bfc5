/// Dialogue scripts run by `attune test`.
struct ScriptSuiteReport {
    var passed = 0
    var failures: [String] = []
}

enum ScriptSuite {
    static func run(_ files: [String], loaded: LoadedIntents) throws -> ScriptSuiteReport {
        ScriptSuiteReport()
    }
}
