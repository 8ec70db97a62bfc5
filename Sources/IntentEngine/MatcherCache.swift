/// Writes and reads a compiled `Matcher`, for the start-up cache. Template syntax trees are
/// not kept (only lint needs them, and lint always compiles afresh).
extension Matcher {
    public func write(to writer: inout ByteWriter) {
        writer.int32Block(instructions.flatMap { [Int32($0.op.rawValue), $0.argument, $0.next, $0.alternative] })
        writer.array(templates) { writer, template in
            writer.int(Int(template.intent))
            writer.string(template.source.text)
            writer.location(template.source.location)
            writer.optionalString(template.source.coverage.map { String($0) })
            writer.strings(template.source.fixedSlots.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
            writer.bool(template.source.asWrittenOnly)
            writer.optionalString(template.source.group)
            writer.int(Int(template.start))
            writer.int(Int(template.base))
            writer.int(Int(template.count))
            writer.array(template.firstWords.sorted()) { $0.int(Int($1)) }
            writer.bool(template.startsWithWildcard)
            writer.array(template.required) { $0.int(Int($1)) }
            writer.int32Block(template.exactForms)
        }
        writer.array(intents) { writer, intent in
            let definition = intent.definition
            writer.string(definition.name)
            writer.location(definition.location)
            writer.int(definition.priority)
            writer.optionalString(definition.safety)
            writer.optionalString(definition.description)
            writer.optionalString(definition.coverage.map { String($0) })
            writer.bool(definition.figureOfSpeech)
            for patterns in [definition.requiresState, definition.excludesState] {
                writer.array(patterns) { writer, pattern in
                    writer.string(pattern.description)
                    writer.location(pattern.location)
                }
            }
            writer.array(intent.keywords) { writer, keyword in
                writer.int(Int(keyword.word))
                writer.double(keyword.weight)
                writer.string(keyword.form)
            }
        }
        writer.strings(words)
        let surfaces = vocabulary.sorted { $0.key < $1.key }
        writer.strings(surfaces.map(\.key))
        writer.int32Block(surfaces.map(\.value))
        for table in [morphology.irregular, morphology.stems, morphology.forms] {
            let entries = table.sorted { $0.key < $1.key }
            writer.strings(entries.map(\.key))
            writer.int32Block(entries.map(\.value))
        }
        writer.strings(language.forms.asWrittenWords.sorted())
        writer.array(language.forms.irregularForms.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.strings(entry.value)
        }
        writer.array(language.chatSpellings.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.strings(entry.value)
        }
        writer.array(language.concepts.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.array(entry.value) { $0.strings($1) }
        }
        writer.optionalString(language.dictionary?.storedText)
        writer.optionalString(language.properNouns?.storedText)
        writer.strings(slotNames)
        writer.strings(values)
        writer.array(dispatchTables) { writer, table in
            writer.array(table.keys.sorted()) { writer, word in
                writer.int(Int(word))
                writer.array(table[word]!) { $0.int(Int($1)) }
            }
        }
        writer.array(skipWords.sorted()) { $0.int(Int($1)) }
        writer.array(skipPhrases.phrases) { $0.strings($1) }
        writer.double(options.threshold)
        writer.double(options.fuzzyScale)
        writer.int(options.typoMinimumLength)
    }

    /// Every index in a cache must point inside its table, so a damaged file is refused
    /// instead of crashing the matcher.
    private static func validate(_ instructions: [Instruction], templates: [CompiledTemplate], intents: Int, slots: Int, values: Int,
                                 words: Int,
                                 dispatchTables: [[Int32: [Int32]]]) throws {
        let count = Int32(instructions.count)
        func check(_ condition: Bool) throws { if !condition { throw ByteReader.Malformed() } }
        for instruction in instructions {
            switch instruction.op {
            case .word: try check((0..<Int32(words)).contains(instruction.argument) && (0..<count).contains(instruction.next))
            case .any: try check((0..<count).contains(instruction.next))
            case .split: try check((0..<count).contains(instruction.next) && (0..<count).contains(instruction.alternative))
            case .open: try check((0..<Int32(slots)).contains(instruction.argument) && (0..<count).contains(instruction.next))
            case .close:
                try check((0..<Int32(slots)).contains(instruction.argument) && (0..<count).contains(instruction.next)
                          && (-1..<Int32(values)).contains(instruction.alternative))
            case .match: try check((0..<Int32(templates.count)).contains(instruction.argument))
            case .dispatch: try check((0..<Int32(dispatchTables.count)).contains(instruction.argument))
            }
        }
        for table in dispatchTables {
            for (word, targets) in table {
                try check((0..<Int32(words)).contains(word) && targets.allSatisfy { (0..<count).contains($0) })
            }
        }
        for template in templates {
            try check(template.required.allSatisfy { (0..<Int32(words)).contains($0) })
            try check((0..<Int32(intents)).contains(template.intent) && template.base >= 0 && template.count >= 0
                      && template.base + template.count <= count && (template.base..<(template.base + template.count)).contains(template.start))
        }
    }

    public static func read(from reader: inout ByteReader) throws -> Matcher {
        let table = try reader.int32Block()
        guard table.count % 4 == 0 else { throw ByteReader.Malformed() }
        var instructions: [Instruction] = []
        instructions.reserveCapacity(table.count / 4)
        for base in stride(from: 0, to: table.count, by: 4) {
            guard let op = Instruction.Op(rawValue: UInt8(clamping: table[base])) else { throw ByteReader.Malformed() }
            instructions.append(Instruction(op: op, argument: table[base + 1], next: table[base + 2], alternative: table[base + 3]))
        }
        let templates = try reader.array { reader -> CompiledTemplate in
            let intent = try reader.int32()
            var source = TemplateSource(text: try reader.string(), location: try reader.location(), node: .sequence([]))
            source.coverage = try reader.optionalString().map { text -> Double in
                guard let share = Double(text) else { throw ByteReader.Malformed() }
                return share
            }
            let fixed = try reader.strings()
            guard fixed.count % 2 == 0 else { throw ByteReader.Malformed() }
            for index in stride(from: 0, to: fixed.count, by: 2) { source.fixedSlots[fixed[index]] = fixed[index + 1] }
            source.asWrittenOnly = try reader.bool()
            source.group = try reader.optionalString()
            return CompiledTemplate(intent: intent, source: source, start: try reader.int32(), base: try reader.int32(),
                                    count: try reader.int32(), firstWords: Set(try reader.array { try $0.int32() }),
                                    startsWithWildcard: try reader.bool(), required: try reader.array { try $0.int32() },
                                    exactForms: try reader.int32Block())
        }
        let intents = try reader.array { reader -> CompiledIntent in
            let name = try reader.string()
            let location = try reader.location()
            let priority = try reader.int()
            let safety = try reader.optionalString()
            let description = try reader.optionalString()
            let coverage = try reader.optionalString().map { text -> Double in
                guard let share = Double(text) else { throw ByteReader.Malformed() }
                return share
            }
            let figureOfSpeech = try reader.bool()
            var patterns: [[StatePattern]] = []
            for _ in 0..<2 {
                patterns.append(try reader.array { StatePattern(try $0.string(), location: try $0.location()) })
            }
            let keywords = try reader.array { (word: try $0.int32(), weight: try $0.double(), form: try $0.string()) }
            var definition = IntentDefinition(name: name, location: location, templates: [], keywords: [:], priority: priority,
                                              safety: safety, requiresState: patterns[0], excludesState: patterns[1],
                                              description: description, coverage: coverage)
            definition.figureOfSpeech = figureOfSpeech
            return CompiledIntent(definition: definition, keywords: keywords)
        }
        let words = try reader.strings()
        func idTable(_ reader: inout ByteReader) throws -> [String: Int32] {
            let keys = try reader.strings()
            let ids = try reader.int32Block()
            guard keys.count == ids.count, ids.allSatisfy({ (0..<Int32(words.count)).contains($0) }) else { throw ByteReader.Malformed() }
            return Dictionary(zip(keys, ids), uniquingKeysWith: { first, _ in first })
        }
        let vocabulary = try idTable(&reader)
        var morphology = Morphology(irregular: try idTable(&reader), stems: try idTable(&reader))
        let forms = try reader.strings()
        let formIDs = try reader.int32Block()
        guard forms.count == formIDs.count else { throw ByteReader.Malformed() }
        morphology.forms = Dictionary(zip(forms, formIDs), uniquingKeysWith: { first, _ in first })
        let asWritten = Set(try reader.strings())
        var irregular: [String: [String]] = [:]
        for (form, bases) in try reader.array({ (try $0.string(), try $0.strings()) }) { irregular[form] = bases }
        var chatSpellings: [String: [String]] = [:]
        for (spelling, meaning) in try reader.array({ (try $0.string(), try $0.strings()) }) { chatSpellings[spelling] = meaning }
        var concepts: [String: [[String]]] = [:]
        for (name, members) in try reader.array({ (try $0.string(), try $0.array { try $0.strings() }) }) { concepts[name] = members }
        let dictionary = try reader.optionalString().map { WordDictionary(storedText: $0) }
        let properNouns = try reader.optionalString().map { WordDictionary(storedText: $0) }
        let language = LanguageLayer(forms: WordForms(irregular: irregular, asWritten: asWritten), chatSpellings: chatSpellings, concepts: concepts,
                                     dictionary: dictionary, properNouns: properNouns)
        let slotNames = try reader.strings()
        let values = try reader.strings()
        let dispatchTables = try reader.array { reader -> [Int32: [Int32]] in
            var table: [Int32: [Int32]] = [:]
            for (word, targets) in try reader.array({ (try $0.int32(), try $0.array { try $0.int32() }) }) { table[word] = targets }
            return table
        }
        let skipWords = Set(try reader.array { try $0.int32() })
        let skipPhrases = SkipPhrases(try reader.array { try $0.strings() })
        var options = MatcherOptions()
        options.threshold = try reader.double()
        options.fuzzyScale = try reader.double()
        options.typoMinimumLength = try reader.int()
        try validate(instructions, templates: templates, intents: intents.count, slots: slotNames.count, values: values.count,
                     words: words.count, dispatchTables: dispatchTables)
        var matcher = Matcher(instructions: instructions, templates: templates, intents: intents, vocabulary: vocabulary,
                       words: words, slotNames: slotNames, values: values,
                       skipWords: skipWords, dispatchTables: dispatchTables, options: options,
                       morphology: morphology, language: language)
        matcher.skipPhrases = skipPhrases
        matcher.keepsSyntaxTrees = false
        return matcher
    }
}
