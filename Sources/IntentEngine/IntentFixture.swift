import Foundation

/// One line of an intent fixture file: an utterance and the intent it must be read as.
public struct IntentFixture: Sendable {
    /// The key whose lines must raise no safety event, whatever else they are read as. Figures
    /// of speech ("my feet are killing me") have no one right intent, only a wrong kind.
    public static let noSafetyKey = "no_safety"

    /// The intent it must be read as, or `noSafetyKey`.
    public var expectedIntent: String
    /// Whether this line only has to stay clear of every crisis intent.
    public var expectsNoSafety: Bool { expectedIntent == Self.noSafetyKey }
    public var text: String
    /// Only the slots listed are checked.
    public var slots: [String: String]
    /// The flow state it is said in (`FLOW.STATE`), if any.
    public var state: String?
    /// The flags the line must carry, exactly (`flags: []` is none); nil leaves them unchecked.
    public var flags: [String]?
    public var location: SourceLocation

    /// The group name of fixtures that check only flags, not the intent.
    public static let anyIntent = "*"
}

/// Reads `Tests/Fixtures/intents/*.yaml` files (SPEC's format), reporting malformed entries
/// with their place. Under the key `no_safety` the lines need only raise no safety event.
public enum IntentFixtureReader {
    public static func read(file: String) -> ([IntentFixture], [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: file) else {
            return ([], [.error(at: SourceLocation(file: file, line: 1, column: 1), "cannot read fixture file")])
        }
        return read(data: data, file: file)
    }

    public static func read(data: Data, file: String) -> ([IntentFixture], [Diagnostic]) {
        let document: YAMLValue
        switch YAMLFileReader.read(data: data, file: file) {
        case .failure(let error): return ([], error.diagnostics)
        case .success(let value): document = value
        }
        var fixtures: [IntentFixture] = []
        var diagnostics: [Diagnostic] = []
        guard case .mapping(let pairs, _) = document else {
            if case .null = document { return ([], []) }
            return ([], [.error(at: document.location, "expected a mapping of intent names to utterances, found \(document.kindName)")])
        }
        for (intent, _, value) in pairs {
            guard case .sequence(let items, _) = value else {
                diagnostics.append(.error(at: value.location, "expected a list of utterances for '\(intent)', found \(value.kindName)"))
                continue
            }
            for item in items {
                switch item {
                case .scalar(_, let location, _) where intent == IntentFixture.anyIntent:
                    diagnostics.append(.error(at: location, "a fixture under '*' checks only flags, so it must be {text, flags}"))
                case .scalar(let text, let location, _):
                    fixtures.append(IntentFixture(expectedIntent: intent, text: text, slots: [:], state: nil, flags: nil, location: location))
                case .mapping(let fields, let location):
                    var fixture = IntentFixture(expectedIntent: intent, text: "", slots: [:], state: nil, flags: nil, location: location)
                    var hasText = false
                    var badState = false
                    for (key, keyLocation, field) in fields {
                        switch key {
                        case "text":
                            if let text = field.string { fixture.text = text; hasText = true }
                            else { diagnostics.append(.error(at: field.location, "'text' must be text")) }
                        case "state":
                            if let state = field.string, let problem = MatchContext.problem(in: state) {
                                diagnostics.append(.error(at: field.textStart, problem))
                                badState = true
                            } else if let state = field.string { fixture.state = state }
                            else { diagnostics.append(.error(at: field.location, "'state' must be FLOW.STATE")) }
                        case "slots":
                            guard case .mapping(let slotPairs, _) = field else {
                                diagnostics.append(.error(at: field.location, "'slots' must map slot names to values"))
                                continue
                            }
                            for (name, _, slotValue) in slotPairs { fixture.slots[name] = slotValue.string ?? "" }
                        case "flags":
                            guard case .sequence(let flagItems, _) = field else {
                                diagnostics.append(.error(at: field.location, "'flags' must be a list of flag names, like [criticism]"))
                                continue
                            }
                            var flags: [String] = []
                            for flag in flagItems {
                                if let name = flag.string { flags.append(name) }
                                else { diagnostics.append(.error(at: flag.location, "a flag must be a name, found \(flag.kindName)")) }
                            }
                            fixture.flags = flags
                        default:
                            diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in a fixture", hint: "expected text, slots, state or flags"))
                        }
                    }
                    if badState { continue }
                    if hasText, intent == IntentFixture.anyIntent, fixture.flags == nil {
                        diagnostics.append(.error(at: location, "a fixture under '*' checks only flags, so it must state 'flags:'"))
                    } else if hasText { fixtures.append(fixture) }
                    else { diagnostics.append(.error(at: location, "fixture has no 'text'")) }
                default:
                    diagnostics.append(.error(at: item.location, "a fixture must be text or {text, slots, state, flags}, found \(item.kindName)"))
                }
            }
        }
        return (fixtures, diagnostics)
    }
}

