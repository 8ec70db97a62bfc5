import Coach
import Foundation
import IntentEngine

/// A `.dialogue` script: lines to feed the coach, each followed by expectations about it.
struct DialogueScript {
    struct Step {
        var input: String
        var line: Int
        var expectations: [Expectation] = []
    }

    enum Check: Equatable {
        case intent(String), says(String), notSays(String), response(String), flow(String), state(String), safety(String)
        case speaker(String), mirror(String), flag(String), safetyStep(String)
        /// An `artifact` event of this kind was recorded; with `field`, its value has that
        /// field and the field's text contains `text` (case-insensitive).
        case artifact(kind: String, field: String?, text: String?)
        /// No `artifact` event of this kind (`any`: of any kind) was recorded for the line.
        case noArtifact(String)
        /// The line ended the exercise: `completed` (it counts as done) or `stopped`.
        case ended(String)
    }

    struct Expectation {
        var check: Check
        var line: Int
    }

    var file: String
    var partners: [String]?
    var seed: UInt64 = 0
    var firstSession = false
    /// `@past-couple A,B`: a couple who had a session before, so whether this one is a first
    /// session is decided per couple once names are known, as in the REPL.
    var pastCouples: Set<String>?
    var steps: [Step] = []
    /// Expectations about the coach's opening, before any line.
    var opening: [Expectation] = []

    static let checks = ["intent", "says", "not-says", "response", "flow", "state", "safety", "speaker", "mirror", "flag", "safety-step", "artifact", "no-artifact", "ended"]

    /// Parses a script; every problem is a diagnostic with file:line:col.
    static func parse(_ text: String, file: String) -> (DialogueScript, [Diagnostic]) {
        var script = DialogueScript(file: file)
        var diagnostics: [Diagnostic] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            let here = SourceLocation(file: file, line: number, column: 1)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("@") {
                let parts = line.dropFirst().split(separator: " ").map(String.init)
                switch parts.first ?? "" {
                case "partners":
                    let names = parts.dropFirst().flatMap { $0.split(separator: ",").map(String.init) }
                    if (1...2).contains(names.count) { script.partners = names }
                    else { diagnostics.append(.error(at: here.advanced(by: 10), "@partners takes one or two names", hint: "@partners Alex Sam")) }
                case "seed":
                    if parts.count == 2, let seed = UInt64(parts[1]) { script.seed = seed }
                    else { diagnostics.append(.error(at: here.advanced(by: 6), "@seed takes a whole number", hint: "@seed 7")) }
                case "first-session":
                    script.firstSession = true
                case "past-couple":
                    let names = parts.dropFirst().flatMap { $0.split(separator: ",").map(String.init) }
                    if (1...2).contains(names.count) { script.pastCouples = (script.pastCouples ?? []).union([SessionConfig.coupleKey(names)]) }
                    else { diagnostics.append(.error(at: here.advanced(by: 13), "@past-couple takes one or two names", hint: "@past-couple Alex Sam")) }
                default:
                    diagnostics.append(.error(at: here.advanced(by: 1), "unknown directive '@\(parts.first ?? "")'",
                                              hint: "directives: @partners, @seed, @first-session, @past-couple"))
                }
                continue
            }
            if line.hasPrefix("?") {
                let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
                let name = body.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                let value = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
                let column = line.count - line.drop(while: { $0 == "?" || $0 == " " }).count + 1
                guard !value.isEmpty else {
                    diagnostics.append(.error(at: here.advanced(by: column - 1), "expectation '\(name)' needs a value", hint: "? says lonely"))
                    continue
                }
                let check: Check
                switch name {
                case "intent": check = .intent(value)
                case "says": check = .says(value)
                case "not-says": check = .notSays(value)
                case "response": check = .response(value)
                case "flow": check = .flow(value)
                case "state": check = .state(value)
                case "safety": check = .safety(value)
                case "speaker": check = .speaker(value)
                case "mirror": check = .mirror(value)
                case "flag": check = .flag(value)
                case "safety-step": check = .safetyStep(value)
                case "no-artifact": check = .noArtifact(value)
                case "ended":
                    guard ["completed", "stopped"].contains(value) else {
                        diagnostics.append(.error(at: here.advanced(by: column - 1), "'ended' takes completed or stopped", hint: "? ended stopped"))
                        continue
                    }
                    check = .ended(value)
                case "artifact":
                    // `? artifact date_plan` or `? artifact date_plan when: friday`
                    let parts = value.split(separator: " ", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else { check = .artifact(kind: value, field: nil, text: nil); break }
                    let rest = parts[1]
                    guard let colon = rest.firstIndex(of: ":") else {
                        diagnostics.append(.error(at: here.advanced(by: column - 1), "'artifact' takes a kind, then optionally FIELD: TEXT",
                                                  hint: "? artifact date_plan when: friday"))
                        continue
                    }
                    check = .artifact(kind: parts[0], field: String(rest[..<colon]).trimmingCharacters(in: .whitespaces),
                                      text: String(rest[rest.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
                default:
                    diagnostics.append(.error(at: here.advanced(by: column - 1), "unknown expectation '\(name)'",
                                              hint: "expectations: \(checks.joined(separator: ", "))"))
                    continue
                }
                let expectation = Expectation(check: check, line: number)
                if script.steps.isEmpty { script.opening.append(expectation) }
                else { script.steps[script.steps.count - 1].expectations.append(expectation) }
                continue
            }
            script.steps.append(Step(input: line, line: number))
        }
        return (script, diagnostics)
    }
}
