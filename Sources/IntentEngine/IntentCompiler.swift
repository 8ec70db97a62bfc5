/// Turns loaded content into a `Matcher`: resolves lists and rules, compiles each template
/// to word-automaton instructions, and builds the word index. Runs once per start-up.
public struct IntentCompiler {
    /// The most parts an any-order group may have; 5 parts is 120 orders.
    static let maxPermutationParts = 5
    /// The deepest rules and lists may refer to one another (a rule using a rule using a
    /// list…): compiling follows them recursively, and a hostile chain would overflow the stack.
    public static let maxReferenceDepth = 32
    /// The most instructions one template may compile to, lists, rules and any-order groups
    /// expanded. The largest shipped template needs about 2,000 (see Intents/README.md);
    /// nested any-order groups or rules that double at each level would need billions.
    public static let maxTemplateSize = 100_000

    private var instructions: [Instruction] = []
    /// Every written form in the templates → its word id. Forms of one word (by
    /// `WordForms.key`) share an id: "feel", "feels" and "felt" are one word to the automaton.
    private var vocabulary: [String: Int32] = [:]
    /// Word key → word id.
    private var keys: [String: Int32] = [:]
    /// Per word id: its first written form, as `explain` and typo messages show it.
    private var words: [String] = []
    private let forms: WordForms
    private var slotNames = NumberedNames()
    private var values = NumberedNames()
    private var diagnostics: [Diagnostic] = []
    private var dispatchTables: [[Int32: [Int32]]] = []
    /// Sizes and required words of rules and lists, worked out once each: a rule used twice
    /// at every level would otherwise cost twice as much per level.
    private var sizes = CompiledSizeEstimate()
    private var requiredOfName: [String: Set<Int32>] = [:]
    private let content: IntentContent

    private init(content: IntentContent) {
        self.content = content
        forms = WordForms(language: content.language)
    }

    /// Compiles `content`; the diagnostics hold unknown lists and rules, recursive rules and
    /// templates that could match nothing. The matcher is usable even when there are errors
    /// (broken templates are left out), so `lint` and `explain` can still run.
    public static func compile(_ content: IntentContent, options: MatcherOptions = MatcherOptions()) -> (Matcher, [Diagnostic]) {
        var compiler = IntentCompiler(content: content)
        return compiler.run(options: options)
    }

    private mutating func run(options: MatcherOptions) -> (Matcher, [Diagnostic]) {
        // Skip words are matched as written: "like" may be skipped, "liked" never is.
        for word in content.skipWords.sorted() { _ = wordID(word, key: "=" + word) }
        let intentNames = content.intents.keys.sorted()
        var intents: [CompiledIntent] = []
        var templates: [CompiledTemplate] = []
        var requiredSets: [Set<Int32>] = []
        for (intentNumber, name) in intentNames.enumerated() {
            let definition = content.intents[name]!
            let keywords = compileKeywords(definition)
            intents.append(CompiledIntent(definition: definition, keywords: keywords))
            for source in definition.templates {
                guard let compiled = compileTemplate(source, intent: Int32(intentNumber), templateNumber: Int32(templates.count)) else {
                    continue
                }
                templates.append(compiled.template)
                requiredSets.append(compiled.required)
            }
        }
        // The words each template requires (skip words aside): without all of them present,
        // the matcher never starts it.
        let skipped = Set(content.skipWords.compactMap { vocabulary[$0] })
        for number in templates.indices {
            templates[number].required = requiredSets[number].subtracting(skipped).sorted()
        }
        let skipIDs = Set(content.skipWords.compactMap { vocabulary[$0] })
        checkChatSpellings()
        var morphology = morphology()
        morphology.forms = formsOfSharedWords()
        for number in templates.indices where templates[number].source.node != .sequence([]) {
            templates[number].exactForms = Set(writtenWords(templates[number].source.node, depth: 0)
                .compactMap { morphology.forms[$0] }).sorted()
        }
        let program = ProgramCompactor.compact(.init(instructions: instructions, dispatchTables: dispatchTables, templates: templates))
        var matcher = Matcher(
            instructions: program.instructions, templates: program.templates, intents: intents,
            vocabulary: vocabulary, words: words, slotNames: slotNames.names, values: values.names,
            skipWords: skipIDs, dispatchTables: program.dispatchTables, options: options,
            morphology: morphology, language: LanguageLayer(content.language))
        matcher.skipPhrases = SkipPhrases(content.skipPhrases)
        matcher.ruleBodies = content.rules.mapValues(\.body.node)
        matcher.listValues = content.lists.mapValues { $0.values.map(\.spoken) }
        return (matcher, diagnostics)
    }

