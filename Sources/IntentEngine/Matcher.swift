/// Settings of the matcher that authors and tests may tune.
public struct MatcherOptions: Sendable {
    /// Below this confidence the intent is `none`.
    public var threshold: Double = 0.35
    /// A typo-corrected match's confidence is scaled by this.
    public var fuzzyScale: Double = 0.85
    /// Words shorter than this are never typo-corrected.
    public var typoMinimumLength: Int = 4

    public init() {}
}

/// The compiled intents: matches an utterance to ranked intents with slots and confidence.
/// Immutable and `Sendable`; compile once with `IntentCompiler` and share.
public struct Matcher: Sendable {
    let instructions: [Instruction]
    let templates: [CompiledTemplate]
    let intents: [CompiledIntent]
    let vocabulary: [String: Int32]
    let words: [String]
    public let slotNames: [String]
    let values: [String]
    let skipWords: Set<Int32>
    let dispatchTables: [[Int32: [Int32]]]
    let program: WordProgram
    /// Keyword → the intents it counts for, and how much: word `w`'s at
    /// `keywordEntries[keywordBegin[w]..<keywordBegin[w + 1]]`.
    private let keywordBegin: [Int32]
    private let keywordEntries: [(intent: Int32, weight: Double, form: String)]
    /// Per word id: whether it is a skip word.
    private let isSkipWord: [Bool]
    private let runners: RunnerPool
    /// Each distinct set of required and excluded states, as the intent that first has it:
    /// the only eligibility that changes from state to state, decided once per rule per match
    /// however many intents share it.
    private let stateRules: [Int32]
    public let options: MatcherOptions
    private let typos: LazyTypoCorrector
    let morphology: Morphology
    /// Chat spellings, word forms, concepts and the dictionary, shared with the coach.
    public let language: LanguageLayer
    /// The word id a first name is matched as, when a template says one (`FirstNameReading`).
    let firstNameID: Int32?
    /// The intents of figures of speech (`IntentDefinition.figureOfSpeech`).
    private let figureIntents: Set<String>
    /// `vocabulary` and `morphology`'s maps again, for the look-ups of every typed word.
    private let wordIDs: WordTable
    private let irregularIDs: WordTable
    private let stemIDs: WordTable
    private let formIDs: WordTable
    /// Skip words of several words, found in the line before matching.
    var skipPhrases = SkipPhrases([])
    /// Rules and list values as parsed, for `explain` (empty when loaded from the cache).
    var ruleBodies: [String: TemplateNode] = [:]
    var listValues: [String: [TemplateNode]] = [:]
    /// False for a matcher restored from the start-up cache, which keeps no syntax trees: it
    /// cannot say how each word matched, and `wordMatches` then says nothing rather than guess.
    var keepsSyntaxTrees = true

    init(instructions: [Instruction], templates: [CompiledTemplate], intents: [CompiledIntent],
         vocabulary: [String: Int32], words: [String], slotNames: [String], values: [String],
         skipWords: Set<Int32>, dispatchTables: [[Int32: [Int32]]],
         options: MatcherOptions, morphology: Morphology, language: LanguageLayer) {
        self.instructions = instructions
        self.templates = templates
        self.intents = intents
        self.vocabulary = vocabulary
        self.words = words
        self.slotNames = slotNames
        self.values = values
        self.skipWords = skipWords
        self.dispatchTables = dispatchTables
        var stateRules: [Int32] = []
        var ruleOfIntent = [Int32](repeating: -1, count: intents.count)
        var ruleIndex: [String: Int32] = [:]
        for (number, intent) in intents.enumerated() {
            let definition = intent.definition
            guard !definition.requiresState.isEmpty || !definition.excludesState.isEmpty else { continue }
            let key = definition.requiresState.map(\.description).joined(separator: " ") + " / "
                + definition.excludesState.map(\.description).joined(separator: " ")
            if let known = ruleIndex[key] {
                ruleOfIntent[number] = known
            } else {
                ruleIndex[key] = Int32(stateRules.count)
                ruleOfIntent[number] = Int32(stateRules.count)
                stateRules.append(Int32(number))
            }
        }
        self.stateRules = stateRules
        self.program = WordProgram(instructions: instructions, dispatchTables: dispatchTables, templates: templates,
                                   templateRules: templates.map { ruleOfIntent[Int($0.intent)] }, wordCount: words.count)
        var keywordsByWord = [[(intent: Int32, weight: Double, form: String)]](repeating: [], count: words.count)
        for (number, intent) in intents.enumerated() {
            for (word, weight, form) in intent.keywords { keywordsByWord[Int(word)].append((Int32(number), weight, form)) }
        }
        var keywordBegin: [Int32] = [0]
        for entries in keywordsByWord { keywordBegin.append(keywordBegin.last! + Int32(entries.count)) }
        self.keywordBegin = keywordBegin
        self.keywordEntries = keywordsByWord.flatMap { $0 }
        var isSkipWord = [Bool](repeating: false, count: words.count)
        for word in skipWords { isSkipWord[Int(word)] = true }
        self.isSkipWord = isSkipWord
        self.runners = RunnerPool(instructionCount: instructions.count, templateCount: templates.count,
                                  wordCount: words.count, ruleCount: stateRules.count)
        self.options = options
        self.morphology = morphology
        self.language = language
        self.firstNameID = vocabulary[FirstNameReading.word]
        figureIntents = Set(intents.filter(\.definition.figureOfSpeech).map(\.definition.name))
        wordIDs = WordTable(vocabulary)
        irregularIDs = WordTable(morphology.irregular)
        stemIDs = WordTable(morphology.stems)
        formIDs = WordTable(morphology.forms)
        self.typos = LazyTypoCorrector(vocabulary: vocabulary, dictionary: language.dictionary,
                                       minimumLength: options.typoMinimumLength)
    }

