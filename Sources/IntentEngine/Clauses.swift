/// The clauses of a line: stretches of words between punctuation marks (`,` `.` `;` `:` `!`
/// `?`). An intent's `coverage` is a share of the clauses its match touches, not of the whole
/// line, so a short answer or a question said after a comma still counts ("ok thats my bit,
/// leo can go now"; "we argue about chores, how do other couples handle that"), while the
/// same words inside one longer clause ("we finished the kitchen tiles this weekend") do not.
struct Clauses {
    /// Per word: the number of its clause, counted from 0.
    private let clauseOfWord: [Int]
    /// Per clause: how many of its words are not skip words.
    private let contentWords: [Int]

    private static let marks: Set<Character> = [",", ".", ";", ":", "!", "?"]

    init(tokens: [Token], skip: [Bool], text: inout SpokenText) {
        var clauseOfWord: [Int] = []
        var contentWords: [Int] = []
        for (position, token) in tokens.enumerated() {
            if position == 0 {
                contentWords.append(0)
            } else {
                // Words a chat spelling expanded into share one place, so nothing lies between them.
                let gapStart = max(0, tokens[position - 1].end)
                if text.contains(Self.marks, in: gapStart..<max(gapStart, token.start)) { contentWords.append(0) }
            }
            clauseOfWord.append(contentWords.count - 1)
            if !skip[position] { contentWords[contentWords.count - 1] += 1 }
        }
        self.clauseOfWord = clauseOfWord
        self.contentWords = contentWords
    }

    /// The content words of the clauses that the words `start..<end` touch (at least 1).
    func contentWords(touching start: Int, _ end: Int) -> Int {
        guard start < end, end <= clauseOfWord.count else { return 1 }
        return max(1, contentWords[clauseOfWord[start]...clauseOfWord[end - 1]].reduce(0, +))
    }
}