    /// The word id of a written form: its own, or that of another form of the same word.
    private mutating func wordID(_ word: String, key: String? = nil) -> Int32 {
        if let id = vocabulary[word] { return id }
        let key = key ?? forms.key(word)
        if let id = keys[key] {
            vocabulary[word] = id
            return id
        }
        let id = Int32(words.count)
        words.append(word)
        vocabulary[word] = id
        keys[key] = id
        return id
    }

    /// What the matcher needs to find a typed form's word: the irregular forms of template
    /// words (WordNet's "felt" for a template's "feel"), and each word's stem for regular
    /// forms, which are stemmed as they are typed.
    private func morphology() -> Morphology {
        var irregular: [String: Int32] = [:]
        for (form, bases) in forms.irregularForms where vocabulary[form] == nil && !forms.isAsWritten(form) {
            if let id = bases.lazy.compactMap({ keys[forms.key($0)] }).first { irregular[form] = id }
        }
        return Morphology(irregular: irregular, stems: keys.filter { !$0.key.hasPrefix("=") })
    }

    /// Each written form of a word with several forms in the templates, numbered.
    private func formsOfSharedWords() -> [String: Int32] {
        var formCount = [Int](repeating: 0, count: words.count)
        for id in vocabulary.values { formCount[Int(id)] += 1 }
        var forms: [String: Int32] = [:]
        for word in vocabulary.keys.sorted() where formCount[Int(vocabulary[word]!)] > 1 { forms[word] = Int32(forms.count) }
        return forms
    }

    /// Every word a template can say, lists, rules and concepts expanded.
    private func writtenWords(_ node: TemplateNode, depth: Int) -> Set<String> {
        guard depth < 32 else { return [] }
        switch node {
        case .word(let word): return [word]
        case .sequence(let parts), .alternatives(let parts), .permutation(let parts):
            return parts.reduce(into: Set<String>()) { $0.formUnion(writtenWords($1, depth: depth + 1)) }
        case .optional(let body): return writtenWords(body, depth: depth + 1)
        case .wildcard: return []
        case .list(let name, _, _) where name.hasPrefix("~"):
            return Set(content.language.concepts[String(name.dropFirst())]?.members.flatMap { $0 } ?? [])
        case .list(let name, _, _) where content.lists[name]?.isFirstName == true:
            return [FirstNameReading.word]
        case .list(let name, _, _):
            return (content.lists[name]?.values ?? []).reduce(into: Set<String>()) { $0.formUnion(writtenWords($1.spoken, depth: depth + 1)) }
        case .rule(let name, _):
            return content.rules[name].map { writtenWords($0.body.node, depth: depth + 1) } ?? []
        }
    }

    /// Keywords as word ids, with the form each is written in; `~concept` counts each
    /// one-word member of the concept.
    private mutating func compileKeywords(_ definition: IntentDefinition) -> [(word: Int32, weight: Double, form: String)] {
        var weights: [Int32: (weight: Double, form: String)] = [:]
        func add(_ word: String, _ weight: Double) {
            let id = wordID(word)
            if (weights[id]?.weight ?? 0) < weight { weights[id] = (weight, word) }
        }
        for (word, weight) in definition.keywords.sorted(by: { $0.key < $1.key }) {
            guard word.hasPrefix("~") else {
                add(word, weight)
                continue
            }
            let name = String(word.dropFirst())
            guard let concept = content.language.concepts[name] else {
                let location = definition.keywordLocations[word] ?? definition.location
                diagnostics.append(.error(at: location, "unknown concept '\(name)'",
                                          hint: suggestion(for: name, among: Array(content.language.concepts.keys), kind: "concept")))
                continue
            }
            for member in concept.members where member.count == 1 { add(member[0], weight) }
        }
        return weights.sorted { $0.key < $1.key }.map { ($0.key, $0.value.weight, $0.value.form) }
    }

