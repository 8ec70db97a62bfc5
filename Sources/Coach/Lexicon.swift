import IntentEngine

/// Word lists the coaching logic reads (from `lexicon:` in `Intents/`): feeling words, the
/// accusing pseudo-feelings and what they usually cover, judgement words, mirror openers.
/// Kept as data so a coach can refine them without touching Swift.
public struct Lexicon: Sendable {
    /// Feeling words people name ("lonely", "hurt").
    public var feelings: Set<String> = []
    /// Accusing words dressed as feelings ("ignored") → the felt feelings they often cover.
    public var pseudoFeelings: [String: [String]] = [:]
    /// Words that judge rather than mirror ("overreacting", "dramatic").
    public var judgements: Set<String> = []
    /// "Always", "never" and their kin.
    public var absolutes: Set<String> = []
    /// Phrases a mirror starts with ("so what i'm hearing is"), as word sequences.
    public var mirrorOpeners: [[String]] = []
    /// Words with little content, left out of mirror comparison.
    public var stopwords: Set<String> = []
    /// Words that start advice ("should", "just").
    public var advice: [[String]] = []
    /// Words that start a defence ("but").
    public var defence: Set<String> = []

    static let keys = ["feelings", "pseudo_feelings", "judgements", "absolutes", "mirror_openers", "stopwords", "advice", "defence"]

    static func load(_ sections: [String: NamedSection]) -> (Lexicon, [Diagnostic]) {
        var lexicon = Lexicon()
        var diagnostics: [Diagnostic] = []
        for (name, section) in sections.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "pseudo_feelings":
                guard case .mapping(let pairs, _) = section.value else {
                    diagnostics.append(.error(at: section.value.location, "'pseudo_feelings' must map a word to felt feelings"))
                    continue
                }
                for (word, _, felt) in pairs {
                    lexicon.pseudoFeelings[TextNormalizer.words(word).joined(separator: " ")] =
                        FlowLoader.texts(felt, word, &diagnostics)
                }
            case "mirror_openers", "advice":
                let phrases = FlowLoader.texts(section.value, name, &diagnostics).map(TextNormalizer.words).filter { !$0.isEmpty }
                if name == "advice" { lexicon.advice = phrases } else { lexicon.mirrorOpeners = phrases.sorted { $0.count > $1.count } }
            case "feelings", "judgements", "absolutes", "stopwords", "defence":
                let words = Set(FlowLoader.texts(section.value, name, &diagnostics).flatMap(TextNormalizer.words))
                switch name {
                case "feelings": lexicon.feelings = words
                case "judgements": lexicon.judgements = words
                case "absolutes": lexicon.absolutes = words
                case "stopwords": lexicon.stopwords = words
                default: lexicon.defence = words
                }
            default:
                diagnostics.append(.error(at: section.location, "unknown lexicon list '\(name)'",
                                          hint: "expected one of: \(keys.joined(separator: ", "))"))
            }
        }
        return (lexicon, diagnostics)
    }
}
