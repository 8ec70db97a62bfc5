import Foundation

/// Loads every YAML file under an `Intents/` folder into `IntentContent`, collecting every
/// problem as a diagnostic so an author sees them all at once.
public enum ContentLoader {
    /// The top-level keys a content file may hold.
    public static let topLevelKeys = ["skip_words", "lists", "rules", "intents", "flows", "responses", "resources", "lexicon",
                                      "word_forms", "chat_spellings", "concepts", "language", "expansion_rules"]
    /// The generated word data, beside the YAML files (see tools/generate-language-data).
    public static let wordFormsFile = "language/word-forms.tsv"
    public static let dictionaryFile = "language/dictionary.txt"
    /// The words SCOWL writes only with a capital ("jordan", "priya" is in none): a first name
    /// typed in lower case is still read as one (`FirstNameReading`).
    public static let properNounsFile = "language/proper-nouns.txt"
    static let passThroughSections = ["flows", "responses", "resources", "lexicon"]
    static let intentKeys = ["templates", "data", "keywords", "priority", "safety", "requires_state", "excludes_state", "description",
                             "coverage", "figure_of_speech"]

    /// Loads `directory`. Paths in messages start with `displayRoot` instead of the folder
    /// (the shipped copy lives deep in the build folder, but authors edit `Intents/`).
    public static func load(directory: String, displayRoot: String? = nil) -> (IntentContent, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (IntentContent(), [.error(at: SourceLocation(file: directory, line: 1, column: 1),
                                             "no such folder", hint: "pass a folder of intent YAML files with --intents DIR")])
        }
        let files = yamlFiles(in: directory)
        if files.isEmpty {
            return (IntentContent(), [.error(at: SourceLocation(file: directory, line: 1, column: 1),
                                             "no intent files (*.yaml) in this folder",
                                             hint: "an Intents/ folder needs at least one YAML file with intents")])
        }
        var builder = ContentBuilder()
        for path in files {
            let file = displayRoot.map { root in root + path.dropFirst(directory.count) } ?? path
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.error(at: SourceLocation(file: file, line: 1, column: 1), "cannot read file"))
                continue
            }
            builder.content.files.append(file)
            switch YAMLFileReader.read(data: data, file: file) {
            case .failure(let error):
                diagnostics += error.diagnostics
            case .success(let value):
                builder.add(document: value)
            }
        }
        loadWordData(directory: directory, displayRoot: displayRoot, into: &builder, diagnostics: &diagnostics)
        diagnostics += builder.diagnostics
        return (builder.content, diagnostics)
    }

    /// The generated word files: without them only exact forms match, and the typo tier
    /// cannot tell a real word from a slip, so their absence is a warning.
    private static func loadWordData(directory: String, displayRoot: String?, into builder: inout ContentBuilder,
                                     diagnostics: inout [Diagnostic]) {
        for name in [wordFormsFile, dictionaryFile, properNounsFile] {
            let path = (directory as NSString).appendingPathComponent(name)
            let file = (displayRoot ?? directory) + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.warning(at: SourceLocation(file: file, line: 1, column: 1), "missing word data file",
                                            hint: "generate it with tools/generate-language-data"))
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            if name == wordFormsFile {
                builder.addIrregularForms(text, file: file)
            } else {
                do {
                    let words = try WordDictionary(text: text)
                    if name == dictionaryFile { builder.content.language.dictionary = words } else { builder.content.language.properNouns = words }
                } catch {
                    diagnostics.append(.error(at: SourceLocation(file: file, line: error.line, column: 1), error.message,
                                              hint: "the dictionary must be sorted by bytes; regenerate it with tools/generate-language-data"))
                }
            }
        }
    }

    /// Every file a compiled copy of `directory` depends on: the YAML files and the word data.
    public static func contentFilePaths(in directory: String) -> [String] {
        yamlFiles(in: directory) + [wordFormsFile, dictionaryFile, properNounsFile].map { (directory as NSString).appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// Loads content from in-memory files (name → text), for tests and generated content.
    public static func load(files: [(name: String, text: String)]) -> (IntentContent, [Diagnostic]) {
        var builder = ContentBuilder()
        var diagnostics: [Diagnostic] = []
        for (name, text) in files {
            builder.content.files.append(name)
            switch YAMLFileReader.read(data: Data(text.utf8), file: name) {
            case .failure(let error): diagnostics += error.diagnostics
            case .success(let value): builder.add(document: value)
            }
        }
        return (builder.content, diagnostics + builder.diagnostics)
    }

    /// Every content file below `directory`, sorted by path (what a cache key must cover).
    public static func yamlFilePaths(in directory: String) -> [String] {
        yamlFiles(in: directory)
    }

    /// Every `*.yaml`/`*.yml` below `directory`, sorted by path.
    static func yamlFiles(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                files.append((directory as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }
}

/// Accumulates content file by file, noting duplicates across files.
struct ContentBuilder {
    var content = IntentContent()
    var diagnostics: [Diagnostic] = []

    mutating func add(document: YAMLValue) {
        switch document {
        case .null:
            return
        case .mapping(let pairs, _):
            for (key, keyLocation, value) in pairs {
                switch key {
                case "skip_words": addSkipWords(value)
                case "lists": for (name, location, entry) in entries(of: value, section: key) { addList(name, location, entry) }
                // hassil calls rules `expansion_rules`; both names fill one namespace.
                case "rules", "expansion_rules":
                    for (name, location, entry) in entries(of: value, section: key) { addRule(name, location, entry) }
                case "language": checkLanguage(value)
                case "intents": for (name, location, entry) in entries(of: value, section: key) { addIntent(name, location, entry) }
                case "word_forms": addWordForms(value)
                case "chat_spellings": addChatSpellings(value)
                case "concepts": addConcepts(value)
                case _ where ContentLoader.passThroughSections.contains(key):
                    for (name, location, entry) in entries(of: value, section: key) {
                        if let previous = content.sections[key]?[name] {
                            duplicate(key, name, at: location, previous: previous.location)
                        } else {
                            content.sections[key, default: [:]][name] = NamedSection(name: name, location: location, value: entry)
                        }
                    }
                default:
                    diagnostics.append(.error(at: keyLocation, "unknown top-level key '\(key)'",
                                              hint: "expected one of: \(ContentLoader.topLevelKeys.joined(separator: ", "))"))
                }
            }
        default:
            diagnostics.append(.error(at: document.location, "expected a mapping at the top of the file, found \(document.kindName)",
                                      hint: "start with a key such as 'intents:'"))
        }
    }

    mutating func entries(of value: YAMLValue, section: String) -> [(key: String, keyLocation: SourceLocation, value: YAMLValue)] {
        switch value {
        case .null: return []
        case .mapping(let pairs, _): return pairs
        default:
            diagnostics.append(.error(at: value.location, "'\(section)' must be a mapping of names, found \(value.kindName)"))
            return []
        }
    }

    private mutating func duplicate(_ section: String, _ name: String, at location: SourceLocation, previous: SourceLocation) {
        diagnostics.append(.error(at: location, "\(section.dropLastS) '\(name)' is defined twice",
                                  hint: "first defined at \(previous); a name may be defined only once across all files"))
    }

    private mutating func addSkipWords(_ value: YAMLValue) {
        for item in strings(value, what: "skip_words") {
            // A phrase is skipped as a whole, as hassil does: "please could you" lets "could"
            // pass only inside the phrase.
            let words = TextNormalizer.words(item.text)
            if words.count == 1 {
                content.skipWords.insert(words[0])
            } else if words.count > 1 && !content.skipPhrases.contains(words) {
                content.skipPhrases.append(words)
            }
        }
    }

    private mutating func addList(_ name: String, _ location: SourceLocation, _ value: YAMLValue) {
        if let previous = content.lists[name] { return duplicate("lists", name, at: location, previous: previous.location) }
        var list = WordList(name: name, location: location, values: [], isWildcard: false)
        switch value {
        case .sequence:
            list.values = listValues(value)
        case .mapping(let pairs, _):
            for (key, keyLocation, entry) in pairs {
                switch key {
                case "values": list.values += listValues(entry)
                case "range": list.values += rangeValues(entry, list: name)
                case "wildcard":
                    list.isWildcard = entry.string == "true"
                    if entry.string != "true" && entry.string != "false" {
                        diagnostics.append(.error(at: entry.location, "'wildcard' must be true or false"))
                    }
                case "first_name":
                    list.isFirstName = entry.string == "true"
                    if entry.string != "true" && entry.string != "false" {
                        diagnostics.append(.error(at: entry.location, "'first_name' must be true or false"))
                    }
                default:
                    diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in list '\(name)'", hint: "expected values, range, wildcard or first_name"))
                }
            }
        default:
            diagnostics.append(.error(at: value.location, "list '\(name)' must be a mapping with 'values' or 'wildcard', found \(value.kindName)"))
        }
        if !list.isWildcard && !list.isFirstName && list.values.isEmpty {
            diagnostics.append(.error(at: location, "list '\(name)' has no values", hint: "add values or a range, or set wildcard: true"))
        }
        content.lists[name] = list
    }

    private mutating func listValues(_ value: YAMLValue) -> [ListValue] {
        guard case .sequence(let items, _) = value else {
            diagnostics.append(.error(at: value.location, "'values' must be a list, found \(value.kindName)"))
            return []
        }
        var result: [ListValue] = []
        for item in items {
            switch item {
            case .scalar(let text, _, _):
                if let node = parseTemplate(text, at: item.textStart) {
                    result.append(ListValue(spoken: node, spokenText: text, value: text, location: item.location))
                }
            case .mapping(let pairs, _):
                var spoken: (String, SourceLocation)?
                var out: String?
                for (key, keyLocation, entry) in pairs {
                    switch key {
                    case "in":
                        spoken = text(entry, key) ?? spoken
                    case "out":
                        out = text(entry, key)?.text ?? out
                    case "context":
                        ignoredContext(key, at: keyLocation)
                    default:
                        diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in a list value", hint: "expected in and out"))
                    }
                }
                guard let spoken else {
                    diagnostics.append(.error(at: item.location, "list value has no 'in'", hint: "write in: spoken words, out: value"))
                    continue
                }
                if let node = parseTemplate(spoken.0, at: spoken.1) {
                    result.append(ListValue(spoken: node, spokenText: spoken.0, value: out ?? spoken.0, location: item.location))
                }
            default:
                diagnostics.append(.error(at: item.location, "a list value must be text or {in, out}, found \(item.kindName)"))
            }
        }
        return result
    }

    mutating func addRule(_ name: String, _ location: SourceLocation, _ value: YAMLValue) {
        if let previous = content.rules[name] { return duplicate("rules", name, at: location, previous: previous.location) }
        guard let text = value.string else {
            diagnostics.append(.error(at: value.location, "rule '\(name)' must be template text, found \(value.kindName)"))
            return
        }
        if let node = parseTemplate(text, at: value.textStart) {
            content.rules[name] = ExpansionRule(name: name, location: location,
                                                body: TemplateSource(text: text, location: value.textStart, node: node))
        }
    }

    private mutating func addIntent(_ name: String, _ location: SourceLocation, _ value: YAMLValue) {
        if let previous = content.intents[name] { return duplicate("intents", name, at: location, previous: previous.location) }
        if name == IntentFixture.noSafetyKey {
            // Fixture files use it for lines that must raise no safety event.
            return diagnostics.append(.error(at: location, "'\(name)' is a reserved name, not an intent", hint: "choose another name"))
        }
        var intent = IntentDefinition(name: name, location: location, templates: [], keywords: [:], priority: 0,
                                      safety: nil, requiresState: [], excludesState: [])
        guard case .mapping(let pairs, _) = value else {
            if case .null = value {
                content.intents[name] = intent
                return
            }
            diagnostics.append(.error(at: value.location, "intent '\(name)' must be a mapping, found \(value.kindName)",
                                      hint: "give it templates: and optionally keywords:"))
            return
        }
        for (key, keyLocation, entry) in pairs {
            switch key {
            case "templates":
                intent.templates += templates(entry)
            case "data":
                intent.templates += hassilData(entry, intent: name)
            case "keywords":
                guard case .mapping(let words, _) = entry else {
                    diagnostics.append(.error(at: entry.location, "'keywords' must map words to weights, found \(entry.kindName)",
                                              hint: "keywords: {lonely: 2, miss: 1}"))
                    continue
                }
                for (word, wordLocation, weight) in words {
                    guard let text = weight.string, let number = Double(text), number > 0 else {
                        diagnostics.append(.error(at: weight.location, "keyword weight must be a positive number"))
                        continue
                    }
                    if word.hasPrefix("~") {
                        // A concept: each of its one-word members counts.
                        intent.keywords[word] = number
                        intent.keywordLocations[word] = wordLocation
                        continue
                    }
                    let normalised = TextNormalizer.words(word)
                    guard normalised.count == 1 else {
                        diagnostics.append(.error(at: wordLocation, "keyword '\(word)' must be one word"))
                        continue
                    }
                    intent.keywords[normalised[0]] = number
                    intent.keywordLocations[normalised[0]] = wordLocation
                }
            case "priority":
                if let text = entry.string, let number = Int(text) { intent.priority = number }
                else { diagnostics.append(.error(at: entry.location, "'priority' must be a whole number")) }
            case "safety":
                if let text = entry.string, !text.isEmpty { intent.safety = text }
                else { diagnostics.append(.error(at: entry.location, "'safety' must name a kind, such as self_harm or abuse")) }
            case "requires_state", "excludes_state":
                let texts = strings(entry, what: key)
                for (text, location) in texts {
                    if let problem = MatchContext.problem(in: text) { diagnostics.append(.error(at: location, problem)) }
                }
                let patterns = texts.map { StatePattern($0.text, location: $0.location) }
                if key == "requires_state" { intent.requiresState = patterns } else { intent.excludesState = patterns }
            case "description":
                intent.description = entry.string
            case "coverage":
                intent.coverage = coverageShare(entry)
            case "figure_of_speech":
                switch entry.string {
                case "true": intent.figureOfSpeech = true
                case "false": intent.figureOfSpeech = false
                default: diagnostics.append(.error(at: entry.location, "'figure_of_speech' must be true or false"))
                }
            default:
                diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in intent '\(name)'",
                                          hint: "expected one of: \(ContentLoader.intentKeys.joined(separator: ", "))"))
            }
        }
        content.intents[name] = intent
    }

    /// A scalar or a list of scalars, each with where its text starts.
    /// A field that must be text, with where its text starts; a diagnostic when it is not.
    mutating func text(_ field: YAMLValue, _ key: String) -> (text: String, location: SourceLocation)? {
        if let text = field.string { return (text, field.textStart) }
        diagnostics.append(.error(at: field.location, "'\(key)' must be text, found \(field.kindName)"))
        return nil
    }

    mutating func strings(_ value: YAMLValue, what: String) -> [(text: String, location: SourceLocation)] {
        switch value {
        case .null: return []
        case .scalar(let text, _, _): return [(text, value.textStart)]
        case .sequence(let items, _):
            var result: [(text: String, location: SourceLocation)] = []
            for item in items {
                if let text = item.string { result.append((text, item.textStart)) }
                else { diagnostics.append(.error(at: item.location, "each of '\(what)' must be text, found \(item.kindName)")) }
            }
            return result
        default:
            diagnostics.append(.error(at: value.location, "'\(what)' must be a list of text, found \(value.kindName)"))
            return []
        }
    }

    /// A `coverage:` value: a share of the line's words, above 0 and at most 1.
    private mutating func coverageShare(_ value: YAMLValue) -> Double? {
        if let text = value.string, let share = Double(text), share > 0, share <= 1 { return share }
        diagnostics.append(.error(at: value.location, "'coverage' must be a share of the line between 0 and 1, such as 0.5",
                                  hint: "0.5 means a template must explain at least half the words"))
        return nil
    }

    /// An intent's templates: each is text, or `{template: TEXT, coverage: SHARE}`.
    mutating func templates(_ value: YAMLValue) -> [TemplateSource] {
        let items: [YAMLValue]
        switch value {
        case .null: return []
        case .scalar: items = [value]
        case .sequence(let list, _): items = list
        default:
            diagnostics.append(.error(at: value.location, "'templates' must be a list of text, found \(value.kindName)"))
            return []
        }
        var result: [TemplateSource] = []
        // `- group: NAME` names the warning-sign group of the templates after it.
        var group: String?
        for item in items {
            if case .mapping(let fields, _) = item, fields.count == 1, fields[0].key == "group" {
                if let name = fields[0].value.string, !name.isEmpty { group = name } else {
                    diagnostics.append(.error(at: fields[0].value.location, "'group' must be the name of a warning-sign group"))
                }
                continue
            }
            var text: (String, SourceLocation)?
            var coverage: Double?
            var asWrittenOnly = false
            if let plain = item.string {
                text = (plain, item.textStart)
            } else if case .mapping(let fields, let location) = item {
                for (key, keyLocation, field) in fields {
                    switch key {
                    case "template":
                        text = self.text(field, key) ?? text
                    case "coverage":
                        coverage = coverageShare(field)
                    case "forms":
                        asWrittenOnly = field.string == "exact"
                        if field.string != "exact" && field.string != "any" {
                            diagnostics.append(.error(at: field.location, "'forms' must be exact or any"))
                        }
                    default:
                        diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in a template", hint: "expected template, coverage or forms"))
                    }
                }
                if text == nil { diagnostics.append(.error(at: location, "a template mapping needs 'template'")) }
            } else {
                diagnostics.append(.error(at: item.location, "each of 'templates' must be text or {template, coverage}, found \(item.kindName)"))
            }
            if let (body, location) = text, let node = parseTemplate(body, at: location) {
                result.append(TemplateSource(text: body, location: location, node: node, coverage: coverage, asWrittenOnly: asWrittenOnly,
                                             group: group))
            }
        }
        return result
    }

    mutating func parseTemplate(_ text: String, at location: SourceLocation) -> TemplateNode? {
        switch TemplateParser.parse(text) {
        case .success(let node):
            return node
        case .failure(let error):
            diagnostics.append(.error(at: location.advanced(by: error.offset), error.message, hint: error.hint))
            return nil
        }
    }
}

private extension String {
    /// "intents" → "intent", for messages.
    var dropLastS: String { hasSuffix("s") ? String(dropLast()) : self }
}