    /// A template word (or skip word) that is also a chat spelling can never be matched:
    /// the spelling is read as what it stands for before matching.
    private mutating func checkChatSpellings() {
        let spellings = content.language.chatSpellings
        guard !spellings.isEmpty else { return }
        var sources: [TemplateSource] = content.intents.values.flatMap(\.templates)
        sources += content.rules.values.map(\.body)
        sources += content.lists.values.flatMap { list in
            list.values.map { TemplateSource(text: $0.spokenText, location: $0.location, node: $0.spoken) } }
        var reported: Set<SourceLocation> = []
        for source in sources.sorted(by: { $0.location < $1.location }) {
            for word in Set(literalWords(source.node)).sorted() {
                guard let meaning = spellings[word]?.words.joined(separator: " ") else { continue }
                let offset = TextNormalizer.tokenize(source.text).first { $0.word == word }?.start ?? 0
                let location = source.location.advanced(by: offset)
                guard reported.insert(location).inserted else { continue }
                diagnostics.append(.error(at: location, "template word '\(word)' is a chat spelling, read as '\(meaning)' before matching",
                                          hint: "write '\(meaning)' in the template"))
            }
        }
        for word in content.skipWords.sorted() where spellings[word] != nil {
            let location = spellings[word]!.location
            diagnostics.append(.error(at: location, "chat spelling '\(word)' is also a skip word, so the skip word is never seen",
                                      hint: "remove '\(word)' from skip_words, or skip what it stands for"))
        }
    }

    private func literalWords(_ node: TemplateNode) -> [String] {
        switch node {
        case .word(let word): return [word]
        case .sequence(let parts), .alternatives(let parts), .permutation(let parts): return parts.flatMap(literalWords)
        case .optional(let body): return literalWords(body)
        case .list, .rule, .wildcard: return []
        }
    }

    private mutating func slotID(_ name: String) -> Int32 {
        slotNames.number(of: name)
    }

    private mutating func valueID(_ value: String) -> Int32 {
        values.number(of: value)
    }

    private mutating func append(_ op: Instruction.Op, _ argument: Int32 = 0, next: Int32 = -1, alternative: Int32 = -1) -> Int32 {
        instructions.append(Instruction(op: op, argument: argument, next: next, alternative: alternative))
        return Int32(instructions.count - 1)
    }

    private mutating func compileTemplate(_ source: TemplateSource, intent: Int32, templateNumber: Int32)
        -> (template: CompiledTemplate, required: Set<Int32>)? {
        let base = Int32(instructions.count)
        let errorsBefore = diagnostics.count
        let size = sizes.size(of: source.node, in: content)
        if size > Self.maxTemplateSize {
            diagnostics.append(.error(at: source.location, "template expands to more than \(Self.maxTemplateSize) instructions (the expansion limit)",
                                      hint: "any-order groups inside any-order groups, or rules that use a rule twice at every level, multiply; split the template"))
            return nil
        }
        var expanding: [String] = []
        let accept = append(.match, templateNumber)
        let start = emit(source.node, then: accept, source: source, expanding: &expanding)
        let required = requiredWords(source.node, source: source, depth: 0)
        if diagnostics.count > errorsBefore {
            instructions.removeSubrange(Int(base)...)
            return nil
        }
        let (first, wildcardFirst, canBeEmpty) = firstSet(from: start)
        if canBeEmpty {
            diagnostics.append(.error(at: source.location, "template can match nothing: every part is optional",
                                      hint: "make at least one word required"))
            instructions.removeSubrange(Int(base)...)
            return nil
        }
        let template = CompiledTemplate(intent: intent, source: source, start: start, base: base,
                                        count: Int32(instructions.count) - base, firstWords: first,
                                        startsWithWildcard: wildcardFirst)
        return (template, required)
    }

