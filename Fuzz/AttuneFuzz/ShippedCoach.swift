@testable import AttuneCLI
import Coach
import Foundation
import IntentEngine

/// The shipped content, loaded and compiled once per fuzzing process: the matcher, mirror and
/// dialogue harnesses run each input against it, as the coach does.
struct ShippedCoach: Sendable {
    let script: CoachScript

    /// `Intents/` at the root of this repository, or `ATTUNE_INTENTS` if set.
    static let directory: String = ProcessInfo.processInfo.environment["ATTUNE_INTENTS"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Intents").path

    static let shared: ShippedCoach = {
        let loaded = LoadedIntents.load(directory: directory, shipped: false)
        let (script, diagnostics) = CoachScript.build(content: loaded.content, matcher: loaded.matcher)
        let errors = (loaded.diagnostics + diagnostics).filter { $0.severity == .error }
        guard errors.isEmpty else {
            fatalError("the shipped content at \(directory) does not load: \(errors.map(\.description))")
        }
        return ShippedCoach(script: script)
    }()
}
