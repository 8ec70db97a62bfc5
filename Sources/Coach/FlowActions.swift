import IntentEngine
import TranscriptFormat

/// The built-in actions a flow state can run on a line; their results drive transitions.
enum FlowActions {
    struct Outcome {
        var result: String
        var variables: [String: String] = [:]
        var mirror: MirrorJudgement?
    }

    static func run(_ action: FlowAction, text: String, run flowRun: FlowRun, turn: Turn, speaker: Int) -> Outcome {
        let lexicon = turn.script.lexicon
        switch action {
        case .mirrorCheck:
            let original = flowRun.variables["message"] ?? ""
            let listener = turn.state.partners.indices.contains(speaker) ? turn.state.partners[speaker] : nil
            let verdict = MirrorCheck(lexicon: lexicon, language: turn.script.matcher.language).judge(mirror: text, of: original,
                                                              speaker: flowRun.variables["message_by"], listener: listener)
            return Outcome(result: verdict.verdict.rawValue, variables: [
                "missed": naturalList(verdict.missed),
                "added": naturalList(verdict.added),
                "kept": naturalList(verdict.kept),
            ], mirror: verdict)
        case .questionKind:
            return Outcome(result: QuestionKind.classify(text, lexicon: lexicon).rawValue)
        case .feelingCheck:
            let words = TextNormalizer.words(text)
            let phrase = lexicon.pseudoFeelings.keys.sorted().first { key in
                let parts = key.split(separator: " ").map(String.init)
                guard parts.count > 1, words.count >= parts.count else { return false }
                return (0...(words.count - parts.count)).contains { Array(words[$0..<($0 + parts.count)]) == parts }
            }
            if let pseudo = phrase ?? words.first(where: { lexicon.pseudoFeelings[$0] != nil }) {
                return Outcome(result: "pseudo", variables: ["feeling": pseudo, "felt": naturalList(lexicon.pseudoFeelings[pseudo] ?? [], joiner: "or")])
            }
            if let feeling = words.first(where: { lexicon.feelings.contains($0) }) {
                return Outcome(result: "feeling", variables: ["feeling": feeling])
            }
            return Outcome(result: "none")
        case .absoluteCheck:
            let words = TextNormalizer.words(text)
            if let absolute = words.first(where: { lexicon.absolutes.contains($0) }) {
                return Outcome(result: "absolute", variables: ["absolute": absolute])
            }
            return Outcome(result: "fine")
        }
    }

    /// "a", "a and b", "a, b and c".
    static func naturalList(_ items: [String], joiner: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(joiner) " + items.last!
        }
    }
}

/// Open questions invite a story; closed ones a yes or no. Active listening favours open ones.
public enum QuestionKind: String, Sendable {
    case open, closed, statement

    /// Sorts a question by its first words, after any lead-in ("so", "okay"), from the
    /// lexicon's `open_question_starts` and `closed_question_starts`.
    public static func classify(_ text: String, lexicon: Lexicon) -> QuestionKind {
        var words = TextNormalizer.words(text)[...]
        while let first = words.first, lexicon.questionLeadIns.contains(first) { words.removeFirst() }
        guard let first = words.first else { return .statement }
        if lexicon.openQuestionStarts.contains(where: { words.starts(with: $0) }) { return .open }
        if lexicon.closedQuestionStarts.contains(first) { return .closed }
        return text.trimmingWhitespace().hasSuffix("?") ? .closed : .statement
    }
}