    /// Emits code matching `node` then continuing at `next`; returns its entry.
    private mutating func emit(_ node: TemplateNode, then next: Int32, source: TemplateSource, expanding: inout [String]) -> Int32 {
        switch node {
        case .word(let word):
            return append(.word, wordID(word), next: next)
        case .sequence(let parts):
            var entry = next
            for part in parts.reversed() { entry = emit(part, then: entry, source: source, expanding: &expanding) }
            return entry
        case .alternatives(let choices):
            return emitChoice(choices.map { choice in { (compiler: inout IntentCompiler, expanding: inout [String]) in
                compiler.emit(choice, then: next, source: source, expanding: &expanding) } }, expanding: &expanding)
        case .optional(let body):
            let entry = emit(body, then: next, source: source, expanding: &expanding)
            return append(.split, next: entry, alternative: next)
        case .permutation(let parts):
            if parts.count > Self.maxPermutationParts {
                diagnostics.append(.error(at: source.location, "an any-order group has \(parts.count) parts; at most \(Self.maxPermutationParts) are allowed",
                                          hint: "split it, or nest groups"))
                return next
            }
            let orders = permutations(of: Array(parts.indices))
            return emitChoice(orders.map { order in { (compiler: inout IntentCompiler, expanding: inout [String]) in
                compiler.emit(.sequence(order.map { parts[$0] }), then: next, source: source, expanding: &expanding) } },
                expanding: &expanding)
        case .wildcard:
            let any = append(.any)
            let loop = append(.split, next: any, alternative: next)
            instructions[Int(any)].next = loop
            return any
        case .list(let name, let slot, let offset) where name.hasPrefix("~"):
            return emitConcept(String(name.dropFirst()), slot: slot == name ? nil : slot, then: next, at: source.location.advanced(by: offset))
        case .list(let name, let slot, let offset):
            guard let list = content.lists[name] else {
                diagnostics.append(.error(at: source.location.advanced(by: offset), "unknown list '\(name)'",
                                          hint: suggestion(for: name, among: Array(content.lists.keys), kind: "list")))
                return next
            }
            let slotNumber = slotID(slot)
            if list.isFirstName {
                // One word the matcher reads as a name stands for it in the line (a word no
                // one can type), so a name is matched like any template word.
                let close = append(.close, slotNumber, next: next, alternative: -1)
                let name = append(.word, wordID(FirstNameReading.word), next: close)
                return append(.open, slotNumber, next: name)
            }
            if list.isWildcard {
                let close = append(.close, slotNumber, next: next, alternative: -1)
                let any = append(.any)
                let loop = append(.split, next: any, alternative: close)
                instructions[Int(any)].next = loop
                return append(.open, slotNumber, next: any)
            }
            if list.values.isEmpty && !expanding.contains("{\(name)}") {
                diagnostics.append(.error(at: source.location.advanced(by: offset), "list '\(name)' has no values to match",
                                          hint: "give it values (a value that fails to parse is left out), or set wildcard: true"))
                return next
            }
            return expand("{\(name)}", named: "list '\(name)'", at: source.location.advanced(by: offset), hint: nil,
                          orElse: next, expanding: &expanding) { compiler, expanding in
                let entry = compiler.emitChoice(list.values.map { value in { (compiler: inout IntentCompiler, expanding: inout [String]) in
                    let valueNumber = compiler.valueID(value.value)
                    let close = compiler.append(.close, slotNumber, next: next, alternative: valueNumber)
                    let valueSource = TemplateSource(text: value.spokenText, location: value.location, node: value.spoken)
                    return compiler.emit(value.spoken, then: close, source: valueSource, expanding: &expanding) } },
                    expanding: &expanding)
                return compiler.append(.open, slotNumber, next: entry)
            }
        case .rule(let name, let offset):
            guard let rule = content.rules[name] else {
                diagnostics.append(.error(at: source.location.advanced(by: offset), "unknown rule '\(name)'",
                                          hint: suggestion(for: name, among: Array(content.rules.keys), kind: "rule")))
                return next
            }
            return expand("<\(name)>", named: "rule '\(name)'", at: source.location.advanced(by: offset),
                          hint: "a rule may use other rules, but not itself", orElse: next, expanding: &expanding) { compiler, expanding in
                compiler.emit(rule.body.node, then: next, source: rule.body, expanding: &expanding)
            }
        }
    }

