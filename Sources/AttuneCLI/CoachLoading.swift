import Coach
import IntentEngine

extension IntentsOptions {
    /// Loads the content and builds the coach; content errors exit 65 with every diagnostic.
    func loadCoach() throws -> (LoadedIntents, CoachScript) {
        let loaded = try load()
        let (script, diagnostics) = CoachScript.build(content: loaded.content, matcher: loaded.matcher)
        if diagnostics.hasErrors {
            throw CLIError(status: ExitStatus.dataError, diagnostics: diagnostics.sortedByLocation)
        }
        return (loaded, script)
    }
}
