/// How a candidate was found; earlier tiers always rank above later ones.
public enum MatchTier: Int, Sendable, Comparable, CustomStringConvertible {
    case template = 0
    case fuzzyTemplate = 1
    case keyword = 2

    public static func < (lhs: MatchTier, rhs: MatchTier) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .template: return "template"
        case .fuzzyTemplate: return "fuzzy template"
        case .keyword: return "keywords"
        }
    }
}

/// A slot filled by a match: the value it maps to and where it was said.
public struct SlotMatch: Sendable, Hashable {
    public var name: String
    /// The list's `out` value, or the spoken text for a wildcard list.
    public var value: String
    /// The words as typed.
    public var text: String
    /// Character offsets into the utterance.
    public var start: Int
    public var end: Int
}

/// One intent that could be what was meant, with why.
public struct IntentCandidate: Sendable, Equatable {
    public var intent: String
    public var confidence: Double
    public var tier: MatchTier
    /// Literal template words matched (slot values count as literal).
    public var literalWords: Int
    /// Words swallowed by `*` and wildcard lists.
    public var wildcardWords: Int
    /// Words of the stretch matched only as another form of a template word ("felt" for
    /// "feel"): at equal literal words, the exact form ranks first.
    public var inflectedWords: Int = 0
    public var priority: Int
    /// The safety kind of a crisis intent.
    public var safety: String?
    /// The template that matched, for template tiers.
    public var template: TemplateSource?
    public var slots: [SlotMatch]
    /// For the keyword tier: the keywords found and their summed weight.
    public var keywords: [String]
    public var keywordScore: Double
    /// Character offsets of the stretch the template matched.
    public var span: Range<Int>?
    /// The stretch is the whole line (skip words at its edges aside), and it counts as such
    /// in the ranking: see `Matcher.explainsWholeLine`.
    public var wholeLine: Bool = false

    /// Whether this candidate outranks `other` under the documented specificity order:
    /// crisis first (when it reads as one: `readsAsCrisis`), then a match of the whole line before one of a
    /// stretch (hassil matches whole sentences only), then literal words matched as written, fewer
    /// wildcard words, the tier (exact before typo-corrected before keywords), fewer words
    /// matched as another form, the keyword score, priority. A word matched as another form
    /// lets a template match, but never outranks one that matched as written.
    public func outranks(_ other: IntentCandidate) -> Bool {
        rankKey < other.rankKey
    }

    /// Equal keys on different intents make a tie. A crisis match jumps the queue when it reads
    /// the warning sign whatever the forms of its words: matched as written, over the whole
    /// line, or with at most one word of three or more in another form ("disappeared for
    /// good" is "disappear for good", and must not lose to "idk" said before it). A single
    /// word in another form inside a short match ("check" for "checks my phone") does not; a
    /// template whose meaning hangs on its forms says `forms: exact`.
    var readsAsCrisis: Bool {
        guard safety != nil else { return false }
        return inflectedWords == 0 || wholeLine || (literalWords >= 3 && inflectedWords <= 1)
    }

    var rankKey: RankKey {
        RankKey(crisis: readsAsCrisis ? 0 : 1, partial: wholeLine ? 0 : 1, tier: tier.rawValue, exact: -(literalWords - inflectedWords),
                wildcard: wildcardWords, inflected: inflectedWords, keyword: -keywordScore, priority: -priority)
    }

    struct RankKey: Comparable, Equatable {
        var crisis: Int, partial: Int, tier: Int, exact: Int, wildcard: Int, inflected: Int, keyword: Double, priority: Int
        static func < (a: RankKey, b: RankKey) -> Bool {
            if (a.crisis, a.partial, a.exact, a.wildcard, a.tier) != (b.crisis, b.partial, b.exact, b.wildcard, b.tier) {
                return (a.crisis, a.partial, a.exact, a.wildcard, a.tier) < (b.crisis, b.partial, b.exact, b.wildcard, b.tier)
            }
            return (a.inflected, a.keyword, a.priority) < (b.inflected, b.keyword, b.priority)
        }
    }
}

/// What the matcher made of an utterance.
public struct MatchResult: Sendable {
    public static let noneIntent = "none"

    public var text: String
    /// The winning intent, or `none` below the threshold.
    public var intent: String
    public var confidence: Double
    /// The winner, when there is one above the threshold.
    public var best: IntentCandidate?
    /// Every intent that matched, best first, one entry per intent.
    public var candidates: [IntentCandidate]
    /// The two best are different intents the specificity order cannot separate.
    public var isAmbiguous: Bool
    /// The winner was found only after correcting typos.
    public var isFuzzy: Bool
    /// Typo corrections applied: typed word → known word.
    public var corrections: [(typed: String, known: String)]

    /// The winner's slots as name → value.
    public var slots: [String: String] {
        var result: [String: String] = [:]
        for slot in best?.slots ?? [] where result[slot.name] == nil { result[slot.name] = slot.value }
        return result
    }

    /// The safety kind when the winner is a crisis intent.
    public var safety: String? { best?.safety }

    /// The reading of a line known only by the intent recorded for it, such as a transcript
    /// line whose words were withheld: certain, with no slots and no text.
    public static func recorded(intent: String, safety: String?) -> MatchResult {
        let candidate = IntentCandidate(intent: intent, confidence: 1, tier: .template, literalWords: 0, wildcardWords: 0,
                                        priority: 0, safety: safety, template: nil, slots: [], keywords: [], keywordScore: 0,
                                        span: nil)
        return MatchResult(text: "", intent: intent, confidence: 1, best: candidate, candidates: [candidate],
                           isAmbiguous: false, isFuzzy: false, corrections: [])
    }
}

/// Equal readings of a line: a session keeps a held line's reading in its (equatable) state.
extension MatchResult: Equatable {
    public static func == (a: MatchResult, b: MatchResult) -> Bool {
        a.text == b.text && a.intent == b.intent && a.confidence == b.confidence && a.best == b.best
            && a.candidates == b.candidates && a.isAmbiguous == b.isAmbiguous && a.isFuzzy == b.isFuzzy
            && a.corrections.map(\.typed) == b.corrections.map(\.typed) && a.corrections.map(\.known) == b.corrections.map(\.known)
    }
}