/// The outcome of running intent fixtures: failures with their explanation, per-intent
/// precision/recall/F1, the most confused pairs and the templates no fixture reached.
public struct FixtureReport: Sendable {
    public struct Failure: Sendable {
        public var fixture: IntentFixture
        public var result: MatchResult
        /// What was wrong, in words.
        public var reason: String
    }

    public struct IntentScore: Sendable {
        public var intent: String
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var support: Int { truePositives + falseNegatives }
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
    }

    public var passed = 0
    public var failures: [Failure] = []
    public var scores: [String: IntentScore] = [:]
    /// (expected, got) → count, for fixtures that matched the wrong intent.
    public var confusions: [String: [String: Int]] = [:]
    /// Templates that no fixture's match used.
    public var uncovered: [(intent: String, source: TemplateSource)] = []

    /// The most frequent confusions, largest first.
    public func topConfusions(_ count: Int) -> [(expected: String, got: String, count: Int)] {
        var all: [(expected: String, got: String, count: Int)] = []
        for (expected, row) in confusions {
            for (got, number) in row { all.append((expected, got, number)) }
        }
        all.sort { ($0.count, $1.expected, $1.got) > ($1.count, $0.expected, $0.got) }
        return Array(all.prefix(count))
    }
}

/// Runs intent fixtures against a matcher.
public struct FixtureRunner {
    let matcher: Matcher
    /// The flags a line carries, for fixtures that state `flags:` (the coaching layer knows
    /// them; this engine does not).
    let flags: ((MatchResult) -> [String])?

    public init(matcher: Matcher, flags: ((MatchResult) -> [String])? = nil) {
        self.matcher = matcher
        self.flags = flags
    }

    public func run(_ fixtures: [IntentFixture]) -> FixtureReport {
        var report = FixtureReport()
        var used: Set<SourceLocation> = []
        for fixture in fixtures {
            let result = matcher.match(fixture.text, context: MatchContext(parsing: fixture.state))
            if let location = result.best?.template?.location { used.insert(location) }
            let got = result.intent
            var reason: String?
            if fixture.expectsNoSafety {
                if let kind = result.safety {
                    reason = "expected no safety event, got \(got) (\(kind))"
                    report.scores[got, default: .init(intent: got)].falsePositives += 1
                    report.confusions[fixture.expectedIntent, default: [:]][got, default: 0] += 1
                }
            } else if fixture.expectedIntent == IntentFixture.anyIntent {
                // A flags-only fixture: the intent is not checked or scored.
            } else if got != fixture.expectedIntent {
                reason = "expected \(fixture.expectedIntent), got \(got)" + (result.isAmbiguous ? " (ambiguous)" : "")
                report.confusions[fixture.expectedIntent, default: [:]][got, default: 0] += 1
                report.scores[fixture.expectedIntent, default: .init(intent: fixture.expectedIntent)].falseNegatives += 1
                report.scores[got, default: .init(intent: got)].falsePositives += 1
            } else {
                report.scores[got, default: .init(intent: got)].truePositives += 1
                let slots = result.slots
                let wrong = fixture.slots.sorted { $0.key < $1.key }.filter { slots[$0.key] != $0.value }
                if !wrong.isEmpty {
                    reason = wrong.map { "slot \($0.key): expected \($0.value), got \(slots[$0.key] ?? "nothing")" }
                        .joined(separator: "; ")
                }
            }
            if reason == nil, let expected = fixture.flags {
                let carried = flags?(result) ?? []
                if Set(carried) != Set(expected) {
                    reason = "flags: expected [\(expected.sorted().joined(separator: ", "))], got [\(carried.sorted().joined(separator: ", "))]"
                }
            }
            if let reason {
                report.failures.append(.init(fixture: fixture, result: result, reason: reason))
            } else {
                report.passed += 1
            }
        }
        report.uncovered = matcher.allTemplates.filter { !used.contains($0.source.location) }
        return report
    }
}
