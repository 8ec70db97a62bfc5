/// A read-only map from a word to a number, for the look-ups every typed word makes (its id,
/// another form of it, its stem): FNV-1a over its bytes and open addressing. The standard
/// dictionary hashes each key with a seeded SipHash, about 340 instructions a look-up (a
/// tenth of a match, measured with callgrind); this is a few dozen.
struct WordTable: Sendable {
    /// Per slot: its word ("" for none; no word is empty) and value.
    private let words: [String]
    private let values: [Int32]
    private let mask: Int

    init(_ map: [String: Int32]) {
        var size = 16
        while size < 2 * map.count { size *= 2 }
        var words = [String](repeating: "", count: size)
        var values = [Int32](repeating: -1, count: size)
        for (word, value) in map where !word.isEmpty {
            var slot = Self.hash(word) & (size - 1)
            while !words[slot].isEmpty { slot = (slot + 1) & (size - 1) }
            words[slot] = word
            values[slot] = value
        }
        self.words = words
        self.values = values
        mask = size - 1
    }

    @inline(__always)
    subscript(word: String) -> Int32? {
        var slot = Self.hash(word) & mask
        while true {
            let found = words[slot]
            if found.isEmpty { return nil }
            if found == word { return values[slot] }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func hash(_ word: String) -> Int {
        let hash = FNV1a.hash(word.utf8)
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
