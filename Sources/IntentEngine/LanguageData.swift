/// The language layer's knowledge, loaded from `Intents/` beside the intents: word forms
/// (from WordNet), the real English words (from SCOWL), chat spellings and concepts.
public struct LanguageData: Sendable {
    /// Irregular form → its base forms, from WordNet's exception lists ("felt" → feel).
    public var irregularForms: [String: [String]] = [:]
    /// Words that are never reduced to a stem: auxiliaries and words whose inflected look is
    /// a different word ("is" is not "be" for a template that says "is").
    public var asWritten: Set<String> = []
    /// Chat spelling → the words it stands for ("u" → you, "idk" → i dont know).
    public var chatSpellings: [String: ChatSpelling] = [:]
    /// Synonym classes, used as `{~name}` in templates and `~name` in keywords.
    public var concepts: [String: Concept] = [:]
    /// The real English words, so the typo tier never "corrects" one.
    public var dictionary: WordDictionary?
    /// The words SCOWL writes only with a capital (names, places, brands), to read a first
    /// name typed in lower case.
    public var properNouns: WordDictionary?

    public init() {}
}

/// One chat spelling and where it is defined.
public struct ChatSpelling: Sendable, Hashable {
    public var words: [String]
    public var location: SourceLocation
}

/// A synonym class: words and phrases that mean the same for matching ("fight", "argument",
/// "row", "falling out"). Each member is a normalised word sequence.
public struct Concept: Sendable {
    public var name: String
    public var location: SourceLocation
    public var members: [[String]]
    public var memberLocations: [SourceLocation]
}

extension ContentBuilder {
    /// The pairs of a section that must be a mapping; else a diagnostic, `problem` and what was
    /// found instead, with `hint`.
    private mutating func mapping(_ value: YAMLValue, _ problem: String, hint: String) -> [(String, SourceLocation, YAMLValue)]? {
        guard case .mapping(let pairs, _) = value else {
            diagnostics.append(.error(at: value.location, "\(problem), found \(value.kindName)", hint: hint))
            return nil
        }
        return pairs
    }

    /// `word_forms:` — `as_written: [words]`.
    mutating func addWordForms(_ value: YAMLValue) {
        guard let pairs = mapping(value, "'word_forms' must be a mapping", hint: "word_forms: {as_written: [is, was]}") else { return }
        for (key, keyLocation, entry) in pairs {
            guard key == "as_written" else {
                diagnostics.append(.error(at: keyLocation, "unknown key '\(key)' in word_forms", hint: "expected as_written"))
                continue
            }
            for item in strings(entry, what: "as_written") {
                let words = TextNormalizer.words(item.text)
                guard words.count == 1 else {
                    diagnostics.append(.error(at: item.location, "'\(item.text)' in as_written must be one word"))
                    continue
                }
                content.language.asWritten.insert(words[0])
            }
        }
    }

    /// `chat_spellings:` — `spelling: the words it stands for`.
    mutating func addChatSpellings(_ value: YAMLValue) {
        guard let pairs = mapping(value, "'chat_spellings' must map a spelling to words", hint: "chat_spellings: {u: you, idk: i dont know}") else {
            return
        }
        for (key, keyLocation, entry) in pairs {
            let spelling = TextNormalizer.words(key)
            guard spelling.count == 1 else {
                diagnostics.append(.error(at: keyLocation, "chat spelling '\(key)' must be one word",
                                          hint: "a spelling is one typed word; what it stands for may be several"))
                continue
            }
            guard let text = entry.string, !TextNormalizer.words(text).isEmpty else {
                diagnostics.append(.error(at: entry.location, "chat spelling '\(key)' must stand for words, found \(entry.kindName)",
                                          hint: "\(key): the words it means"))
                continue
            }
            let words = TextNormalizer.words(text)
            if words == spelling {
                diagnostics.append(.error(at: entry.textStart, "chat spelling '\(key)' stands for itself", hint: "remove it"))
                continue
            }
            if let previous = content.language.chatSpellings[spelling[0]] {
                diagnostics.append(.error(at: keyLocation, "chat spelling '\(spelling[0])' is defined twice",
                                          hint: "first defined at \(previous.location)"))
                continue
            }
            content.language.chatSpellings[spelling[0]] = ChatSpelling(words: words, location: keyLocation)
        }
    }

    /// `concepts:` — `name: [word or phrase, …]`.
    mutating func addConcepts(_ value: YAMLValue) {
        guard let pairs = mapping(value, "'concepts' must map a name to words", hint: "concepts: {fight: [fight, argument, row, quarrel]}") else {
            return
        }
        for (name, location, entry) in pairs {
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                diagnostics.append(.error(at: location, "concept name '\(name)' must be letters, digits and '_'",
                                          hint: "templates write it as {~\(name)}"))
                continue
            }
            if let previous = content.language.concepts[name] {
                diagnostics.append(.error(at: location, "concept '\(name)' is defined twice", hint: "first defined at \(previous.location)"))
                continue
            }
            guard case .sequence = entry else {
                diagnostics.append(.error(at: entry.location, "concept '\(name)' must be a list of words, found \(entry.kindName)"))
                continue
            }
            var concept = Concept(name: name, location: location, members: [], memberLocations: [])
            for item in strings(entry, what: "concept '\(name)'") {
                let words = TextNormalizer.words(item.text)
                if words.isEmpty {
                    diagnostics.append(.error(at: item.location, "an empty member in concept '\(name)'"))
                } else if concept.members.contains(words) {
                    diagnostics.append(.error(at: item.location, "'\(item.text)' is in concept '\(name)' twice"))
                } else {
                    concept.members.append(words)
                    concept.memberLocations.append(item.location)
                }
            }
            if concept.members.count < 2 {
                diagnostics.append(.error(at: location, "concept '\(name)' needs at least two words",
                                          hint: "a concept says that several words mean one thing"))
                continue
            }
            content.language.concepts[name] = concept
        }
    }

    /// `word-forms.tsv`: `form<TAB>base base…` lines; `#` starts a comment.
    mutating func addIrregularForms(_ text: String, file: String) {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t")
            let bases = fields.count == 2 ? fields[1].split(separator: " ").map(String.init) : []
            guard fields.count == 2, !fields[0].isEmpty, !bases.isEmpty else {
                diagnostics.append(.error(at: SourceLocation(file: file, line: lineNumber, column: 1),
                                          "expected 'form<TAB>base', found '\(line.prefix(40))'",
                                          hint: "regenerate the file with tools/generate-language-data"))
                continue
            }
            content.language.irregularForms[String(fields[0])] = bases
        }
    }
}
