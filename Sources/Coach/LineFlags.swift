import IntentEngine

/// The flags a partner line carries in the transcript: the four horsemen when any of their
/// templates matched (not only when one won), "I" statements, and how sure the reading was.
enum LineFlags {
    static let horsemen = ["criticism", "contempt", "defensiveness", "stonewalling"]

    static func flags(for match: MatchResult, text: String, firstPerson: Set<String>) -> [String] {
        var flags: [String] = []
        let matched = Set(match.candidates.filter { $0.tier != .keyword || $0.intent == match.intent }.map(\.intent))
        // "I feel hurt when you don't listen" is the antidote, not the horseman: a pattern
        // outranked by a feeling or need statement is not flagged.
        let statement = match.candidates.first { $0.intent == "express_feeling" || $0.intent == "express_need" }
        for horseman in horsemen where matched.contains(horseman) {
            if let statement, let pattern = match.candidates.first(where: { $0.intent == horseman }), statement.outranks(pattern) { continue }
            flags.append(horseman)
        }
        let words = TextNormalizer.words(text)
        if words.contains(where: firstPerson.contains) {
            if matched.contains("express_feeling") || matched.contains("express_need") { flags.append("i_statement") }
        }
        if match.isFuzzy { flags.append("fuzzy") }
        if match.isAmbiguous { flags.append("ambiguous") }
        return flags
    }
}
