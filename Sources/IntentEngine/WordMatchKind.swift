/// How one word of a line met a template, as `explain` shows it.
public enum WordMatchKind: String, Sendable {
    /// The template writes this very form.
    case exact
    /// Another form of a template word ("felt" for "feel", "mornings" for "morning").
    case inflected
    /// A member of a concept the template uses (`{~fight}` took "argument").
    case concept
    /// A typing slip, corrected to a template word.
    case typo
    /// Taken by a wildcard, or a skip word let pass.
    case other
}

extension Matcher {
    /// Each word of `candidate`'s stretch and how it matched, for `explain`. Works from the
    /// template's syntax tree, so it is empty when the matcher came from the start-up cache
    /// (which keeps no trees): calling every word `other` there would mislead an author.
    public func wordMatches(of candidate: IntentCandidate, in result: MatchResult) -> [(word: String, kind: WordMatchKind)] {
        guard keepsSyntaxTrees, let span = candidate.span, let template = candidate.template, candidate.tier != .keyword else { return [] }
        var written: Set<String> = []
        var conceptWords: Set<String> = []
        collectWords(template.node, written: &written, concepts: &conceptWords, depth: 0)
        let writtenIDs = Set(written.map { wordID($0).id })
        let conceptIDs = Set(conceptWords.map { wordID($0).id })
        let corrected = Dictionary(result.corrections.map { ($0.typed, $0.known) }, uniquingKeysWith: { first, _ in first })
        return language.tokenize(result.text).filter { $0.start >= span.lowerBound && $0.end <= span.upperBound }.map { token in
            let word = token.word
            if candidate.tier == .fuzzyTemplate, let known = corrected[word], writtenIDs.contains(wordID(known).id) || conceptIDs.contains(wordID(known).id) {
                return (word, .typo)
            }
            let id = wordID(word).id
            if written.contains(word) { return (word, .exact) }
            if conceptWords.contains(word) { return (word, .concept) }
            if id >= 0 && writtenIDs.contains(id) { return (word, .inflected) }
            if id >= 0 && conceptIDs.contains(id) { return (word, .concept) }
            return (word, .other)
        }
    }

    private func collectWords(_ node: TemplateNode, written: inout Set<String>, concepts: inout Set<String>, depth: Int) {
        guard depth < 32 else { return }
        switch node {
        case .word(let word): written.insert(word)
        case .sequence(let parts), .alternatives(let parts), .permutation(let parts):
            for part in parts { collectWords(part, written: &written, concepts: &concepts, depth: depth + 1) }
        case .optional(let body): collectWords(body, written: &written, concepts: &concepts, depth: depth + 1)
        case .wildcard: break
        case .list(let name, _, _) where name.hasPrefix("~"):
            for member in language.concepts[String(name.dropFirst())] ?? [] { concepts.formUnion(member) }
        case .list(let name, _, _):
            for value in listValues[name] ?? [] { collectWords(value, written: &written, concepts: &concepts, depth: depth + 1) }
        case .rule(let name, _):
            if let body = ruleBodies[name] { collectWords(body, written: &written, concepts: &concepts, depth: depth + 1) }
        }
    }
}