    /// The intent names, sorted.
    public var intentNames: [String] { intents.map(\.definition.name) }
    /// Every template, in intent-name order.
    public var allTemplates: [(intent: String, source: TemplateSource)] {
        templates.map { (intents[Int($0.intent)].definition.name, $0.source) }
    }
    /// The definition of an intent, if it exists.
    public func definition(of intent: String) -> IntentDefinition? {
        intents.first { $0.definition.name == intent }?.definition
    }
    /// Whether a word, or another form of it, is known to any template, list or keyword.
    public func knows(_ word: String) -> Bool { wordID(word).id >= 0 }

    /// The word id of a typed form, and whether it was found only as another form of a
    /// template word ("felt" for "feel"); -1 when no template knows the word.
    func wordID(_ word: String) -> (id: Int32, inflected: Bool) {
        if let id = wordIDs[word] { return (id, false) }
        if let id = irregularIDs[word] { return (id, true) }
        if word.utf8.count > 2, let key = language.forms.regularKey(word), let id = stemIDs[key] { return (id, true) }
        return (-1, false)
    }

    /// Matches `text` said in `context`.
    public func match(_ text: String, context: MatchContext = .idle) -> MatchResult {
        let tokens = language.tokenize(text)
        var ids = [Int32](repeating: -1, count: tokens.count)
        var inflected = [Bool](repeating: false, count: tokens.count)
        // Per word: -1, or its form's id when the templates write its word in several forms.
        var forms = [Int32](repeating: -1, count: tokens.count)
        for (position, token) in tokens.enumerated() {
            (ids[position], inflected[position]) = wordID(token.word)
            if !inflected[position] && ids[position] >= 0, let form = formIDs[token.word] { forms[position] = form }
        }
        // A word no template writes may be a first name, matched where a template says one;
        // the typo tier still tries to correct it (`unknown`).
        let unknown = ids.map { $0 < 0 }
        if let firstNameID, unknown.contains(true) {
            var spoken = SpokenText(text)
            let reading = FirstNameReading(language: language)
            for (position, token) in tokens.enumerated()
            where unknown[position] && reading.isName(token, in: &spoken, known: false, names: context.names) {
                ids[position] = firstNameID
            }
        }
        var skip = ids.map { $0 >= 0 && isSkipWord[Int($0)] }
        skipPhrases.mark(tokens, in: &skip)
        let contentWords = max(1, skip.count { !$0 })
        let pooled = runners.take()
        defer { runners.give(pooled) }
        return match(text, tokens: tokens, ids: ids, unknown: unknown, forms: WordFormsOfLine(inflected: inflected, forms: forms),
                     skip: skip, contentWords: contentWords, context: context, runner: &pooled.runner)
    }

