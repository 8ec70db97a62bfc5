/// A read-only map from a pair of small numbers (a table or a first word, and a word id) to a
/// number. Matching asks it "can this word follow?" and "where does this word go in that
/// list?" many times per utterance. Each group's entries lie side by side, sorted by word, and
/// are searched in place: a group a match uses often (a word list shared by many templates, a
/// common first word) stays in the processor's cache, where a hash table spread over a
/// megabyte missed it on nearly every look-up (the hottest line of a match, measured with
/// `perf`). The standard dictionary would also hash every key with a seeded SipHash.
struct WordPairTable: Sendable {
    /// Group `g`'s entries are at `words[groupBegin[g]..<groupBegin[g + 1]]`, sorted, with
    /// their values at the same places in `values`.
    private let groupBegin: [Int32]
    private let words: [Int32]
    private let values: [Int32]

    /// `entries` must not repeat a pair; groups and words are not negative.
    init(_ entries: [(group: Int32, word: Int32, value: Int32)]) {
        let sorted = entries.sorted { ($0.group, $0.word) < ($1.group, $1.word) }
        let groups = Int(sorted.last.map { $0.group + 1 } ?? 0)
        var groupBegin = [Int32](repeating: 0, count: groups + 1)
        for entry in sorted { groupBegin[Int(entry.group) + 1] += 1 }
        for group in 0..<groups { groupBegin[group + 1] += groupBegin[group] }
        self.groupBegin = groupBegin
        words = sorted.map(\.word)
        values = sorted.map(\.value)
    }

    /// The value stored for the pair, or nil.
    @inline(__always)
    func value(_ group: Int32, _ word: Int32) -> Int32? {
        guard group >= 0, Int(group) + 1 < groupBegin.count else { return nil }
        var low = Int(groupBegin[Int(group)])
        var high = Int(groupBegin[Int(group) + 1])
        // Halve a long group, then scan the few entries left.
        while high - low > 8 {
            let middle = (low + high) / 2
            if words[middle] <= word { low = middle } else { high = middle }
        }
        while low < high {
            let found = words[low]
            if found == word { return values[low] }
            if found > word { return nil }
            low += 1
        }
        return nil
    }

    @inline(__always)
    func contains(_ group: Int32, _ word: Int32) -> Bool { value(group, word) != nil }
}
