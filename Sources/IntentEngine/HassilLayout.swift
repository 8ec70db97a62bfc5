/// hassil's own file layout, read beside Attune's: `language:`, `expansion_rules:`, an intent's
/// `data:` blocks of `sentences:` with fixed `slots:` and local `expansion_rules:`, and lists
/// given as a number `range:`. A sentence file written for hassil then loads as written; what
/// Attune cannot honour (hassil's device context) is a warning that says so, never a silent
/// change of meaning. The template syntax itself is hassil's already (TemplateSyntax.swift).
extension ContentBuilder {
    /// The most values one `range:` list may expand to: hassil's ranges are short (0–100 for a
    /// percentage); a range of millions would only fill memory.
    static let rangeValueLimit = 10_000

    /// The keys of one block under an intent's `data:`.
    static let dataBlockKeys = ["sentences", "slots", "expansion_rules", "requires_context", "excludes_context", "metadata", "response"]

    /// Attune's language layer (stemmer, dictionary, chat spellings) is English.
    mutating func checkLanguage(_ value: YAMLValue) {
        guard let code = value.string else {
            return diagnostics.append(.error(at: value.location, "'language' must be a language code such as en, found \(value.kindName)"))
        }
        let base = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        if base != "en" {
            diagnostics.append(.warning(at: value.textStart, "language '\(code)': Attune's word forms, dictionary and chat spellings are English",
                                        hint: "templates still match as written, but inflections and typos are read as English"))
        }
    }

    /// hassil's `range: {from, to, step, multiplier}`: each whole number, typed as digits.
    mutating func rangeValues(_ value: YAMLValue, list: String) -> [ListValue] {
        guard case .mapping(let pairs, let location) = value else {
            diagnostics.append(.error(at: value.location, "'range' of list '\(list)' must be a mapping with from and to, found \(value.kindName)"))
            return []
        }
        var numbers: [String: Int] = ["step": 1, "multiplier": 1]
        for (key, keyLocation, entry) in pairs {
            switch key {
            case "from", "to", "step", "multiplier":
                guard let text = entry.string, let number = Int(text) else {
                    diagnostics.append(.error(at: entry.location, "'\(key)' of a range must be a whole number, found '\(entry.string ?? entry.kindName)'"))
                    continue
                }
                numbers[key] = number
            case "type", "digits", "words", "words_language", "words_ruleset":
                // hassil's kinds (number, percentage, temperature) all match digits here; numbers
                // spelled out ("five") are hassil's and not Attune's (Intents/README.md says so).
                continue
            default:
                diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in the range of list '\(list)'",
                                          hint: "expected from, to, step, multiplier or type"))
            }
        }
        guard let from = numbers["from"], let to = numbers["to"], let step = numbers["step"], let multiplier = numbers["multiplier"] else {
            diagnostics.append(.error(at: location, "the range of list '\(list)' needs both from and to", hint: "range: {from: 0, to: 100}"))
            return []
        }
        guard from >= 0, step > 0, from <= to else {
            diagnostics.append(.error(at: location, "the range of list '\(list)' must count up from 0 or more (from \(from) to \(to), step \(step))",
                                      hint: "a negative number is not one typed word here; list such values under values:"))
            return []
        }
        let count = (to - from) / step + 1
        guard count <= Self.rangeValueLimit else {
            diagnostics.append(.error(at: location, "the range of list '\(list)' has \(count) values, over the range limit of \(Self.rangeValueLimit)",
                                      hint: "a shorter range, or a wildcard list"))
            return []
        }
        return stride(from: from, through: to, by: step).map { number in
            ListValue(spoken: .word(String(number)), spokenText: String(number), value: String(number * multiplier), location: location)
        }
    }

    /// An intent's `data:`: blocks of sentences, each with its fixed slots and its own rules.
    mutating func hassilData(_ value: YAMLValue, intent: String) -> [TemplateSource] {
        guard case .sequence(let blocks, _) = value else {
            diagnostics.append(.error(at: value.location, "'data' of intent '\(intent)' must be a list of blocks with sentences, found \(value.kindName)",
                                      hint: "data: [{sentences: [\"turn on the light\"]}]"))
            return []
        }
        var result: [TemplateSource] = []
        for (index, block) in blocks.enumerated() {
            guard case .mapping(let pairs, let location) = block else {
                diagnostics.append(.error(at: block.location, "each block of 'data' must be a mapping with sentences, found \(block.kindName)"))
                continue
            }
            var sentences: [TemplateSource] = []
            var fixedSlots: [String: String] = [:]
            var localRules: [String: String] = [:]
            var sawSentences = false
            for (key, keyLocation, entry) in pairs {
                switch key {
                case "sentences":
                    sawSentences = true
                    sentences += templates(entry)
                case "slots":
                    fixedSlots = slotValues(entry)
                case "expansion_rules":
                    // Rules of this block only: renamed so they cannot meet another block's.
                    for (name, ruleLocation, body) in entries(of: entry, section: key) {
                        let scoped = "\(intent).data[\(index + 1)].\(name)"
                        localRules[name] = scoped
                        addRule(scoped, ruleLocation, body)
                    }
                case "requires_context", "excludes_context":
                    ignoredContext(key, at: keyLocation)
                case "metadata", "response":
                    // Passed on by hassil to whoever acts on the match; no part of matching.
                    continue
                default:
                    diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in a data block of intent '\(intent)'",
                                              hint: "expected one of: \(Self.dataBlockKeys.joined(separator: ", "))"))
                }
            }
            if !sawSentences {
                diagnostics.append(.error(at: location, "a data block of intent '\(intent)' has no sentences", hint: "add sentences: [...]"))
            }
            for name in localRules.values {
                if let rule = content.rules[name] { content.rules[name]?.body.node = Self.scoping(rule.body.node, localRules) }
            }
            result += sentences.map { sentence in
                var scoped = sentence
                scoped.node = Self.scoping(sentence.node, localRules)
                scoped.fixedSlots = fixedSlots
                return scoped
            }
        }
        return result
    }

    /// `slots: {domain: light}`: slot name → the value every sentence of the block sets.
    private mutating func slotValues(_ value: YAMLValue) -> [String: String] {
        var slots: [String: String] = [:]
        for (name, _, entry) in entries(of: value, section: "slots") {
            if let text = entry.string { slots[name] = text }
            else { diagnostics.append(.error(at: entry.location, "slot '\(name)' must have one value, found \(entry.kindName)")) }
        }
        return slots
    }

    /// hassil's match context (a device's area, a domain) has no counterpart here: Attune's
    /// context is the exercise state (`requires_state`).
    mutating func ignoredContext(_ key: String, at location: SourceLocation) {
        diagnostics.append(.warning(at: location, "'\(key)' is hassil's device context, which Attune does not have: it is ignored",
                                    hint: "these sentences match in every context; Attune's context is the exercise state (requires_state)"))
    }

    /// `node` with each `<rule>` named in `local` pointing at the block's own rule.
    static func scoping(_ node: TemplateNode, _ local: [String: String]) -> TemplateNode {
        if local.isEmpty { return node }
        switch node {
        case .rule(let name, let offset): return .rule(name: local[name] ?? name, offset: offset)
        case .sequence(let parts): return .sequence(parts.map { scoping($0, local) })
        case .alternatives(let parts): return .alternatives(parts.map { scoping($0, local) })
        case .permutation(let parts): return .permutation(parts.map { scoping($0, local) })
        case .optional(let part): return .optional(scoping(part, local))
        case .word, .list, .wildcard: return node
        }
    }
}
