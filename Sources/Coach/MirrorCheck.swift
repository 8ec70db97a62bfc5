import IntentEngine
import TranscriptFormat

/// Compares a mirror with the words it mirrors: strips openers ("so what I'm hearing is"),
/// turns the original around to the listener's point of view, and compares content words
/// on the matcher's language layer (chat spellings read as words, every form of a word as
/// one, concept members as one: "argument" keeps "fight", "worn out" keeps "exhausted"), plus
/// feeling words and negation ("without calling" is "not calling"), noting judgement,
/// defence and advice that crept in.
public struct MirrorCheck: Sendable {
    public var lexicon: Lexicon
    public var language: LanguageLayer

    public init(lexicon: Lexicon, language: LanguageLayer) {
        self.lexicon = lexicon
        self.language = language
    }

    /// One word of a message as compared, or a concept member phrase taken as one.
    private struct Unit {
        var text: String
        var key: String
        var isConcept: Bool
    }

    /// Judges `mirror` as a mirror of `original`. `speaker` said the original to `listener`.
    public func judge(mirror: String, of original: String, speaker: String?, listener: String?) -> MirrorJudgement {
        // The listener says the speaker's words back to the speaker: the speaker's "I" is the
        // listener's "you", and the speaker's "you" (the listener) is the listener's "I".
        let originalWords = readWords(original)
        var mirrorWords = stripOpener(readWords(mirror))
        if let listener { mirrorWords = mirrorWords.map { $0 == listener.lowercased() ? "i" : $0 } }
        if let speaker { mirrorWords = mirrorWords.map { $0 == speaker.lowercased() ? "you" : $0 } }

        let originalUnits = contentUnits(originalWords)
        let mirrorKeys = Set(contentUnits(mirrorWords).map(\.key))
        var kept: [String] = []
        var missed: [String] = []
        for unit in originalUnits where !kept.contains(unit.text) && !missed.contains(unit.text) {
            if mirrorKeys.contains(unit.key) || synonymKept(unit.text, in: mirrorWords) { kept.append(unit.text) } else { missed.append(unit.text) }
        }
        var added: [String] = []
        let originalKeys = Set(originalWords.map(language.forms.key))
        // "every time" for "always" keeps the absolute; only one the speaker never said is added.
        // An absolute that is also a negation ("never") saying back the speaker's own negation
        // ("you didnt ask" → "i never asked") keeps the "not"; it adds no "always or never".
        // "all the time" is an absolute as much as "always" is; "every week" for "three nights a
        // week" restates the speaker's own quantity.
        let originalAbsolute = originalWords.contains(where: lexicon.absolutes.contains)
            || lexicon.absolutePhrases.contains { contains(originalWords, $0) }
        let keepsNegation = negated(originalWords) && negated(mirrorWords)
        for (index, word) in mirrorWords.enumerated() where !originalKeys.contains(language.forms.key(word)) {
            let restates = lexicon.restatingAbsolutes.contains(word) && index + 1 < mirrorWords.count
                && originalKeys.contains(language.forms.key(mirrorWords[index + 1]))
            let absoluteAdded = lexicon.absolutes.contains(word) && !originalAbsolute && !restates
                && !(keepsNegation && lexicon.negations.contains(word))
            if lexicon.judgements.contains(word) || absoluteAdded || lexicon.defence.contains(word) {
                if !added.contains(word) { added.append(word) }
            }
        }
        if !originalAbsolute {
            for phrase in lexicon.absolutePhrases where contains(mirrorWords, phrase) {
                let text = phrase.joined(separator: " ")
                if !added.contains(text) { added.append(text) }
            }
        }
        for phrase in lexicon.advice + lexicon.defencePhrases where contains(mirrorWords, phrase) && !contains(originalWords, phrase) {
            added.append(phrase.joined(separator: " "))
        }
        let negationLost = negated(originalWords) != negated(mirrorWords)
        if negationLost {
            if negated(originalWords) { missed.append("not") } else { added.append("not") }
        }
        // A mirror said in the first person, as the speaker said it ("I feel nervous before
        // family visits" said back): the listener is voicing the speaker, and the "I" is the
        // speaker's. It is judged on what it kept like any other mirror; only an "I" line
        // that drops the speaker's feeling or keeps under a third of their words ("I feel
        // lonely too", "I feel attacked") is the listener's own, and mirrors nothing.
        let voiced = originalWords.first == "i" && mirrorWords.first == "i" && mirrorWords.contains("feel") && originalWords.contains("feel")

        // The feeling is the heart of a message: keeping it makes a mirror at least partial,
        // losing it makes a thin one off.
        let feelings = namedFeelings(originalWords, units: originalUnits)
        let keptFeeling = kept.contains { feelings.contains($0) }
        let missedFeeling = missed.contains { feelings.contains($0) }
        let total = max(1, kept.count + missed.count)
        let share = Double(kept.count) / Double(total)
        let verdict: MirrorVerdict
        if voiced && (missedFeeling || share < 0.34) {
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

    /// The words of `text` as the matcher reads them (chat spellings expanded), with
    /// "without" read as the negation it is.
    private func readWords(_ text: String) -> [String] {
        let characters = Array(text)
        let tokens = language.tokenize(text)
        var words: [String] = []
        for (index, token) in tokens.enumerated() {
            // "a phone-free night": "free" after a hyphen says "no" to the word before it.
            if index > 0, lexicon.negatingSuffixes.contains(token.word), token.start > 0, characters[token.start - 1] == "-",
               tokens[index - 1].end == token.start - 1 {
                words.insert("not", at: words.count - 1)
                continue
            }
            words.append(token.word == "without" ? "not" : token.word)
        }
        return words
    }

    /// The feelings a message names: the lexicon's feeling words, and whatever word follows
    /// one of `feeling_verbs` ("felt"), past little words ("so", "a bit"), so "i felt
    /// invisible" names "invisible" though no list has it; "i feel like i'm…" names none.
    private func namedFeelings(_ words: [String], units: [Unit]) -> [String] {
        var named: Set<String> = []
        for (index, word) in words.enumerated() where lexicon.feelingVerbs.contains(word) {
            var next = index + 1
            while next < words.count, lexicon.stopwords.contains(words[next]) { next += 1 }
            if next < words.count, !lexicon.pronouns.contains(words[next]), !lexicon.negations.contains(words[next]) {
                named.insert(words[next])
            }
        }
        return units.map(\.text).filter { text in
            named.contains(text) || lexicon.feelings.contains(text) || lexicon.pseudoFeelings[text] != nil
                || text.split(separator: " ").contains { lexicon.feelings.contains(String($0)) }
        }
    }

    private func stripOpener(_ words: [String]) -> [String] {
        for opener in lexicon.mirrorOpeners where words.starts(with: opener) {
            return Array(words.dropFirst(opener.count))
        }
        return words
    }

    /// The content of a message: concept member phrases (each as its concept), then the
    /// other words that carry meaning, each keyed by its word form.
    private func contentUnits(_ words: [String]) -> [Unit] {
        let keys = words.map(language.forms.key)
        var units: [Unit] = []
        var position = 0
        while position < words.count {
            // An absolute in several words ("all the time") is weighed as one, not as content.
            if let phrase = lexicon.absolutePhrases.first(where: { words[position...].starts(with: $0) }) {
                position += phrase.count
                continue
            }
            if let (concept, length) = conceptAt(position, keys: keys) {
                units.append(Unit(text: words[position..<(position + length)].joined(separator: " "), key: "~" + concept, isConcept: true))
                position += length
                continue
            }
            let word = words[position]
            // Absolutes are weighed as added judgement, not as content a mirror must keep.
            let negation = lexicon.negations.contains(word) && !lexicon.negatingVerbs.contains(word)
            if !lexicon.stopwords.contains(word) && !lexicon.pronouns.contains(word) && !negation
                && !lexicon.absolutes.contains(word) {
                units.append(Unit(text: word, key: keys[position], isConcept: false))
            }
            position += 1
        }
        return units
    }

    /// The concept whose longest member starts at `position` (compared by word form), and
    /// the member's length.
    private func conceptAt(_ position: Int, keys: [String]) -> (String, Int)? {
        var best: (String, Int)?
        for (name, members) in language.concepts.sorted(by: { $0.key < $1.key }) {
            for member in members where member.count > (best?.1 ?? 0) && position + member.count <= keys.count {
                if zip(member, keys[position...]).allSatisfy({ language.forms.key($0) == $1 }) { best = (name, member.count) }
            }
        }
        return best
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
