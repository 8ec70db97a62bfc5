/// The language layer as the matcher and the coach use it at run time: chat spellings read
/// as the words they stand for, word forms reduced to one key, concepts, and the real
/// English words. Built once from `LanguageData`; immutable and shared.
public struct LanguageLayer: Sendable {
    public let forms: WordForms
    /// Spelling → the words it stands for.
    public let chatSpellings: [String: [String]]
    /// Concept name → its members (word sequences).
    public let concepts: [String: [[String]]]
    public let dictionary: WordDictionary?
    /// Words written only with a capital ("jordan", "sam"), read as names in name position.
    public let properNouns: WordDictionary?
    /// `chatSpellings` again for the look-up of every typed word: spelling → an index into
    /// `spelledWords` (`WordTable`, not a hashed dictionary).
    private let spellings: WordTable
    private let spelledWords: [[String]]

    public init(_ data: LanguageData) {
        forms = WordForms(language: data)
        chatSpellings = data.chatSpellings.mapValues(\.words)
        concepts = data.concepts.mapValues(\.members)
        dictionary = data.dictionary
        properNouns = data.properNouns
        (spellings, spelledWords) = Self.spellingTable(chatSpellings)
    }

    init(forms: WordForms, chatSpellings: [String: [String]], concepts: [String: [[String]]], dictionary: WordDictionary?,
         properNouns: WordDictionary? = nil) {
        self.forms = forms
        self.chatSpellings = chatSpellings
        self.concepts = concepts
        self.dictionary = dictionary
        self.properNouns = properNouns
        (spellings, spelledWords) = Self.spellingTable(chatSpellings)
    }

    private static func spellingTable(_ chatSpellings: [String: [String]]) -> (WordTable, [[String]]) {
        var index: [String: Int32] = [:]
        var words: [[String]] = []
        for (spelling, meaning) in chatSpellings where !spelling.isEmpty {
            index[spelling] = Int32(words.count)
            words.append(meaning)
        }
        return (WordTable(index), words)
    }

    /// `text`'s words with chat spellings replaced by what they stand for; an expanded word
    /// keeps the place of the spelling it came from, so spans still point at what was typed.
    public func tokenize(_ text: String) -> [Token] {
        expandingChatSpellings(TextNormalizer.tokenize(text))
    }

    /// The normalised words of `text`, chat spellings expanded.
    public func words(_ text: String) -> [String] {
        tokenize(text).map(\.word)
    }

    func expandingChatSpellings(_ tokens: [Token]) -> [Token] {
        guard !spelledWords.isEmpty, tokens.contains(where: { spellings[$0.word] != nil }) else { return tokens }
        var result: [Token] = []
        result.reserveCapacity(tokens.count + 4)
        for token in tokens {
            if let index = spellings[token.word] {
                for word in spelledWords[Int(index)] { result.append(Token(word: word, start: token.start, end: token.end)) }
            } else {
                result.append(token)
            }
        }
        return result
    }

    /// Whether `word`, seen apart from its line, reads as a first name: one SCOWL writes only
    /// with a capital ("jordan"), or one no dictionary knows ("mateo"). Without the word data,
    /// nothing does.
    public func readsAsFirstName(_ word: String) -> Bool {
        if properNouns?.contains(word) == true { return true }
        if let dictionary { return !dictionary.contains(word) }
        return false
    }

    /// The names of the concepts `phrase` (normalised words) is a member of, sorted.
    public func concepts(containing phrase: [String]) -> [String] {
        concepts.filter { $0.value.contains(phrase) }.map(\.key).sorted()
    }
}
