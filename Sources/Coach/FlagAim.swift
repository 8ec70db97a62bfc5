import IntentEngine

/// Where a horseman's stretch points, read from the words around it: a blame or a sneer is
/// aimed at the partner only when its clause does not give it someone else ("my brother rolls
/// his eyes", "i felt like such an idiot") and does not deny it ("i won't think you're needy");
/// a withdrawal narrowed to a topic or a choice ("i'm done talking about work", "i don't care
/// where we go") is a preference, not a withdrawal from the partner; and a stretch followed by
/// warmth ("haha you're ridiculous, i love it", "leave it, i'll clean it up") is a tease or a
/// kindness. The words are data
/// (`lexicon:` in `Intents/`), so the reading can be refined without touching Swift.
struct FlagAim {
    let lexicon: Lexicon
    let tokens: [Token]
    let characters: [Character]

    init(text: String, lexicon: Lexicon, language: LanguageLayer) {
        self.lexicon = lexicon
        tokens = language.tokenize(text)
        characters = Array(text)
    }

    /// Whether the stretch `span` (character offsets) still carries `horseman` once its clause
    /// is read.
    func holds(_ horseman: String, span: Range<Int>?) -> Bool {
        guard let span,
              let first = tokens.firstIndex(where: { $0.start >= span.lowerBound }),
              let last = tokens.lastIndex(where: { $0.end <= span.upperBound }), first <= last else { return true }
        if let narrowing = lexicon.flagNarrowing[horseman], last + 1 < tokens.count, !breaks(after: last),
           narrowing.contains(tokens[last + 1].word) {
            return false
        }
        if let softeners = lexicon.flagSofteners[horseman] {
            let after = tokens[(last + 1)...].map(\.word)
            if softeners.contains(where: { contains(after, TextNormalizer.words($0)) }) { return false }
        }
        guard lexicon.aimedHorsemen.contains(horseman) else { return true }
        let before = clauseBefore(first)
        if lexicon.denials.contains(where: { contains(before, $0) }) { return false }
        if tokens[first...last].contains(where: { lexicon.partnerWords.contains($0.word) }) { return true }
        let subject = dropInterjections(before)
        if subject.contains(where: lexicon.partnerWords.contains) { return true }
        return !subject.contains(where: lexicon.otherSubjects.contains)
    }

    /// The words of the clause before token `index`, back to punctuation, a word that opens a
    /// clause ("when", "and") or the start of the line.
    private func clauseBefore(_ index: Int) -> [String] {
        var words: [String] = []
        var position = index - 1
        while position >= 0, !breaks(after: position), !lexicon.clauseBreaks.contains(tokens[position].word) {
            words.insert(tokens[position].word, at: 0)
            position -= 1
        }
        return words
    }

    /// Whether punctuation stands between token `index` and the next.
    private func breaks(after index: Int) -> Bool {
        let end = index + 1 < tokens.count ? tokens[index + 1].start : characters.count
        guard tokens[index].end < end else { return false }
        return characters[tokens[index].end..<end].contains { ",.;:!?()\"".contains($0) }
    }

    /// `words` without the interjections that name nobody ("oh my god", "i swear").
    private func dropInterjections(_ words: [String]) -> [String] {
        var result: [String] = []
        var position = 0
        outer: while position < words.count {
            for phrase in lexicon.aimInterjections where words[position...].starts(with: phrase) {
                position += phrase.count
                continue outer
            }
            result.append(words[position])
            position += 1
        }
        return result
    }

    private func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        return (0...(words.count - phrase.count)).contains { words[$0..<($0 + phrase.count)].elementsEqual(phrase) }
    }
}
