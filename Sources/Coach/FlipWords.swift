/// The words `PerspectiveFlip` turns around and reads, from `lexicon:` in `Intents/`
/// (`perspective.yaml`): the speaker's words and the listener's, the verb forms that agree
/// with a new subject, the words that open a clause, and the fillers an echo leaves off. Data,
/// so the flip can be refined (or written for another language) without touching Swift; lint
/// requires every list.
public struct FlipWords: Sendable, Equatable {
    /// The speaker's words → the listener's ("i" → "you", "my" → "your", "we" → "you both").
    public var firstPerson: [String: [String]] = [:]
    /// The same for words turned around only when typed with an apostrophe ("i'll", not "ill").
    public var contractions: [String: [String]] = [:]
    /// The speaker's subject words ("i"): the verb after them agrees with "you".
    public var subjects: Set<String> = []
    /// A verb after the speaker's "I" said back as "you" ("am" → "are", "was" → "were").
    public var secondPersonForms: [String: [String]] = [:]
    /// Irregular verbs after a third-person subject ("have" → "has", "dont" → "doesn't").
    public var thirdPersonForms: [String: [String]] = [:]
    /// Past forms, which take no -s ("felt").
    public var pastForms: Set<String> = []
    /// Modal verbs, which take no -s ("can", "would").
    public var modals: Set<String> = []
    /// Words between a subject and its verb ("always", "just").
    public var adverbs: Set<String> = []
    /// Words after a subject that are no verb to agree ("and", "too").
    public var nonVerbs: Set<String> = []
    /// Words after which a new clause, and so a subject, starts ("when", "because").
    public var clauseOpeners: Set<String> = []
    /// Words an echo leaves off its start ("yeah", "same").
    public var leadingFillers: Set<String> = []
    /// Words an echo leaves off its end ("lol", "tbh").
    public var trailingFillers: Set<String> = []
    /// Words of a line that says it does not know ("idk"): no echo.
    public var unsure: Set<String> = []
    /// First words of a question ("are", "what").
    public var questionStarts: Set<String> = []

    public init() {}

    /// The one form `map` gives `word`, if any.
    static func form(_ map: [String: [String]], _ word: String) -> String? {
        map[word]?.first
    }
}