    private func match(_ text: String, tokens: [Token], ids: [Int32], unknown: [Bool], forms: WordFormsOfLine, skip: [Bool],
                       contentWords: Int, context: MatchContext, runner: inout AutomatonRunner) -> MatchResult {
        for (rule, intent) in stateRules.enumerated() {
            runner.setRule(Int32(rule), allows: isEligible(intents[Int(intent)].definition, in: context))
        }
        var candidates = templateCandidates(ids, forms: forms, skip: skip, tokens: tokens, text: text,
                                            tier: .template, contentWords: contentWords, runner: &runner)

        // Typo tier: correct unknown words and try again. A corrected match that explains more
        // words beats an exact one that explains fewer, and a slip of the keyboard never hides
        // a crisis.
        var corrections: [(typed: String, known: String)] = []
        var corrected = ids
        for position in ids.indices where unknown[position] {
            if let fix = typos.correction(for: tokens[position].word) {
                let id = wordID(fix).id
                guard id >= 0 else { continue }
                corrected[position] = id
                corrections.append((tokens[position].word, fix))
            }
        }
        if !corrections.isEmpty {
            let fixed = ids.indices.filter { corrected[$0] != ids[$0] }.map { corrected[$0] }
            candidates += templateCandidates(corrected, forms: forms, skip: skip, tokens: tokens, text: text,
                                             tier: .fuzzyTemplate, contentWords: contentWords, onlyTaking: fixed, runner: &runner)
        }
        if candidates.isEmpty || !candidates.contains(where: { $0.safety != nil }) {
            var typed = tokens.map(\.word)
            for (position, id) in ids.enumerated() where unknown[position] && corrected[position] != id { typed[position] = words[Int(corrected[position])] }
            candidates += keywordCandidates(corrected, original: ids, typed: typed, context: context,
                                            crisisOnly: !candidates.isEmpty)
        }
        return decide(text: text, candidates: withoutFigures(candidates), corrections: corrections)
    }

    /// `candidates` less the crisis readings a figure of speech covers (its span holds the
    /// crisis template's whole span), and less the figures themselves, which only ever take a
    /// reading away (`IntentDefinition.figureOfSpeech`).
    private func withoutFigures(_ candidates: [IntentCandidate]) -> [IntentCandidate] {
        let figures = candidates.filter { figureIntents.contains($0.intent) }
        guard !figures.isEmpty else { return candidates }
        return candidates.filter { candidate in
            if figureIntents.contains(candidate.intent) { return false }
            guard candidate.safety != nil, let span = candidate.span else { return true }
            return !figures.contains { figure in
                guard let cover = figure.span else { return false }
                return cover.lowerBound <= span.lowerBound && span.upperBound <= cover.upperBound
            }
        }
    }

