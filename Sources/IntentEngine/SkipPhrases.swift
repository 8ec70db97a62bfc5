/// Skip words of more than one word ("please could you"), as hassil reads them: the phrase is
/// passed over only when all of it is there, in order, so "could" alone stays a word to match.
struct SkipPhrases: Sendable {
    /// The phrases, each two words or more, in the order written.
    let phrases: [[String]]
    /// First word → the phrases that begin with it, in the order written: an index into
    /// `groups`, looked up for every word of every line (`WordTable`, not a hashed dictionary).
    private let firstWords: WordTable
    private let groups: [[[String]]]

    init(_ phrases: [[String]]) {
        self.phrases = phrases.filter { $0.count > 1 }
        var index: [String: Int32] = [:]
        var groups: [[[String]]] = []
        for phrase in self.phrases {
            if let known = index[phrase[0]] {
                groups[Int(known)].append(phrase)
            } else {
                index[phrase[0]] = Int32(groups.count)
                groups.append([phrase])
            }
        }
        firstWords = WordTable(index)
        self.groups = groups
    }

    /// Marks as skippable every word of `tokens` inside one of the phrases.
    func mark(_ tokens: [Token], in skip: inout [Bool]) {
        guard !groups.isEmpty else { return }
        for start in tokens.indices {
            guard let group = firstWords[tokens[start].word] else { continue }
            let candidates = groups[Int(group)]
            for phrase in candidates where start + phrase.count <= tokens.count
                && phrase.indices.allSatisfy({ tokens[start + $0].word == phrase[$0] }) {
                for position in start..<(start + phrase.count) { skip[position] = true }
            }
        }
    }
}
