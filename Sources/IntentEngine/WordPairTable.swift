/// Where each group's entries begin in a table sorted by (group, word), and the search of one
/// group for a word, shared by the tables below: a group lies side by side, so a long one is
/// halved and the few entries left are scanned in the processor's cache.
struct WordGroups: Sendable {
    /// Group `g`'s entries are at `begin[g]..<begin[g + 1]`.
    private let begin: FrozenList<Int32>

    /// `groups` is the group of every entry, in order, never negative.
    init(_ groups: [Int32]) {
        let count = Int(groups.last.map { $0 + 1 } ?? 0)
        var begin = [Int32](repeating: 0, count: count + 1)
        for group in groups { begin[Int(group) + 1] += 1 }
        for group in 0..<count { begin[group + 1] += begin[group] }
        self.begin = FrozenList(begin)
    }

    /// The index of the entry of `group` whose word is `word`, or nil; `wordAt` reads an
    /// entry's word.
    @inline(__always)
    func find(_ group: Int32, _ word: Int32, wordAt: (Int) -> Int32) -> Int? {
        guard group >= 0, Int(group) + 1 < begin.count else { return nil }
        var low = Int(begin[Int(group)])
        var high = Int(begin[Int(group) + 1])
        while high - low > 8 {
            let middle = (low + high) / 2
            if wordAt(middle) <= word { low = middle } else { high = middle }
        }
        while low < high {
            let found = wordAt(low)
            if found == word { return low }
            if found > word { return nil }
            low += 1
        }
        return nil
    }
}

/// A read-only map from a pair of small numbers (a table or a first word, and a word id) to a
/// number. Matching asks it "can this word follow?" and "where does this word go in that
/// list?" many times per utterance. Each group's entries lie side by side, sorted by word, and
/// are searched in place: a group a match uses often (a word list shared by many templates, a
/// common first word) stays in the processor's cache, where a hash table spread over a
/// megabyte missed it on nearly every look-up (the hottest line of a match, measured with
/// `perf`). The standard dictionary would also hash every key with a seeded SipHash.
struct WordPairTable: Sendable {
    /// Each group's entries in `words`, sorted, with their values at the same places in `values`.
    private let groups: WordGroups
    private let words: FrozenList<Int32>
    private let values: FrozenList<Int32>

    /// `entries` must not repeat a pair; groups and words are not negative.
    init(_ entries: [(group: Int32, word: Int32, value: Int32)]) {
        let sorted = entries.sorted { ($0.group, $0.word) < ($1.group, $1.word) }
        groups = WordGroups(sorted.map(\.group))
        words = FrozenList(sorted.map(\.word))
        values = FrozenList(sorted.map(\.value))
    }

    /// The value stored for the pair, or nil.
    @inline(__always)
    func value(_ group: Int32, _ word: Int32) -> Int32? {
        groups.find(group, word) { words[$0] }.map { values[$0] }
    }

    @inline(__always)
    func contains(_ group: Int32, _ word: Int32) -> Bool { value(group, word) != nil }
}

/// A read-only map from a pair of small numbers (a table or a first word, and a word id) to
/// a list of items: the starts of a word pair, the places a word of a word list leads to.
/// Searched like `WordPairTable`, but each entry holds where its list begins, next to its
/// word, so a look-up reads the group's words and then the items, with no index in between:
/// the runner makes these look-ups for most words, and each table read is a likely miss in
/// the processor's caches.
struct WordPairLists<Item: BitwiseCopyable>: Sendable {
    private struct Entry: BitwiseCopyable {
        var word: Int32
        /// Where the entry's items begin in `items`; they end where the next entry's begin.
        var begin: Int32
    }

    /// Each group's entries, sorted by word; one more entry at the end closes the last list.
    private let groups: WordGroups
    private let entries: FrozenList<Entry>
    let items: FrozenList<Item>

    /// `lists` must not repeat a pair; groups and words are not negative. The items of a
    /// pair keep their order.
    init(_ lists: [(group: Int32, word: Int32, items: [Item])]) {
        let sorted = lists.sorted { ($0.group, $0.word) < ($1.group, $1.word) }
        groups = WordGroups(sorted.map(\.group))
        var entries: [Entry] = []
        var items: [Item] = []
        entries.reserveCapacity(sorted.count + 1)
        for list in sorted {
            entries.append(Entry(word: list.word, begin: Int32(items.count)))
            items += list.items
        }
        entries.append(Entry(word: Int32.max, begin: Int32(items.count)))
        self.entries = FrozenList(entries)
        self.items = FrozenList(items)
    }

    /// Where the pair's items are in `items`, or nil when it has none.
    @inline(__always)
    func range(_ group: Int32, _ word: Int32) -> Range<Int>? {
        groups.find(group, word) { entries[$0].word }.map { Int(entries[$0].begin)..<Int(entries[$0 + 1].begin) }
    }
}

/// `WordPairLists` of numbers whose entries hold their first number too, for the dispatch
/// tables: a word of a word list nearly always leads to one place, read with the word.
struct WordPairNumbers: Sendable {
    private struct Entry: BitwiseCopyable {
        var word: Int32
        /// The list's first number, or `Int32.min` when it is empty.
        var first: Int32
        /// Where the rest of the list begins in `rest`; it ends where the next entry's begins.
        var begin: Int32
    }

    private let groups: WordGroups
    private let entries: FrozenList<Entry>
    let rest: FrozenList<Int32>

    /// `lists` must not repeat a pair; groups and words are not negative.
    init(_ lists: [(group: Int32, word: Int32, items: [Int32])]) {
        let sorted = lists.sorted { ($0.group, $0.word) < ($1.group, $1.word) }
        groups = WordGroups(sorted.map(\.group))
        var entries: [Entry] = []
        var rest: [Int32] = []
        entries.reserveCapacity(sorted.count + 1)
        for list in sorted {
            entries.append(Entry(word: list.word, first: list.items.first ?? Int32.min, begin: Int32(rest.count)))
            rest += list.items.dropFirst()
        }
        entries.append(Entry(word: Int32.max, first: Int32.min, begin: Int32(rest.count)))
        self.entries = FrozenList(entries)
        self.rest = FrozenList(rest)
    }

    /// The pair's first number (`Int32.min` for none) and where the others are in `rest`,
    /// or nil when the pair is not in the table.
    @inline(__always)
    func numbers(_ group: Int32, _ word: Int32) -> (first: Int32, rest: Range<Int>)? {
        groups.find(group, word) { entries[$0].word }.map { (entries[$0].first, Int(entries[$0].begin)..<Int(entries[$0 + 1].begin)) }
    }
}