    /// `{~concept}`: any member of the concept; `{~concept:slot}` also fills the slot with
    /// the concept's name.
    private mutating func emitConcept(_ name: String, slot: String?, then next: Int32, at location: SourceLocation) -> Int32 {
        guard let concept = content.language.concepts[name] else {
            diagnostics.append(.error(at: location, "unknown concept '\(name)'",
                                      hint: suggestion(for: name, among: Array(content.language.concepts.keys), kind: "concept")))
            return next
        }
        let slotNumber = slot.map { slotID($0) }
        let after = slotNumber.map { append(.close, $0, next: next, alternative: valueID(name)) } ?? next
        var expanding: [String] = []
        let entry = emitChoice(concept.members.map { member in { (compiler: inout IntentCompiler, _: inout [String]) in
            var entry = after
            for word in member.reversed() { entry = compiler.append(.word, compiler.wordID(word), next: entry) }
            return entry } }, expanding: &expanding)
        return slotNumber.map { append(.open, $0, next: entry) } ?? entry
    }

    /// Whether following one more rule or list would pass the reference limit (and says so).
    /// Expands a reference to a list or rule (`marker` is how it is written, `{name}` or
    /// `<name>`) with `body`, keeping the chain being expanded; a reference to itself, or one
    /// nested past the limit, is an error and expands to nothing (`orElse`).
    private mutating func expand(_ marker: String, named what: String, at location: SourceLocation, hint: String?, orElse next: Int32,
                                 expanding: inout [String], _ body: (inout IntentCompiler, inout [String]) -> Int32) -> Int32 {
        if expanding.contains(marker) {
            diagnostics.append(.error(at: location, "\(what) refers to itself", hint: hint))
            return next
        }
        if tooDeep(expanding, at: location) { return next }
        expanding.append(marker)
        defer { expanding.removeLast() }
        return body(&self, &expanding)
    }

    private mutating func tooDeep(_ expanding: [String], at location: SourceLocation) -> Bool {
        guard expanding.count >= Self.maxReferenceDepth else { return false }
        diagnostics.append(.error(at: location, "rules and lists nested more than \(Self.maxReferenceDepth) deep (the reference limit)",
                                  hint: "a rule that uses a rule that uses a rule… \(expanding.prefix(3).joined(separator: " → ")) …; shorten the chain"))
        return true
    }

    private mutating func emitChoice(_ branches: [(inout IntentCompiler, inout [String]) -> Int32], expanding: inout [String]) -> Int32 {
        var entries: [Int32] = []
        for branch in branches { entries.append(branch(&self, &expanding)) }
        guard var entry = entries.last else { return -1 }
        if entries.count >= Self.dispatchThreshold, let table = dispatchTable(for: entries) {
            dispatchTables.append(table)
            return append(.dispatch, Int32(dispatchTables.count - 1))
        }
        for choice in entries.dropLast().reversed() {
            entry = append(.split, next: choice, alternative: entry)
        }
        return entry
    }

    /// From this many alternatives on, a choice compiles to a dispatch on its first word.
    static let dispatchThreshold = 6

    /// word → where each alternative starting with that word continues, when every
    /// alternative begins with plain words reached through splits only; nil otherwise (then
    /// the choice stays a chain of splits).
    private func dispatchTable(for entries: [Int32]) -> [Int32: [Int32]]? {
        var table: [Int32: [Int32]] = [:]
        for entry in entries {
            var stack = [entry]
            var seen: Set<Int32> = []
            while let pc = stack.popLast() {
                guard pc >= 0, seen.insert(pc).inserted else { continue }
                let instruction = instructions[Int(pc)]
                switch instruction.op {
                case .split:
                    stack.append(instruction.alternative)
                    stack.append(instruction.next)
                case .word:
                    if !(table[instruction.argument]?.contains(instruction.next) ?? false) {
                        table[instruction.argument, default: []].append(instruction.next)
                    }
                case .dispatch:
                    for (word, targets) in dispatchTables[Int(instruction.argument)] {
                        for target in targets where !(table[word]?.contains(target) ?? false) { table[word, default: []].append(target) }
                    }
                case .any, .open, .close, .match:
                    return nil
                }
            }
        }
        return table
    }

