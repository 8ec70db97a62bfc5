@testable import AttuneCLI

/// Any text as a `.dialogue` script: parsed with every problem located, and when it parses,
/// replayed through the shipped coach (the session reducer, flows and safety) and checked.
enum DialogueHarness {
    /// Longer scripts add time per run, not new paths: the reducer's state is small.
    static let maximumReplayedSteps = 40

    static func run(_ input: FuzzInput) {
        var (script, diagnostics) = DialogueScript.parse(input.text, file: "fuzz.dialogue")
        for diagnostic in diagnostics {
            precondition(diagnostic.location.line >= 1, "a diagnostic before the first line: \(diagnostic)")
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
        script.steps = Array(script.steps.prefix(maximumReplayedSteps))
        let outcome = ReplayRunner(script: ShippedCoach.shared.script).run(script)
        precondition(!outcome.transcript.isEmpty, "a replay said nothing, not even the opening")
    }
}
