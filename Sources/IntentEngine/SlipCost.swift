/// How likely a one-slip typing error is, as a cost (lower is likelier), from the kinds of
/// slip people make at a keyboard: leaving out one letter of a double ("realy") or doubling
/// one ("untill") costs 0; swapping two neighbours ("teh") or hitting a neighbouring key
/// ("fesl") 1; leaving out another letter 2; anything else 3.
enum SlipCost {
    static func of(_ typed: String, _ known: String) -> Int {
        guard typed.isPlainASCII, known.isPlainASCII else { return 3 }
        return of(Array(typed.utf8), Array(known.utf8))
    }

    static func of(_ typed: [UInt8], _ known: [UInt8]) -> Int {
        let first = (0..<min(typed.count, known.count)).first { typed[$0] != known[$0] } ?? min(typed.count, known.count)
        if typed.count == known.count {
            guard first < typed.count else { return 3 }
            if first + 1 < typed.count, typed[first] == known[first + 1], typed[first + 1] == known[first] { return 1 }
            return adjacent(typed[first], known[first]) ? 1 : 3
        }
        // One letter more on one side: a double is the likeliest slip.
        let (long, short, missed) = typed.count < known.count ? (known, typed, true) : (typed, known, false)
        guard long.count == short.count + 1 else { return 3 }
        let letter = long[first]
        let doubled = (first > 0 && long[first - 1] == letter) || (first + 1 < long.count && long[first + 1] == letter)
        if doubled { return 0 }
        if missed { return 2 }
        let neighbours = [first > 0 ? long[first - 1] : nil, first + 1 < long.count ? long[first + 1] : nil].compactMap { $0 }
        return neighbours.contains { adjacent($0, letter) } ? 2 : 3
    }

    /// Calls `body` with each edit of `word` whose cost is below `limit` and at most 1:
    /// doubled letters added or removed, neighbours swapped, neighbouring keys struck.
    static func likelyEdits(of word: [UInt8], below limit: Int, _ body: ([UInt8]) -> Void) {
        guard limit > 0 else { return }
        var edit: [UInt8] = []
        edit.reserveCapacity(word.count + 1)
        for index in word.indices {
            edit = word
            edit.insert(word[index], at: index)
            body(edit)
            if index + 1 < word.count, word[index] == word[index + 1] {
                edit = word
                edit.remove(at: index)
                body(edit)
            }
        }
        guard limit > 1 else { return }
        for index in word.indices {
            if index + 1 < word.count, word[index] != word[index + 1] {
                edit = word
                edit.swapAt(index, index + 1)
                body(edit)
            }
            for key in neighbours(of: word[index]) {
                edit = word
                edit[index] = key
                body(edit)
            }
        }
    }

    private static let rows: [[UInt8]] = [Array("qwertyuiop".utf8), Array("asdfghjkl".utf8), Array("zxcvbnm".utf8)]
    private static let rowShift = [0.0, 0.25, 0.75]

    private static func position(_ key: UInt8) -> (x: Double, y: Int)? {
        for (row, keys) in rows.enumerated() {
            if let column = keys.firstIndex(of: key) { return (Double(column) + rowShift[row], row) }
        }
        return nil
    }

    /// Keys that touch on a QWERTY keyboard.
    static func adjacent(_ a: UInt8, _ b: UInt8) -> Bool {
        guard a != b, let p = position(a), let q = position(b) else { return false }
        return abs(p.y - q.y) <= 1 && abs(p.x - q.x) <= 1.0
    }

    private static func neighbours(of key: UInt8) -> [UInt8] {
        rows.joined().filter { adjacent(key, $0) }
    }
}
