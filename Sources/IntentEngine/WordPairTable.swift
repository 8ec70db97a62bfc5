/// A read-only map from a pair of small numbers (a table or set, and a word id) to a number,
/// with open addressing and a multiplicative hash. Matching asks it "can this word follow?"
/// and "where does this word go in that list?" many times per utterance; the standard
/// dictionary hashes every key with a seeded SipHash, which costs more than the whole answer.
struct WordPairTable: Sendable {
    /// A key and its value side by side, so a look-up reads one cache line, not two.
    private struct Slot: Sendable {
        var key: UInt64
        var value: Int32
    }

    private let slots: [Slot]
    private let shift: UInt64

    private static let empty = UInt64.max

    /// `entries` must not repeat a pair.
    init(_ entries: [(group: Int32, word: Int32, value: Int32)]) {
        var bits: UInt64 = 4
        while (1 << bits) < 2 * max(entries.count, 1) { bits += 1 }
        shift = 64 - bits
        var slots = [Slot](repeating: Slot(key: Self.empty, value: -1), count: 1 << bits)
        let mask = (1 << Int(bits)) - 1
        for entry in entries {
            let key = Self.key(entry.group, entry.word)
            var slot = Self.slot(of: key, shift: shift)
            while slots[slot].key != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: key, value: entry.value)
        }
        self.slots = slots
    }

    /// The value stored for the pair, or nil.
    @inline(__always)
    func value(_ group: Int32, _ word: Int32) -> Int32? {
        let key = Self.key(group, word)
        let mask = slots.count - 1
        var slot = Self.slot(of: key, shift: shift)
        while true {
            let found = slots[slot]
            if found.key == key { return found.value }
            if found.key == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    func contains(_ group: Int32, _ word: Int32) -> Bool { value(group, word) != nil }

    @inline(__always)
    private static func key(_ group: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: group)) << 32 | UInt64(UInt32(bitPattern: word))
    }

    @inline(__always)
    private static func slot(of key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
