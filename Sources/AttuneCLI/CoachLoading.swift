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

    /// The coach through the start-up cache, as the REPL loads it: `explain`, `replay` and
    /// `progress` are run once per line by scoring tools and editors, and a fresh parse and
    /// compile costs half a second each time. Content with errors is never cached, so the
    /// diagnostics still appear (from `loadCoach`). `lint` and `test` do not use this: they
    /// report on the content itself.
    func cachedCoach() throws -> CoachScript {
        try CompiledContentCache(folder: CompiledContentCache.defaultFolder()).coach(for: try directory(), options: self)
    }
}
