/// The checks of `attune lint` that need the compiled matcher: duplicate templates,
/// templates another intent always wins, sentences on which two intents tie, and unused
/// lists and rules. Syntax and reference errors come from loading and compiling.
public struct IntentLinter {
    let content: IntentContent
    let matcher: Matcher

    public init(content: IntentContent, matcher: Matcher) {
        self.content = content
        self.matcher = matcher
    }

    public func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        diagnostics += duplicateTemplates()
        diagnostics += competingTemplates()
        diagnostics += unusedNames()
        diagnostics += ungroupedCrisisTemplates()
        return diagnostics
    }

    /// Every template of a crisis intent belongs to a warning-sign group (`- group: NAME`
    /// before it), so a gap shows up as a group and `explain` names the sign that was raised.
    private func ungroupedCrisisTemplates() -> [Diagnostic] {
        var result: [Diagnostic] = []
        for name in content.intents.keys.sorted() {
            guard let intent = content.intents[name], intent.safety != nil else { continue }
            for source in intent.templates where source.group == nil {
                result.append(.error(at: source.location, "crisis template outside any warning-sign group",
                                     hint: "put it after a '- group: NAME' entry in the templates of '\(name)'"))
            }
        }
        return result
    }

    private func duplicateTemplates() -> [Diagnostic] {
        var seen: [TemplateNode: (intent: String, location: SourceLocation)] = [:]
        var result: [Diagnostic] = []
        for (intent, source) in sortedTemplates() {
            if let first = seen[source.node] {
                let same = first.intent == intent ? "in the same intent" : "in intent '\(first.intent)'"
                result.append(.error(at: source.location, "duplicate template: the same as \(first.location) \(same)",
                                     hint: "remove one of them"))
            } else {
                seen[source.node] = (intent, source.location)
            }
        }
        return result
    }

    private func competingTemplates() -> [Diagnostic] {
        let sampler = SentenceSampler(content: content)
        var result: [Diagnostic] = []
        var reportedTies: Set<String> = []
        for (intent, source) in sortedTemplates() {
            guard let definition = content.intents[intent] else { continue }
            let context = representativeContext(for: definition)
            var lostTo: Set<String> = []
            var won = false
            var sentences = 0
            for words in sampler.sentences(of: source.node) where !words.isEmpty {
                sentences += 1
                let sentence = words.joined(separator: " ")
                let match = matcher.match(sentence, context: context)
                // A figure of speech is never the answer; it only has to keep its sentences
                // from reading as a crisis.
                if definition.figureOfSpeech {
                    won = true
                    if let safety = match.safety {
                        result.append(.error(at: source.location, "figure of speech \"\(sentence)\" still reads as a crisis (\(safety))",
                                             hint: "the figure must cover every word the crisis template matched"))
                        break
                    }
                    continue
                }
                let tiedWithOwn = match.isAmbiguous && match.candidates.prefix(2).contains { $0.intent == intent }
                if match.intent == intent || tiedWithOwn || match.best?.safety != nil && definition.safety != nil {
                    won = true
                } else if match.intent != MatchResult.noneIntent {
                    lostTo.insert(match.intent)
                }
                if match.isAmbiguous, match.candidates.count > 1 {
                    let pair = [match.candidates[0].intent, match.candidates[1].intent].sorted()
                    let key = "\(pair[0])|\(pair[1])|\(sentence)"
                    if pair.contains(intent), reportedTies.insert(key).inserted {
                        result.append(.error(at: source.location,
                                             "intents '\(pair[0])' and '\(pair[1])' tie on \"\(sentence)\"",
                                             hint: "make one template more specific, or give one intent a higher priority"))
                    }
                }
            }
            if sentences > 0, !won, !lostTo.isEmpty {
                result.append(.error(at: source.location,
                                     "template is shadowed: every sentence it accepts is won by \(lostTo.sorted().map { "'\($0)'" }.joined(separator: ", "))",
                                     hint: "remove it, make it more specific, or raise this intent's priority"))
            }
        }
        return result
    }

    private func unusedNames() -> [Diagnostic] {
        var usedLists: Set<String> = []
        var usedRules: Set<String> = []
        // A stack, not recursion: a chain of thousands of rules must not overflow.
        var pending = sortedTemplates().map(\.source.node)
        while let node = pending.popLast() {
            switch node {
            case .word, .wildcard: break
            case .sequence(let parts), .alternatives(let parts), .permutation(let parts): pending += parts
            case .optional(let body): pending.append(body)
            case .list(let name, _, _):
                if usedLists.insert(name).inserted { pending += content.lists[name]?.values.map(\.spoken) ?? [] }
            case .rule(let name, _):
                if usedRules.insert(name).inserted, let rule = content.rules[name] { pending.append(rule.body.node) }
            }
        }
        var result: [Diagnostic] = []
        for list in content.lists.values where !usedLists.contains(list.name) {
            result.append(.warning(at: list.location, "list '\(list.name)' is never used", hint: "use it as {\(list.name)} or remove it"))
        }
        for rule in content.rules.values where !usedRules.contains(rule.name) {
            result.append(.warning(at: rule.location, "rule '\(rule.name)' is never used", hint: "use it as <\(rule.name)> or remove it"))
        }
        return result
    }

    private func sortedTemplates() -> [(intent: String, source: TemplateSource)] {
        content.intents.values.flatMap { intent in intent.templates.map { (intent.name, $0) } }
            .sorted { $0.source.location < $1.source.location }
    }

    /// A state in which the intent may be said, for checking it where it applies: an intent
    /// kept out of `idle` (`excludes_state: [idle]`, heard only inside an exercise) is
    /// checked in a step of no exercise in particular.
    private func representativeContext(for intent: IntentDefinition) -> MatchContext {
        guard let pattern = intent.requiresState.first else {
            let inExercise = MatchContext(flow: "\u{0}any", state: "\u{0}any")
            return intent.excludesState.contains { $0.matches(.idle) } ? inExercise : .idle
        }
        if pattern.flow == "idle" { return .idle }
        return MatchContext(flow: pattern.flow, state: pattern.state ?? "\u{0}any")
    }
}