    private func templateCandidates(_ ids: [Int32], forms: WordFormsOfLine, skip: [Bool], tokens: [Token], text: String,
                                    tier: MatchTier, contentWords: Int, onlyTaking: [Int32]? = nil,
                                    runner: inout AutomatonRunner) -> [IntentCandidate] {
        // A template is tried only if every word it requires is here and its intent may be
        // said in this state (the runner decides, when it first wants to start it).
        let hits = runner.run(program, tokens: ids, skip: skip, inflected: forms.inflected, onlyTaking: onlyTaking)
        var result: [IntentCandidate] = []
        var spoken = SpokenText(text)
        let firstContent = Int32(skip.firstIndex(of: false) ?? 0)
        let lastContent = Int32(skip.lastIndex(of: false) ?? max(0, skip.count - 1))
        var clauses: Clauses?
        for hit in hits {
            let intentNumber = Int(templates[Int(hit.template)].intent)
            // A match counts only if it explains enough: at least half the line for a single
            // word, which is weak evidence inside a longer line ("no" in "my back is sore, so no
            // tight hugs today"), and the intent's `coverage` of the clauses it touches (`Clauses`).
            // Crisis words always count, unless their own template asks for a share ("i relapsed"
            // said alone).
            let singleWord = hit.literal == 1 && hit.wildcard == 0
            let explained = Double(hit.literal + hit.wildcard)
            if !intents[intentNumber].isCrisis {
                if singleWord && explained < 0.5 * Double(contentWords) { continue }
                // A template's own share, when it gives one, replaces the intent's: a long,
                // specific template ("the part about * is right but") may stand in a long line.
                if let needed = intents[intentNumber].definition.coverage, templates[Int(hit.template)].source.coverage == nil {
                    if clauses == nil { clauses = Clauses(tokens: tokens, skip: skip, text: &spoken) }
                    if explained < needed * Double(clauses!.contentWords(touching: Int(hit.start), Int(hit.end))) { continue }
                }
            }
            if let own = templates[Int(hit.template)].source.coverage, explained < own * Double(contentWords) { continue }
            var slots: [SlotMatch] = []
            if hit.trail >= 0 {
                slots = slotMatches(hit, trail: runner.trail, tokens: tokens, skip: skip, text: &spoken)
            }
            let coverage = min(1.0, Double(hit.literal) / Double(contentWords))
            var confidence = 0.5 + 0.5 * coverage
            if tier == .fuzzyTemplate { confidence *= options.fuzzyScale }
            let span = Int(tokens[Int(hit.start)].start)..<Int(tokens[Int(hit.end) - 1].end)
            // hassil's fixed slots: set by the template, spoken by nobody (an empty span at its start).
            for (name, value) in templates[Int(hit.template)].source.fixedSlots.sorted(by: { $0.key < $1.key })
            where !slots.contains(where: { $0.name == name }) {
                slots.append(SlotMatch(name: name, value: value, text: "", start: span.lowerBound, end: span.lowerBound))
            }
            let definition = intents[intentNumber].definition
            let inflectedWords = Int(hit.inflected) + forms.otherForms(hit, template: templates[Int(hit.template)])
            if inflectedWords > 0 && templates[Int(hit.template)].source.asWrittenOnly { continue }
            result.append(IntentCandidate(
                intent: definition.name, confidence: confidence, tier: tier,
                literalWords: Int(hit.literal), wildcardWords: Int(hit.wildcard), inflectedWords: inflectedWords,
                priority: definition.priority, safety: definition.safety,
                template: templates[Int(hit.template)].source, slots: slots, keywords: [], keywordScore: 0, span: span,
                wholeLine: hit.start <= firstContent && hit.end > lastContent && explainsWholeLine(hit)))
        }
        return result
    }

    /// Whether a hit over the whole line ranks as one (it then outranks every hit over a
    /// stretch, however many literal words that has): only when a template word, not a
    /// wildcard, matched the line's last word. A trailing wildcard takes the rest of any
    /// line, so reaching the end says nothing: `(we are|were) {name} and {name}` over "we're
    /// gonna grab some water and come back" explains the line in name only, while hassil's
    /// `{command} in {minutes} minutes` over "turn off the lights in 5 minutes" reads it.
    private func explainsWholeLine(_ hit: TemplateHit) -> Bool {
        !hit.endsInWildcard
    }

    /// How each word of a line was found, to count the words a template matched only as
    /// another form of what it writes.
    private struct WordFormsOfLine {
        /// Found only through its stem or WordNet: no template writes this form.
        var inflected: [Bool]
        /// The form's id where its word has several written forms in the templates, else -1.
        var forms: [Int32]

        /// The words of `hit` written in the templates, but not by this one ("asked" for a
        /// template that says "ask"). Only known without wildcards: a word a wildcard took
        /// is no form of anything.
        func otherForms(_ hit: TemplateHit, template: CompiledTemplate) -> Int {
            guard hit.wildcard == 0 else { return 0 }
            var count = 0
            for position in Int(hit.start)..<Int(hit.end) where forms[position] >= 0 && !template.exactForms.sortedContains(forms[position]) {
                count += 1
            }
            return count
        }
    }

    private func keywordCandidates(_ ids: [Int32], original: [Int32], typed: [String], context: MatchContext,
                                   crisisOnly: Bool) -> [IntentCandidate] {
        // Only the intents with a keyword in the line are looked at (through the keyword index),
        // each keyword counted once; a keyword found only as another form of itself ("helps"
        // for "helping") is weaker evidence and counts half.
        var scores: [Int32: (score: Double, found: [String], fuzzy: Bool)] = [:]
        for (position, word) in ids.enumerated() where word >= 0 && keywordBegin[Int(word)] < keywordBegin[Int(word) + 1] {
            guard !ids[..<position].contains(word) else { continue }
            for (intent, weight, form) in keywordEntries[Int(keywordBegin[Int(word)])..<Int(keywordBegin[Int(word) + 1])]
            where !crisisOnly || intents[Int(intent)].isCrisis {
                var entry = scores[intent] ?? (0, [], false)
                entry.score += typed[position] == form ? weight : weight / 2
                entry.found.append(words[Int(word)])
                if !original.contains(word) { entry.fuzzy = true }
                scores[intent] = entry
            }
        }
        guard !scores.isEmpty else { return [] }
        var result: [IntentCandidate] = []
        for (number, entry) in scores.sorted(by: { $0.key < $1.key }) {
            let intent = intents[Int(number)]
            guard isEligible(intent.definition, in: context) else { continue }
            var confidence = min(0.49, 0.2 + 0.1 * entry.score)
            if entry.fuzzy { confidence *= options.fuzzyScale }
            let found = intent.keywords.map { words[Int($0.word)] }.filter { entry.found.contains($0) }
            result.append(IntentCandidate(
                intent: intent.definition.name, confidence: confidence, tier: .keyword,
                literalWords: 0, wildcardWords: 0, inflectedWords: 0, priority: intent.definition.priority,
                safety: intent.definition.safety, template: nil, slots: [], keywords: found,
                keywordScore: entry.score, span: nil))
        }
        return result
    }

