/// Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of two
/// neighbouring letters), which is what typing slips are made of: "lonley", "tlak".
public enum EditDistance {
    /// The distance between `a` and `b`, or `limit + 1` as soon as it is known to exceed `limit`.
    public static func damerau(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previousPrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[y.count]
    }

    /// Whether `a` and `b` are exactly one slip apart (distance 1): the question typo
    /// correction asks for every candidate, answered in one pass without a table.
    public static func isOneSlip(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        guard a.isPlainASCII, b.isPlainASCII else {
            return damerau(a, b, limit: 1) == 1
        }
        return a.withUTF8 { x in b.withUTF8 { y in isOneSlip(x, y) } }
    }

    private static func isOneSlip(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        if x.count == y.count {
            guard let first = x.indices.first(where: { x[$0] != y[$0] }) else { return false }
            let last = x.indices.last { x[$0] != y[$0] }!
            // One letter changed, or two neighbours swapped.
            return first == last || (last == first + 1 && x[first] == y[last] && x[last] == y[first])
        }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        guard long.count == short.count + 1 else { return false }
        // One letter left out: everything after the first difference lines up one place on.
        let gap = short.indices.first { short[$0] != long[$0] } ?? short.count
        return (gap..<short.count).allSatisfy { short[$0] == long[$0 + 1] }
    }
}