    /// Words every sentence of `node` contains: the index files a template under one of them.
    private mutating func requiredWords(_ node: TemplateNode, source: TemplateSource, depth: Int) -> Set<Int32> {
        guard depth < 32 else { return [] }
        switch node {
        case .word(let word): return vocabulary[word].map { [$0] } ?? []
        case .sequence(let parts), .permutation(let parts):
            return parts.reduce(into: Set<Int32>()) { $0.formUnion(requiredWords($1, source: source, depth: depth + 1)) }
        case .alternatives(let choices):
            guard let first = choices.first else { return [] }
            return choices.dropFirst().reduce(requiredWords(first, source: source, depth: depth + 1)) {
                $0.intersection(requiredWords($1, source: source, depth: depth + 1))
            }
        case .optional, .wildcard: return []
        case .list(let name, _, _) where name.hasPrefix("~"):
            guard let members = content.language.concepts[String(name.dropFirst())]?.members, let first = members.first else { return [] }
            return members.dropFirst().reduce(Set(first.compactMap { vocabulary[$0] })) { $0.intersection($1.compactMap { vocabulary[$0] }) }
        case .list(let name, _, _):
            if let known = requiredOfName["{\(name)}"] { return known }
            guard let list = content.lists[name], !list.isWildcard, let first = list.values.first else { return [] }
            let words = list.values.dropFirst().reduce(requiredWords(first.spoken, source: source, depth: depth + 1)) {
                $0.intersection(requiredWords($1.spoken, source: source, depth: depth + 1))
            }
            requiredOfName["{\(name)}"] = words
            return words
        case .rule(let name, _):
            if let known = requiredOfName["<\(name)>"] { return known }
            guard let rule = content.rules[name] else { return [] }
            let words = requiredWords(rule.body.node, source: source, depth: depth + 1)
            requiredOfName["<\(name)>"] = words
            return words
        }
    }

    /// The words (and whether a wildcard) that can begin a match from `start`, and whether
    /// the match can be empty.
    private func firstSet(from start: Int32) -> (Set<Int32>, Bool, Bool) {
        var words: Set<Int32> = []
        var wildcard = false
        var empty = false
        var seen: Set<Int32> = []
        var stack = [start]
        while let pc = stack.popLast() {
            guard pc >= 0, seen.insert(pc).inserted else { continue }
            let instruction = instructions[Int(pc)]
            switch instruction.op {
            case .word: words.insert(instruction.argument)
            case .dispatch: words.formUnion(dispatchTables[Int(instruction.argument)].keys)
            case .any: wildcard = true
            case .split: stack.append(instruction.next); stack.append(instruction.alternative)
            case .open, .close: stack.append(instruction.next)
            case .match: empty = true
            }
        }
        return (words, wildcard, empty)
    }

    private func permutations(of items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        var result: [[Int]] = []
        for (position, item) in items.enumerated() {
            var rest = items
            rest.remove(at: position)
            for tail in permutations(of: rest) { result.append([item] + tail) }
        }
        return result
    }

    private func suggestion(for name: String, among names: [String], kind: String) -> String {
        let close = names.filter { EditDistance.damerau(name, $0, limit: 2) <= 2 }.sorted()
        if let best = close.first { return "did you mean '\(best)'?" }
        return names.isEmpty ? "no \(kind)s are defined" : "define it under '\(kind)s:'"
    }
}

/// Names numbered in the order first met, as compiled instructions refer to slots and values.
private struct NumberedNames {
    private(set) var names: [String] = []
    private var numbers: [String: Int32] = [:]

    mutating func number(of name: String) -> Int32 {
        if let number = numbers[name] { return number }
        let number = Int32(names.count)
        names.append(name)
        numbers[name] = number
        return number
    }
}