    /// Whether `intent` may match in `context`, given its required and excluded states.
    public func isEligible(_ intent: IntentDefinition, in context: MatchContext) -> Bool {
        if !intent.requiresState.isEmpty && !intent.requiresState.contains(where: { $0.matches(context) }) { return false }
        if intent.excludesState.contains(where: { $0.matches(context) }) { return false }
        return true
    }

    private func slotMatches(_ hit: TemplateHit, trail: ScratchList<TrailEvent>, tokens: [Token], skip: [Bool], text: inout SpokenText) -> [SlotMatch] {
        var closes: [(slot: Int32, value: Int32, position: Int32)] = []
        var slots: [SlotMatch] = []
        var cursor = hit.trail
        while cursor >= 0 {
            let event = trail[Int(cursor)]
            if event.value == -2 {
                if let open = closes.lastIndex(where: { $0.slot == event.slot }) {
                    let close = closes.remove(at: open)
                    // Skip words at the edges belong to the sentence, not the slot.
                    var first = Int(event.position), last = Int(close.position) - 1
                    while first < last, skip[first] { first += 1 }
                    while last > first, skip[last] { last -= 1 }
                    if close.position > event.position {
                        let start = tokens[first].start
                        let end = tokens[last].end
                        let spoken = text.cut(start..<end)
                        let value = close.value >= 0 ? values[Int(close.value)] : spoken
                        slots.append(SlotMatch(name: slotNames[Int(event.slot)], value: value, text: spoken, start: start, end: end))
                    }
                }
            } else {
                closes.append((event.slot, event.value, event.position))
            }
            cursor = event.parent
        }
        return slots.sorted { $0.start < $1.start }
    }

    private func decide(text: String, candidates: [IntentCandidate], corrections: [(typed: String, known: String)]) -> MatchResult {
        // One entry per intent (its best), ranked by the specificity order. There are few
        // candidates: a list searched in place beats hashing every intent name.
        var bestPerIntent: [IntentCandidate] = []
        for candidate in candidates {
            if let index = bestPerIntent.firstIndex(where: { $0.intent == candidate.intent }) {
                if candidate.outranks(bestPerIntent[index]) { bestPerIntent[index] = candidate }
            } else {
                bestPerIntent.append(candidate)
            }
        }
        bestPerIntent.sort {
            $0.outranks($1) || (!$1.outranks($0) && $0.intent < $1.intent)
        }
        let ranked = bestPerIntent
        var result = MatchResult(text: text, intent: MatchResult.noneIntent, confidence: 0, best: nil,
                                 candidates: ranked, isAmbiguous: false, isFuzzy: false, corrections: corrections)
        // A crisis candidate is never dropped for low confidence: safety comes first.
        guard let top = ranked.first, top.confidence >= options.threshold || top.safety != nil else {
            result.confidence = ranked.first.map { 1 - $0.confidence } ?? 1
            return result
        }
        result.intent = top.intent
        result.confidence = top.confidence
        result.best = top
        result.isFuzzy = top.tier == .fuzzyTemplate || (top.tier == .keyword && corrections.contains { fix in top.keywords.contains(fix.known) })
        if ranked.count > 1, ranked[1].rankKey == top.rankKey, ranked[1].confidence >= options.threshold {
            result.isAmbiguous = true
        }
        return result
    }
}

extension [Int32] {
    /// Binary search of a sorted array.
    func sortedContains(_ value: Int32) -> Bool {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] == value { return true }
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return false
    }
}
