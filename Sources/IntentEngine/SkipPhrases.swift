/// Skip words of more than one word ("please could you"), as hassil reads them: the phrase is
/// passed over only when all of it is there, in order, so "could" alone stays a word to match.
struct SkipPhrases: Sendable {
    /// The phrases, each two words or more, in the order written.
    let phrases: [[String]]
    /// First word → the phrases that begin with it.
    private let byFirstWord: [String: [[String]]]

    init(_ phrases: [[String]]) {
        self.phrases = phrases.filter { $0.count > 1 }
        byFirstWord = Dictionary(grouping: self.phrases, by: { $0[0] })
    }

    /// Marks as skippable every word of `tokens` inside one of the phrases.
    func mark(_ tokens: [Token], in skip: inout [Bool]) {
        guard !byFirstWord.isEmpty else { return }
        for start in tokens.indices {
            guard let candidates = byFirstWord[tokens[start].word] else { continue }
            for phrase in candidates where start + phrase.count <= tokens.count
                && phrase.indices.allSatisfy({ tokens[start + $0].word == phrase[$0] }) {
                for position in start..<(start + phrase.count) { skip[position] = true }
            }
        }
    }
}
