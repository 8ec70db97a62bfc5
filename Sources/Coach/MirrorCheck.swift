import IntentEngine
import TranscriptFormat

/// Compares a mirror with the words it mirrors: strips openers ("so what I'm hearing is"),
/// turns the original around to the listener's point of view, and compares stemmed content
/// words, feeling words and negation, noting judgement, defence and advice that crept in.
public struct MirrorCheck: Sendable {
    public var lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Judges `mirror` as a mirror of `original`. `speaker` said the original to `listener`.
    public func judge(mirror: String, of original: String, speaker: String?, listener: String?) -> MirrorJudgement {
        // The listener says the speaker's words back to the speaker: the speaker's "I" is the
        // listener's "you", and the speaker's "you" (the listener) is the listener's "I".
        let originalWords = TextNormalizer.words(original)
        var mirrorWords = stripOpener(TextNormalizer.words(mirror))
        if let listener { mirrorWords = mirrorWords.map { $0 == listener.lowercased() ? "i" : $0 } }
        if let speaker { mirrorWords = mirrorWords.map { $0 == speaker.lowercased() ? "you" : $0 } }

        let originalContent = contentStems(originalWords)
        let mirrorContent = Set(contentStems(mirrorWords))
        var kept: [String] = []
        var missed: [String] = []
        for (stem, word) in zip(originalContent, contentWords(originalWords)) where !kept.contains(word) && !missed.contains(word) {
            if mirrorContent.contains(stem) || synonymKept(word, in: mirrorWords) { kept.append(word) } else { missed.append(word) }
        }
        var added: [String] = []
        let originalSet = Set(originalWords)
        for word in mirrorWords where !originalSet.contains(word) {
            if lexicon.judgements.contains(word) || lexicon.absolutes.contains(word) || lexicon.defence.contains(word) {
                if !added.contains(word) { added.append(word) }
            }
        }
        for phrase in lexicon.advice where contains(mirrorWords, phrase) && !contains(originalWords, phrase) {
            added.append(phrase.joined(separator: " "))
        }
        let negationLost = negated(originalWords) != negated(mirrorWords)
        if negationLost {
            if negated(originalWords) { missed.append("not") } else { added.append("not") }
        }
        // Repeating "I feel…" word for word, without turning it around, mirrors nothing.
        let unflipped = originalWords.first == "i" && mirrorWords.first == "i" && mirrorWords.contains("feel") && originalWords.contains("feel")
        if unflipped { added.append("your own \"I\" (say \"you\")") }

        // The feeling is the heart of a message: keeping it makes a mirror at least partial,
        // losing it makes a thin one off.
        let feelings = originalWords.filter { lexicon.feelings.contains($0) || lexicon.pseudoFeelings[$0] != nil }
        let keptFeeling = kept.contains { feelings.contains($0) }
        let missedFeeling = missed.contains { feelings.contains($0) }
        let total = max(1, kept.count + missed.count)
        let share = Double(kept.count) / Double(total)
        let verdict: MirrorVerdict
        if unflipped {
            verdict = .off
        } else if share >= 0.7 && !missedFeeling && added.isEmpty && !negationLost {
            verdict = .faithful
        } else if keptFeeling {
            verdict = .partial
        } else if missedFeeling && !added.isEmpty {
            // The feeling dropped and judgement or defence put in its place.
            verdict = .off
        } else if feelings.isEmpty ? share < 0.34 : share <= 0.5 {
            verdict = .off
        } else {
            verdict = .partial
        }
        return MirrorJudgement(verdict: verdict, kept: kept, missed: missed, added: added)
    }

    private func stripOpener(_ words: [String]) -> [String] {
        for opener in lexicon.mirrorOpeners where words.starts(with: opener) {
            return Array(words.dropFirst(opener.count))
        }
        return words
    }

    private func contentWords(_ words: [String]) -> [String] {
        words.filter { !lexicon.stopwords.contains($0) && !lexicon.pronouns.contains($0) && !lexicon.negations.contains($0) }
    }

    private func contentStems(_ words: [String]) -> [String] {
        contentWords(words).map(Stemmer.stem)
    }

    private func synonymKept(_ word: String, in mirror: [String]) -> Bool {
        guard let felt = lexicon.pseudoFeelings[word] else { return false }
        return mirror.contains { felt.contains($0) }
    }

    private func negated(_ words: [String]) -> Bool {
        words.filter { lexicon.negations.contains($0) }.count % 2 == 1
    }

    private func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where Array(words[start..<(start + phrase.count)]) == phrase { return true }
        return false
    }

}

/// A light suffix stripper, enough to see "working" and "works" as one word.
public enum Stemmer {
    public static func stem(_ word: String) -> String {
        var stem = word
        for suffix in ["ingly", "edly", "ness", "ing", "ies", "ied", "ed", "es", "ly", "s"] where stem.count > suffix.count + 2 && stem.hasSuffix(suffix) {
            stem.removeLast(suffix.count)
            if suffix == "ies" || suffix == "ied" { stem += "y" }
            break
        }
        if stem.count > 3, let last = stem.last, stem.dropLast().last == last, !"lsz".contains(last) { stem.removeLast() }
        return stem
    }
}
