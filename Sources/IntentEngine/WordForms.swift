/// Decides which written words are forms of one word, for matching: a template's "feel"
/// matches "feels", "feeling" and "felt". Irregular forms come from WordNet's exception
/// lists, regular inflection from Snowball's stemmer; words listed `as_written` stay
/// themselves. Each word's key is computed once, when templates are compiled or a word is
/// first looked up in a match.
public struct WordForms: Sendable {
    private let irregular: [String: [String]]
    private let asWritten: Set<String>
    private let stemmer: SnowballStemmer?

    public init(language: LanguageData) {
        irregular = language.irregularForms
        asWritten = language.asWritten
        stemmer = SnowballStemmer()
    }

    /// The forms as read back from the start-up cache. The irregular forms come too: the
    /// matcher has them mapped onto template words already, but the mirror check and the
    /// flags key words no template writes ("forgot" is "forget" there as well).
    init(irregular: [String: [String]], asWritten: Set<String>) {
        self.irregular = irregular
        self.asWritten = asWritten
        stemmer = SnowballStemmer()
    }

    /// The words kept as written, for the start-up cache.
    var asWrittenWords: Set<String> { asWritten }

    /// Whether the stemmer could be loaded; without it only exact forms match.
    public var canStem: Bool { stemmer != nil }

    /// Whether `word` is matched only as written.
    public func isAsWritten(_ word: String) -> Bool { asWritten.contains(word) }

    /// The key every form of `word` shares: its (first) base form's stem, or `=word` for a
    /// word kept as written (no stem starts with "=").
    public func key(_ word: String) -> String {
        if asWritten.contains(word) || word.allSatisfy(\.isNumber) { return "=" + word }
        let base = irregular[word]?.first ?? word
        return stemmer?.stem(base) ?? base
    }

    /// The stem of a regular form (no irregular look-up), for words typed at match time.
    public func regularKey(_ word: String) -> String? {
        guard !asWritten.contains(word), !word.allSatisfy(\.isNumber) else { return nil }
        return stemmer?.stem(word)
    }

    /// The irregular forms and their bases, for the compiler to map onto template words.
    public var irregularForms: [String: [String]] { irregular }
}

/// How the matcher finds the word id of a form no template writes: irregular forms through
/// a table made when compiling, regular ones through their stem.
struct Morphology: Sendable {
    /// Irregular form → word id ("felt" → the id of "feel").
    var irregular: [String: Int32]
    /// Stem → word id.
    var stems: [String: Int32]
    /// Written form → its own id, for the forms of words that have more than one written
    /// form in the templates (only there can a typed template form still be inexact).
    var forms: [String: Int32] = [:]
}
