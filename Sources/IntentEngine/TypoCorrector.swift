/// Finds the known word one typing slip away from an unknown word, with a deletion index
/// (SymSpell's idea): a word and its one-letter deletions are looked up, never the whole
/// vocabulary scanned.
import Synchronization

/// Builds the deletion index the first time a correction is asked for: most sessions begin
/// with a prompt, not a typo, and start-up has a budget of 30 ms.
final class LazyTypoCorrector: Sendable {
    private let words: [String]
    private let minimumLength: Int
    private let built = Mutex<TypoCorrector?>(nil)

    init(words: [String], minimumLength: Int) {
        self.words = words
        self.minimumLength = minimumLength
    }

    func correction(for word: String) -> Int32? {
        built.withLock { corrector in
            if corrector == nil { corrector = TypoCorrector(words: words, minimumLength: minimumLength) }
            return corrector!.correction(for: word)
        }
    }
}

struct TypoCorrector: Sendable {
    /// Shorter words have too many neighbours to guess safely.
    let minimumLength: Int
    private var deletions: [String: [Int32]] = [:]
    private let words: [String]

    init(words: [String], minimumLength: Int) {
        self.words = words
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

    /// The known word closest to `word` (distance 1), preferring the alphabetically first
    /// among equals so the choice never depends on load order; nil when there is none.
    func correction(for word: String) -> Int32? {
        let ascii = word.isPlainASCII
        guard (ascii ? word.utf8.count : word.count) >= minimumLength, !word.allSatisfy(\.isNumber) else { return nil }
        var best: Int32?
        func consider(_ variant: String) {
            for id in deletions[variant] ?? [] {
                let known = words[Int(id)]
                guard EditDistance.isOneSlip(word, known), Self.plausibleSlip(word, known) else { continue }
                if let current = best, words[Int(current)] <= known { continue }
                best = id
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
        } else {
            for variant in Self.variants(of: word) { consider(variant) }
        }
        return best
    }
}
