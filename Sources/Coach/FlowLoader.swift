import IntentEngine

/// Reads the `flows:` section of the content into `Flow` values, with a diagnostic for every
/// malformed entry.
enum FlowLoader {
    static let flowKeys = ["title", "summary", "roles", "couple", "solo", "start", "states"]
    static let soloKeys = ["start", "summary", "instead"]
    static let stateKeys = ["speaker", "say", "redirect", "ask_other", "hint", "takes", "acknowledge", "supplies", "action", "on", "then", "final", "debrief", "artifacts"]
    static let artifactKeys = ["kind", "by", "value"]
    static let transitionKeys = ["intent", "slot", "result", "if", "say", "capture", "append", "set", "swap", "goto", "finish"]

    static func load(_ sections: [String: NamedSection]) -> ([String: Flow], [Diagnostic]) {
        var flows: [String: Flow] = [:]
        var diagnostics: [Diagnostic] = []
        for (name, section) in sections.sorted(by: { $0.key < $1.key }) {
            if let flow = flow(name, section, &diagnostics) { flows[name] = flow }
        }
        return (flows, diagnostics)
    }

    private static func flow(_ name: String, _ section: NamedSection, _ diagnostics: inout [Diagnostic]) -> Flow? {
        guard case .mapping(let pairs, _) = section.value else {
            diagnostics.append(.error(at: section.value.location, "flow '\(name)' must be a mapping, found \(section.value.kindName)"))
            return nil
        }
        var flow = Flow(name: name, location: section.location, title: name, summary: "", roles: ["first", "second"],
                        needsCouple: false, start: "", states: [:], stateOrder: [])
        var startLocation = section.location
        for (key, keyLocation, value) in pairs {
            switch key {
            case "title": flow.title = text(value, key, &diagnostics) ?? name
            case "summary": flow.summary = text(value, key, &diagnostics) ?? ""
            case "roles":
                let roles = texts(value, key, &diagnostics)
                if roles.count < 1 || roles.contains("either") || roles.contains("both") {
                    diagnostics.append(.error(at: value.location, "'roles' must name one or more roles ('either' and 'both' are reserved)"))
                } else {
                    flow.roles = roles
                }
            case "couple": flow.needsCouple = boolean(value, key, &diagnostics)
            case "solo": flow.solo = solo(value, in: name, &diagnostics)
            case "start":
                flow.start = text(value, key, &diagnostics) ?? ""
                startLocation = value.location
            case "states":
                guard case .mapping(let states, _) = value else {
                    diagnostics.append(.error(at: value.location, "'states' must be a mapping of state names, found \(value.kindName)"))
                    continue
                }
                for (stateName, stateLocation, stateValue) in states {
                    if flow.states[stateName] != nil {
                        diagnostics.append(.error(at: stateLocation, "state '\(stateName)' is defined twice in flow '\(name)'"))
                        continue
                    }
                    if let state = state(stateName, of: name, stateLocation, stateValue, &diagnostics) {
                        flow.states[stateName] = state
                        flow.stateOrder.append(stateName)
                    }
                }
            default:
                diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in flow '\(name)'",
                                          hint: "expected one of: \(flowKeys.joined(separator: ", "))"))
            }
        }
        if flow.start.isEmpty {
            if let first = flow.stateOrder.first { flow.start = first }
            else { diagnostics.append(.error(at: section.location, "flow '\(name)' has no states")) }
        } else if flow.states[flow.start] == nil {
            diagnostics.append(.error(at: startLocation, "start state '\(flow.start)' is not defined in flow '\(name)'"))
        }
        return flow
    }

    /// `solo: {start: STATE, summary: …}` or `solo: {instead: FLOW}`.
    private static func solo(_ value: YAMLValue, in flow: String, _ diagnostics: inout [Diagnostic]) -> SoloUse {
        guard case .mapping(let pairs, _) = value else {
            diagnostics.append(.error(at: value.location, "'solo' in flow '\(flow)' must be a mapping, found \(value.kindName)",
                                      hint: "solo: {start: STATE, summary: …} or solo: {instead: FLOW}"))
            return .none
        }
        var start: String?
        var summary = ""
        var instead: String?
        for (key, keyLocation, entry) in pairs {
            switch key {
            case "start": start = text(entry, key, &diagnostics)
            case "summary": summary = text(entry, key, &diagnostics) ?? ""
            case "instead": instead = text(entry, key, &diagnostics)
            default:
                diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in 'solo' of flow '\(flow)'",
                                          hint: "expected one of: \(soloKeys.joined(separator: ", "))"))
            }
        }
        switch (start, instead) {
        case (let start?, nil): return .version(start: start, summary: summary)
        case (nil, let instead?): return .instead(instead)
        default:
            diagnostics.append(.error(at: value.location, "'solo' in flow '\(flow)' needs either 'start' (a solo version) or 'instead' (an exercise to suggest), not both"))
            return .none
        }
    }

    private static func state(_ name: String, of flow: String, _ location: SourceLocation, _ value: YAMLValue,
                              _ diagnostics: inout [Diagnostic]) -> FlowState? {
        guard case .mapping(let pairs, _) = value else {
            diagnostics.append(.error(at: value.location, "state '\(name)' must be a mapping, found \(value.kindName)"))
            return nil
        }
        var state = FlowState(name: name, location: location, speaker: nil, say: nil, action: nil, on: [], then: [], isFinal: false)
        for (key, keyLocation, entry) in pairs {
            switch key {
            case "speaker": state.speaker = text(entry, key, &diagnostics)
            case "say": state.say = response(entry, key: InlineResponseKey.state(flow, name, key), &diagnostics)
            case "redirect": state.redirect = response(entry, key: InlineResponseKey.state(flow, name, key), &diagnostics)
            case "ask_other": state.askOther = response(entry, key: InlineResponseKey.state(flow, name, key), &diagnostics)
            case "hint": state.hint = response(entry, key: InlineResponseKey.state(flow, name, key), &diagnostics)
            case "takes": state.takes = texts(entry, key, &diagnostics)
            case "acknowledge": state.acknowledges = boolean(entry, key, &diagnostics)
            case "supplies":
                // Written as people type them; `*` is kept as the wildcard.
                state.supplies = texts(entry, key, &diagnostics).map { phrase in
                    phrase.split(separator: " ").flatMap { $0 == "*" ? ["*"] : TextNormalizer.words(String($0)) }
                }.filter { !$0.isEmpty }
            case "action":
                guard let actionName = text(entry, key, &diagnostics) else { continue }
                if let action = FlowAction(rawValue: actionName) { state.action = action }
                else {
                    diagnostics.append(.error(at: entry.location, "unknown action '\(actionName)'",
                                              hint: "built-in actions: \(FlowAction.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
            case "on", "then":
                guard case .sequence(let items, _) = entry else {
                    diagnostics.append(.error(at: entry.location, "'\(key)' must be a list of transitions, found \(entry.kindName)"))
                    continue
                }
                let transitions = items.enumerated().compactMap { position, item in
                    transition(item, key: InlineResponseKey.transition(flow, name, list: key, position: position + 1), &diagnostics)
                }
                if key == "on" { state.on = transitions } else { state.then = transitions }
            case "final": state.isFinal = boolean(entry, key, &diagnostics)
            case "debrief": state.asksDebrief = boolean(entry, key, &diagnostics)
            case "artifacts":
                switch entry {
                case .sequence(let items, _): state.artifacts = items.compactMap { artifact($0, &diagnostics) }
                case .mapping: state.artifacts = artifact(entry, &diagnostics).map { [$0] } ?? []
                default:
                    diagnostics.append(.error(at: entry.location, "'artifacts' must be a list of artifacts, found \(entry.kindName)",
                                              hint: "artifacts: [{kind: date_plan, by: both, value: {when: when, plan: plan}}]"))
                }
            default:
                diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in state '\(name)'",
                                          hint: "expected one of: \(stateKeys.joined(separator: ", "))"))
            }
        }
        return state
    }

    /// `{kind: date_plan, by: both, value: {when: when, plan: plan}}`; `value` may also list
    /// variable names, each its own field name (`value: [when, plan]`).
    private static func artifact(_ value: YAMLValue, _ diagnostics: inout [Diagnostic]) -> FlowArtifact? {
        guard case .mapping(let pairs, let location) = value else {
            diagnostics.append(.error(at: value.location, "an artifact must be a mapping, found \(value.kindName)",
                                      hint: "{kind: date_plan, by: both, value: {plan: plan}}"))
            return nil
        }
        var artifact = FlowArtifact(location: location, kind: "", by: "both", fields: [])
        for (key, keyLocation, entry) in pairs {
            switch key {
            case "kind": artifact.kind = text(entry, key, &diagnostics) ?? ""
            case "by": artifact.by = text(entry, key, &diagnostics) ?? "both"
            case "value":
                switch entry {
                case .mapping(let fields, _):
                    for (field, _, variable) in fields {
                        if let name = text(variable, field, &diagnostics) { artifact.fields.append((field, name)) }
                    }
                case .sequence, .scalar:
                    artifact.fields = texts(entry, key, &diagnostics).map { ($0, $0) }
                default:
                    diagnostics.append(.error(at: entry.location, "an artifact's 'value' must map field names to variables, found \(entry.kindName)"))
                }
            default:
                diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in an artifact",
                                          hint: "expected one of: \(artifactKeys.joined(separator: ", "))"))
            }
        }
        if artifact.kind.isEmpty || !artifact.kind.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) {
            diagnostics.append(.error(at: location, "an artifact needs a 'kind' of lowercase letters, digits and _, such as date_plan"))
            return nil
        }
        if artifact.fields.isEmpty {
            diagnostics.append(.error(at: location, "artifact '\(artifact.kind)' has no 'value' fields",
                                      hint: "value: {plan: plan} records the variable plan as the field plan"))
            return nil
        }
        return artifact
    }

    /// `key` is the response key of the transition's inline `say:`.
    private static func transition(_ value: YAMLValue, key responseKey: String, _ diagnostics: inout [Diagnostic]) -> FlowTransition? {
        guard case .mapping(let pairs, let location) = value else {
            diagnostics.append(.error(at: value.location, "a transition must be a mapping, found \(value.kindName)",
                                      hint: "for example: {intent: affirm, goto: next}"))
            return nil
        }
        var transition = FlowTransition(location: location, conditions: [], effects: [], target: .stay)
        for (key, keyLocation, entry) in pairs {
            switch key {
            case "intent": transition.conditions.append(.intent(texts(entry, key, &diagnostics)))
            case "result": transition.conditions.append(.result(texts(entry, key, &diagnostics)))
            case "slot":
                switch entry {
                case .scalar(let slot, _, _): transition.conditions.append(.slot(slot, []))
                case .mapping(let slots, _):
                    for (slot, _, values) in slots { transition.conditions.append(.slot(slot, texts(values, slot, &diagnostics))) }
                default: diagnostics.append(.error(at: entry.location, "'slot' must name a slot or map slots to values"))
                }
            case "if":
                guard case .mapping(let variables, _) = entry else {
                    diagnostics.append(.error(at: entry.location, "'if' must map variables to values", hint: "if: {round: \"1\"}"))
                    continue
                }
                for (variable, _, expected) in variables {
                    transition.conditions.append(.variable(variable, expected.string ?? ""))
                }
            case "say":
                if let reference = response(entry, key: responseKey, &diagnostics) { transition.effects.append(.say(reference)) }
            case "capture", "append":
                if let variable = text(entry, key, &diagnostics) {
                    transition.effects.append(key == "capture" ? .capture(variable) : .append(variable))
                }
            case "set":
                guard case .mapping(let variables, _) = entry else {
                    diagnostics.append(.error(at: entry.location, "'set' must map variables to values"))
                    continue
                }
                for (variable, _, newValue) in variables { transition.effects.append(.set(variable, newValue.string ?? "")) }
            case "swap":
                if boolean(entry, key, &diagnostics) { transition.effects.append(.swapRoles) }
            case "goto":
                if let target = text(entry, key, &diagnostics) { transition.target = .state(target) }
            case "finish":
                if boolean(entry, key, &diagnostics) { transition.target = .finish }
            default:
                diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in a transition",
                                          hint: "expected one of: \(transitionKeys.joined(separator: ", "))"))
            }
        }
        return transition
    }

    /// A response name (one word, defined under `responses:`), inline text, or a list of
    /// variants; inline text is said with the response key `key`.
    static func response(_ value: YAMLValue, key: String, _ diagnostics: inout [Diagnostic]) -> ResponseReference? {
        switch value {
        case .scalar(let text, let location, _):
            if text.contains(" ") || text.contains("{") { return .inline([text], key: key, location) }
            return .named(text, location)
        case .sequence(let items, let location):
            let variants = items.compactMap(\.string)
            if variants.count != items.count || variants.isEmpty {
                diagnostics.append(.error(at: location, "'say' variants must be a list of text"))
                return nil
            }
            return .inline(variants, key: key, location)
        default:
            diagnostics.append(.error(at: value.location, "'say' must be a response name, text, or a list of variants, found \(value.kindName)"))
            return nil
        }
    }

    static func text(_ value: YAMLValue, _ key: String, _ diagnostics: inout [Diagnostic]) -> String? {
        if let text = value.string { return text }
        diagnostics.append(.error(at: value.location, "'\(key)' must be text, found \(value.kindName)"))
        return nil
    }

    static func texts(_ value: YAMLValue, _ key: String, _ diagnostics: inout [Diagnostic]) -> [String] {
        switch value {
        case .scalar(let text, _, _): return [text]
        case .sequence(let items, _):
            let result = items.compactMap(\.string)
            if result.count != items.count { diagnostics.append(.error(at: value.location, "'\(key)' must be a list of text")) }
            return result
        default:
            diagnostics.append(.error(at: value.location, "'\(key)' must be text or a list of text, found \(value.kindName)"))
            return []
        }
    }

    static func boolean(_ value: YAMLValue, _ key: String, _ diagnostics: inout [Diagnostic]) -> Bool {
        switch value.string {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            diagnostics.append(.error(at: value.location, "'\(key)' must be true or false"))
            return false
        }
    }
}
