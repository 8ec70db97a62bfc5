/// Finds the word a typing slip most likely stands for. Known template words one slip away
/// come from a deletion index (SymSpell's idea: a word and its one-letter deletions are
/// looked up, never the whole vocabulary scanned); real English words one likely slip away
/// come from the dictionary. A real word is never corrected, and among candidates the
/// likelier slip wins: a letter of a double left out ("realy" → really) before a
/// neighbouring key or a swap, before any other letter ("ready"). A double letter typed on
/// the wrong letter of a long word ("dissapointed") is the one slip of two edits it mends.
import Synchronization

/// Builds the deletion index the first time a correction is asked for: most sessions begin
/// with a prompt, not a typo, and start-up has a budget of 30 ms.
final class LazyTypoCorrector: Sendable {
    private let vocabulary: [String]
    private let dictionary: WordDictionary?
    private let minimumLength: Int
    private let built = Mutex<TypoCorrector?>(nil)

    init(vocabulary: [String: Int32], dictionary: WordDictionary?, minimumLength: Int) {
        self.vocabulary = vocabulary.keys.sorted()
        self.dictionary = dictionary
        self.minimumLength = minimumLength
    }

    func correction(for word: String) -> String? {
        built.withLock { corrector in
            if corrector == nil { corrector = TypoCorrector(words: vocabulary, dictionary: dictionary, minimumLength: minimumLength) }
            return corrector!.correction(for: word)
        }
    }
}

struct TypoCorrector: Sendable {
    /// Shorter words have too many neighbours to guess safely.
    let minimumLength: Int
    private var deletions: [String: [Int32]] = [:]
    private let words: [String]
    private let dictionary: WordDictionary?
    private let filter: WordFilter?

    init(words: [String], dictionary: WordDictionary? = nil, minimumLength: Int) {
        self.words = words
        self.dictionary = dictionary
        filter = dictionary.map(WordFilter.init)
        self.minimumLength = minimumLength
        for (id, word) in words.enumerated() where word.count >= minimumLength - 1 && !word.allSatisfy(\.isNumber) {
            for variant in Self.variants(of: word) {
                deletions[variant, default: []].append(Int32(id))
            }
        }
    }

    /// The word itself and each one-letter deletion of it.
    private static func variants(of word: String) -> Set<String> {
        let letters = Array(word)
        var result: Set<String> = [word]
        for index in letters.indices {
            var copy = letters
            copy.remove(at: index)
            result.insert(String(copy))
        }
        return result
    }

    /// Real words one letter from another ("feet"/"feel", "sore"/"bore", "tight"/"fight")
    /// are common, typing slips in the first letter are rare, and in four-letter words only a
    /// swap ("tlak") is safe to guess: anything else is left alone.
    static func plausibleSlip(_ typed: String, _ known: String) -> Bool {
        var typed = typed, known = known
        if typed.isPlainASCII && known.isPlainASCII {
            return typed.withUTF8 { a in known.withUTF8 { b in plausibleSlip(a, b) } }
        }
        return plausibleSlip(Array(typed), Array(known))
    }

    private static func plausibleSlip<Letters: RandomAccessCollection>(_ typed: Letters, _ known: Letters) -> Bool
    where Letters.Element: Comparable, Letters.Index == Int {
        guard let typedFirst = typed.first, let knownFirst = known.first else { return false }
        guard typedFirst == knownFirst || (typed.count > 1 && known.count > 1 && typed[1] == knownFirst && known[1] == typedFirst) else {
            return false
        }
        if typed.count <= 4 {
            return typed.count == known.count && typed.sorted() == known.sorted()
        }
        return true
    }

    /// The likeliest word `word` was meant to be: a known template word or a real English
    /// word one slip away, the cheaper slip first (see `SlipCost`), then a template word
    /// before another real word, then alphabetical order; nil when `word` is itself a real
    /// word or no candidate is plausible.
    func correction(for word: String) -> String? {
        let ascii = word.isPlainASCII
        guard (ascii ? word.utf8.count : word.count) >= minimumLength, !word.allSatisfy(\.isNumber) else { return nil }
        if let dictionary, dictionary.contains(word) { return nil }
        var best: (cost: Int, known: Bool, word: String)?
        func offer(_ candidate: String, known: Bool) {
            guard Self.plausibleSlip(word, candidate) else { return }
            let cost = SlipCost.of(word, candidate)
            if let current = best, (current.cost, current.known ? 0 : 1, current.word) <= (cost, known ? 0 : 1, candidate) { return }
            best = (cost, known, candidate)
        }
        func consider(_ variant: String) {
            for id in deletions[variant] ?? [] {
                let known = words[Int(id)]
                guard EditDistance.isOneSlip(word, known) else { continue }
                offer(known, known: true)
            }
        }
        if ascii {
            // Plain letters: the deletions are cut from the bytes, with no set and no
            // Characters (a variant may repeat; the choice is the same).
            let bytes = Array(word.utf8)
            var variant: [UInt8] = []
            variant.reserveCapacity(bytes.count)
            consider(word)
            for index in bytes.indices {
                variant.removeAll(keepingCapacity: true)
                variant += bytes[..<index]
                variant += bytes[(index + 1)...]
                consider(String(decoding: variant, as: UTF8.self))
            }
            // Real words a likelier slip away than the best template word.
            if let dictionary, let filter, (best?.cost ?? Int.max) > 0 {
                SlipCost.likelyEdits(of: bytes, below: best?.cost ?? Int.max) { edit in
                    if edit.withUnsafeBufferPointer({ filter.mightContain($0) && dictionary.contains($0) }) {
                        offer(String(decoding: edit, as: UTF8.self), known: false)
                    }
                }
            }
        } else {
            for variant in Self.variants(of: word) { consider(variant) }
        }
        return best?.word ?? movedDouble(word)
    }

    /// Words at least this long may have their double letter moved ("dissapointed").
    static let movedDoubleMinimumLength = 8

    /// The template word `word` is when its double letter was typed on the wrong letter:
    /// "dissapointed" for disappointed, "tommorow" for tomorrow. That is two edits, which
    /// the one-slip search never reaches, but one of the commonest misspellings there is;
    /// only long words, and only when exactly one template word answers.
    private func movedDouble(_ word: String) -> String? {
        let letters = Array(word)
        guard letters.count >= Self.movedDoubleMinimumLength else { return nil }
        var found: Set<String> = []
        for double in 0..<(letters.count - 1) where letters[double] == letters[double + 1] {
            var single = letters
            single.remove(at: double)
            for other in single.indices where other != double && single[other].isLetter
                && (other + 1 == single.count || single[other + 1] != single[other])
                && (other == 0 || single[other - 1] != single[other]) {
                var candidate = single
                candidate.insert(single[other], at: other)
                let text = String(candidate)
                if deletions[text]?.contains(where: { words[Int($0)] == text }) == true { found.insert(text) }
            }
        }
        return found.count == 1 ? found.first : nil
    }
}
