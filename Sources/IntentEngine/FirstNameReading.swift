/// Reads which words of a line are a person's first name, so a template can say "a name" where
/// it says "he" or "my partner": "mateo grabbed my neck" is the same warning sign as "he grabbed
/// my neck", and people tell their story with their partner's name far more than with "my
/// partner". A list with `first_name: true` matches one such word.
///
/// A word is read as a name when no template writes it (so "will", "mark" or "hope" stay the
/// words they are) and it is one of:
/// - a name the session knows (the partners', given at the start): "jordan", "sam";
/// - typed with a capital inside the line ("then Jordan took my card");
/// - a word SCOWL writes only with a capital ("jordan", "priya" is in neither list);
/// - a word the dictionary does not know at all ("mateo", "kwame").
/// Precision comes from where the templates put the name, never from the word alone: a name
/// only ever stands where `<partner>` stands (the subject of an act done to the speaker), so
/// "jordan hit the gym" or "sam choked on his coffee" say nothing about the speaker and stay
/// silent as "he hit the gym" does.
public struct FirstNameReading: Sendable {
    /// The word a name is matched as: no typed word can be it, since words are letters and
    /// digits only.
    public static let word = "{first name}"
    /// A name a sampled sentence uses for a first-name list: one no dictionary knows.
    public static let sample = "mateo"

    let language: LanguageLayer

    /// Whether the word at `token` of `text` reads as a first name. `known`: a template writes
    /// the word (or another form of it), which is then never a name.
    func isName(_ token: Token, in text: inout SpokenText, known: Bool, names: Set<String>) -> Bool {
        let word = token.word
        guard !known, word.utf8.count >= 2, word.allSatisfy(\.isLetter) else { return false }
        if names.contains(word) { return true }
        if token.start > 0, text.character(at: token.start)?.isUppercase == true { return true }
        return language.readsAsFirstName(word)
    }
}
