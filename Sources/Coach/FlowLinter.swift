import IntentEngine
import TranscriptFormat

/// The checks `lint` runs on exercises, responses and the lexicon: undefined states,
/// intents, roles, responses and variables; variables an action reads that its flow never
/// sets; unreachable states; states with no way out; flows that can never finish; and the
/// contract with Swift: the intents, responses and lexicon lists the session names.
struct FlowLinter {
    let script: CoachScript

    /// Variables every response may use: who is who and the line turned around, which
    /// `Turn.lookup(extra:)` answers, and the `extra:` values particular replies are given
    /// (`said`, `requested`, `meant`, …). A name missing here makes lint reject good content.
    static let globalVariables: Set<String> = ["first", "second", "partner", "other", "transcript", "exercise",
                                               "reflection", "said", "resources", "exercises", "requested", "command",
                                               "option_a", "option_b", "meant", "names", "said_by", "echo", "person", "for_two", "instead", "question",
                                               "instead_summary"]

    func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let slotNames = Set(script.matcher.slotNames)
        let content = SourceLocation(file: "Intents", line: 1, column: 1)
        let intentNames = Set(script.matcher.intentNames)
        for name in CoachScript.requiredIntents where !intentNames.contains(name) {
            diagnostics.append(.error(at: content, "missing intent '\(name)'",
                                      hint: "the coach relies on it by name; add it under intents:"))
        }
        for name in CoachScript.requiredResponses where !script.responses.has(name) {
            diagnostics.append(.error(at: content, "missing response '\(name)'",
                                      hint: "the coach says it; add it under responses:"))
        }
        for (name, shape) in Lexicon.lists where script.lexicon.isEmpty(shape) {
            diagnostics.append(.error(at: content, "missing or empty lexicon list '\(name)'",
                                      hint: "the coach reads it; add it under lexicon:"))
        }
        for setting in ConflictWatch.settings where script.lexicon.conflict[setting] == nil {
            diagnostics.append(.error(at: content, "lexicon 'conflict' has no '\(setting)'",
                                      hint: "the fight coach reads it; add it under lexicon: conflict:"))
        }
        for setting in script.lexicon.conflict.keys.sorted() where !ConflictWatch.settings.contains(setting) {
            diagnostics.append(.error(at: content, "lexicon 'conflict' has unknown setting '\(setting)'",
                                      hint: "expected one of: \(ConflictWatch.settings.joined(separator: ", "))"))
        }
        let clearerLists = [("flag_clearers", script.lexicon.flagClearers), ("clearers_where_they_meet", script.lexicon.clearersWhereTheyMeet)]
        for (list, map) in clearerLists {
            for (horseman, clearers) in map.sorted(by: { $0.key < $1.key }) {
                if !LineFlags.horsemen.contains(horseman) {
                    diagnostics.append(.error(at: content, "\(list) names '\(horseman)', which is not a flag",
                                              hint: "expected one of: \(LineFlags.horsemen.joined(separator: ", "))"))
                }
                for intent in clearers where !intentNames.contains(intent) {
                    diagnostics.append(.error(at: content, "\(list): '\(horseman)' is cleared by unknown intent '\(intent)'",
                                              hint: "name an intent defined under intents:"))
                }
            }
        }
        for (horseman, clearers) in script.lexicon.clearersWhereTheyMeet.sorted(by: { $0.key < $1.key }) {
            for intent in clearers where !(script.lexicon.flagClearers[horseman] ?? []).contains(intent) {
                diagnostics.append(.error(at: content, "clearers_where_they_meet: '\(intent)' does not clear '\(horseman)' under flag_clearers",
                                          hint: "list it under flag_clearers: \(horseman) first"))
            }
        }
        let aimed = script.lexicon.aimedHorsemen.map { ("aimed_horsemen", $0) } + script.lexicon.flagNarrowing.keys.map { ("flag_narrowing", $0) }
            + script.lexicon.flagSofteners.keys.map { ("flag_softeners", $0) }
        for (list, horseman) in aimed.sorted(by: { $0 < $1 }) where !LineFlags.horsemen.contains(horseman) {
            diagnostics.append(.error(at: content, "\(list) names '\(horseman)', which is not a flag",
                                      hint: "expected one of: \(LineFlags.horsemen.joined(separator: ", "))"))
        }
        for entry in script.responses.entries.values {
            let known = Self.globalVariables.union(slotNames)
            for text in entry.variants {
                for name in ResponseBook.variableNames(in: text) where !known.contains(name) && !entry.name.hasPrefix("flow.") {
                    diagnostics.append(.error(at: entry.location, "response '\(entry.name)' names unknown slot or variable '{\(name)}'",
                                              hint: "known here: \(known.sorted().joined(separator: ", "))"))
                }
            }
        }
        for flow in script.flows.values { diagnostics += check(flow, slotNames: slotNames) + checkSolo(flow) }
        diagnostics += checkSoloReplies()
        let declaredKinds = Set(script.flows.values.flatMap { $0.states.values.flatMap { $0.artifacts.map(\.kind) } })
        for kind in Artifact.countedKinds where !declaredKinds.contains(kind) {
            diagnostics.append(.error(at: content, "no exercise records an artifact of kind '\(kind)'",
                                      hint: "progress counts it as a skill; declare it under artifacts: in a flow"))
        }
        diagnostics += ExerciseOffer.check(script)
        return diagnostics
    }

    private func check(_ flow: Flow, slotNames: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let intentNames = Set(script.matcher.intentNames)
        // What the flow itself sets, which is all an artifact may record.
        var flowVariables: Set<String> = []
        for state in flow.states.values {
            if let action = state.action { flowVariables.formUnion(action.setsVariables) }
            for transition in state.on + state.then {
                for effect in transition.effects {
                    switch effect {
                    case .capture(let name), .append(let name):
                        flowVariables.formUnion([name, "\(name)_reflected", "\(name)_by"])
                    case .set(let name, _): flowVariables.insert(name)
                    default: break
                    }
                }
            }
        }
        // An exercise started after a fight is also given the fight's words.
        let variables = Self.globalVariables.union(slotNames).union(flow.roles).union(flowVariables)
            .union(ConflictWatch.flowVariables)
        for stateName in flow.stateOrder {
            guard let state = flow.states[stateName] else { continue }
            if let speaker = state.speaker, speaker != "either", speaker != "both", !flow.roles.contains(speaker) {
                diagnostics.append(.error(at: state.location, "state '\(stateName)' expects unknown role '\(speaker)'",
                                          hint: "roles of '\(flow.name)': \(flow.roles.joined(separator: ", ")), either or both"))
            }
            for reference in [state.say, state.redirect, state.askOther, state.hint].compactMap({ $0 }) {
                diagnostics += checkResponse(reference, variables: variables)
            }
            for intent in state.takes where StepLine.intents[intent] == nil && !Turn.commandIntents.contains(intent) {
                let takeable = StepLine.intents.keys.sorted() + Turn.commandIntents.sorted()
                diagnostics.append(.error(at: state.location, "state '\(stateName)' takes '\(intent)', which is no line a step would otherwise refuse",
                                          hint: "takes: lists intents of non-answers or commands said in words: \(takeable.joined(separator: ", "))"))
            }
            if let hint = state.hint, state.speaker == nil {
                diagnostics.append(.error(at: hint.location, "state '\(stateName)' gives a hint but waits for no one, so it is never said",
                                          hint: "a hint answers a question back at a step; give the state a speaker, or remove the hint"))
            }
            for artifact in state.artifacts {
                let byRole = artifact.by == "both" || flow.roles.contains(artifact.by)
                if !byRole && !flowVariables.contains(artifact.by) {
                    diagnostics.append(.error(at: artifact.location, "artifact '\(artifact.kind)' is by '\(artifact.by)', which is no role or variable of flow '\(flow.name)'",
                                              hint: "by: a role (\(flow.roles.joined(separator: ", "))), both, or a variable such as NAME_by"))
                }
                for field in artifact.fields where !flowVariables.contains(field.variable) {
                    diagnostics.append(.error(at: artifact.location, "artifact '\(artifact.kind)' reads variable '\(field.variable)', which flow '\(flow.name)' never sets",
                                              hint: "capture: \(field.variable) (or set it) in an earlier state"))
                }
            }
            if let action = state.action {
                for name in action.needsVariables where !variables.contains(name) {
                    diagnostics.append(.error(at: state.location,
                                              "action '\(action.rawValue)' in state '\(stateName)' reads variable '\(name)', which flow '\(flow.name)' never sets",
                                              hint: "capture: \(name) (or set it) in an earlier state"))
                }
            }
            for transition in state.on + state.then {
                for condition in transition.conditions {
                    switch condition {
                    case .intent(let intents):
                        for intent in intents where !intentNames.contains(intent) && intent != MatchResult.noneIntent {
                            diagnostics.append(.error(at: transition.location, "unknown intent '\(intent)' in flow '\(flow.name)'"))
                        }
                    case .result(let results):
                        let allowed = state.action?.results ?? []
                        for result in results where !allowed.contains(result) {
                            diagnostics.append(.error(at: transition.location,
                                                      state.action == nil ? "'result' needs an action on state '\(stateName)'"
                                                          : "action '\(state.action!.rawValue)' never returns '\(result)'",
                                                      hint: allowed.isEmpty ? nil : "it returns: \(allowed.joined(separator: ", "))"))
                        }
                    case .variable(let name, _):
                        if !variables.contains(name) {
                            diagnostics.append(.error(at: transition.location, "unknown variable '\(name)' in flow '\(flow.name)'"))
                        }
                    case .slot: break
                    }
                }
                for effect in transition.effects {
                    if case .say(let reference) = effect { diagnostics += checkResponse(reference, variables: variables) }
                }
                if case .state(let target) = transition.target, flow.states[target] == nil {
                    diagnostics.append(.error(at: transition.location, "undefined state '\(target)' in flow '\(flow.name)'",
                                              hint: "states: \(flow.stateOrder.joined(separator: ", "))"))
                }
            }
            if !state.isFinal && state.on.isEmpty && state.then.isEmpty {
                diagnostics.append(.error(at: state.location, "state '\(stateName)' has no way out",
                                          hint: "add transitions under on: or then:, or mark it final: true"))
            }
            if state.speaker == nil && !state.isFinal && state.then.isEmpty {
                diagnostics.append(.error(at: state.location, "state '\(stateName)' waits for no speaker and has no 'then'",
                                          hint: "name the speaker who answers here, or move on with then:"))
            }
        }
        let reachable = reachableStates(flow)
        for stateName in flow.stateOrder where !reachable.contains(stateName) {
            diagnostics.append(.error(at: flow.states[stateName]!.location, "state '\(stateName)' is unreachable from '\(flow.start)'"))
        }
        if !reachable.isEmpty && !reachable.contains(where: { finishes(flow, $0) }) {
            diagnostics.append(.error(at: flow.location, "flow '\(flow.name)' can never finish",
                                      hint: "mark a reachable state final: true, or add a transition with finish: true"))
        }
        return diagnostics
    }

    /// Solo use: an exercise written for two says what one person gets, a solo version that
    /// starts at one of its states or an exercise that works alone to suggest instead.
    private func checkSolo(_ flow: Flow) -> [Diagnostic] {
        switch flow.solo {
        case .none:
            guard flow.needsCouple else { return [] }
            return [.error(at: flow.location, "flow '\(flow.name)' is for two but says nothing for one person alone",
                           hint: "add solo: {start: STATE, summary: …} (a solo version) or solo: {instead: FLOW}")]
        case .version(let start, let summary):
            var diagnostics: [Diagnostic] = []
            if flow.states[start] == nil {
                diagnostics.append(.error(at: flow.location, "solo start state '\(start)' is not defined in flow '\(flow.name)'",
                                          hint: "states: \(flow.stateOrder.joined(separator: ", "))"))
            }
            if summary.isEmpty {
                diagnostics.append(.error(at: flow.location, "the solo version of '\(flow.name)' has no summary",
                                          hint: "/exercises shows it to one person alone"))
            }
            return diagnostics
        case .instead(let other):
            guard let instead = script.flows[other] else {
                return [.error(at: flow.location, "solo: instead names unknown exercise '\(other)'",
                               hint: "exercises: \(script.flowNames.joined(separator: ", "))")]
            }
            guard instead.worksAlone else {
                return [.error(at: flow.location, "solo: instead names '\(other)', which doesn't work alone either")]
            }
            return []
        }
    }

    /// A reply that suggests an exercise for two (`/start mirroring`) needs a version for one
    /// person alone (`NAME.solo`) that doesn't, or solo use would be told to do it.
    private func checkSoloReplies() -> [Diagnostic] {
        let forTwo = script.flows.values.filter { !$0.worksAlone }.map(\.name)
        func suggested(in text: String) -> String? {
            forTwo.first { text.contains("/start \($0)") }
        }
        var diagnostics: [Diagnostic] = []
        for name in script.responses.entries.keys.sorted() {
            guard let entry = script.responses.entries[name], let exercise = entry.variants.lazy.compactMap(suggested).first else { continue }
            if name.hasSuffix(".solo") {
                diagnostics.append(.error(at: entry.location, "response '\(name)' is said to one person alone but suggests '\(exercise)', which needs two"))
            } else if !script.responses.has("\(name).solo") {
                diagnostics.append(.error(at: entry.location, "response '\(name)' suggests '\(exercise)', which needs two, and has no '\(name).solo'",
                                          hint: "add \(name).solo: what to say to one person alone"))
            }
        }
        return diagnostics
    }

    private func checkResponse(_ reference: ResponseReference, variables: Set<String>) -> [Diagnostic] {
        switch reference {
        case .named(let name, let location):
            guard let entry = script.responses.entries[name] else {
                return [.error(at: location, "unknown response '\(name)'", hint: "define it under responses:, or write the text inline with a space in it")]
            }
            return unknownVariables(entry.variants, at: location, variables: variables)
        case .inline(let variants, let key, let location):
            // A script's `? response KEY` must name one line: an inline key is no response name.
            let clash: [Diagnostic] = script.responses.has(key)
                ? [.error(at: location, "this text's response key '\(key)' is also the name of a response",
                          hint: "rename the response under responses:, so '? response \(key)' names one line")]
                : []
            return clash + unknownVariables(variants, at: location, variables: variables)
        }
    }

    private func unknownVariables(_ variants: [String], at location: SourceLocation, variables: Set<String>) -> [Diagnostic] {
        variants.flatMap { ResponseBook.variableNames(in: $0) }.filter { !variables.contains($0) }.map {
            .error(at: location, "response names unknown slot or variable '{\($0)}'",
                   hint: "capture or set it earlier in the flow, or use a role name")
        }
    }

    private func reachableStates(_ flow: Flow) -> Set<String> {
        var seen: Set<String> = []
        var stack = [flow.start]
        if case .version(let start, _) = flow.solo { stack.append(start) }
        while let name = stack.popLast() {
            guard let state = flow.states[name], seen.insert(name).inserted else { continue }
            for transition in state.on + state.then {
                if case .state(let target) = transition.target { stack.append(target) }
            }
        }
        return seen
    }

    private func finishes(_ flow: Flow, _ name: String) -> Bool {
        guard let state = flow.states[name] else { return false }
        return state.isFinal || (state.on + state.then).contains { $0.target == .finish }
    }
}
