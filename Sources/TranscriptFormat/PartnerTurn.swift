/// A partner's line as the coach understood it: the words, the intent and what was noticed.
///
/// Review counts from these fields (turns, words, "I" statements, the four horsemen, mirrors,
/// feelings), so they are recorded at the moment of the turn rather than recomputed later with
/// whatever intents happen to be loaded then.
public struct PartnerTurn: Sendable, Equatable {
    /// The partner's name as entered at the start of the session.
    public var speaker: String
    /// What they typed, with terminal control sequences already removed.
    public var text: String
    /// The intent the matcher chose (`none` when out of scope).
    public var intent: String
    /// How sure the matcher was, 0…1.
    public var confidence: Double
    /// Slot name → value, such as `feeling` → `lonely`.
    public var slots: [String: String]
    /// What the coach noticed about the line; see `TurnFlag` for the names review counts.
    public var flags: [String]
    /// The active exercise when the line was said, if any.
    public var flow: String?
    /// The exercise's state when the line was said, if any.
    public var state: String?
    /// The mirror check, when the line was judged as a listener's mirror.
    public var mirror: MirrorJudgement?
    /// Whether the speaker accepted the mirror (nil until they answered, or for non-mirrors).
    public var confirmed: Bool?
    /// The line raised a safety event, so its words are not kept: `text` is empty and there
    /// are no slots, flags or mirror, only who spoke and the intent it was read as. After an
    /// abuse disclosure the words could put someone in danger on a shared computer.
    public var withheld: Bool = false

    /// Creates a partner turn; only the speaker and text are required.
    public init(
        speaker: String, text: String, intent: String = "none", confidence: Double = 0,
        slots: [String: String] = [:], flags: [String] = [], flow: String? = nil, state: String? = nil,
        mirror: MirrorJudgement? = nil, confirmed: Bool? = nil
    ) {
        self.speaker = speaker
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.slots = slots
        self.flags = flags
        self.flow = flow
        self.state = state
        self.mirror = mirror
        self.confirmed = confirmed
    }

    /// The record of a line whose words are withheld: the speaker and the intent only.
    public static func withheld(speaker: String, intent: String) -> PartnerTurn {
        var turn = PartnerTurn(speaker: speaker, text: "", intent: intent)
        turn.withheld = true
        return turn
    }
}

/// The names of the `flags` review understands. Flags are open-ended strings so the coach can
/// add new ones without a format change; these are the ones with meaning in reports.
public enum TurnFlag {
    /// Criticism: an attack on the partner's character ("you always…").
    public static let criticism = "criticism"
    /// Contempt: mockery, eye-rolling in words, superiority.
    public static let contempt = "contempt"
    /// Defensiveness: counter-attack or excuse instead of listening.
    public static let defensiveness = "defensiveness"
    /// Stonewalling: shutting down, refusing to engage.
    public static let stonewalling = "stonewalling"
    /// An "I feel …" statement, the antidote to criticism.
    public static let iStatement = "i_statement"
    /// Matched only through the typo tier.
    public static let fuzzy = "fuzzy"
    /// The matcher could not choose between two intents.
    public static let ambiguous = "ambiguous"

    /// Gottman's four horsemen, in the order reports list them.
    public static let horsemen: [String] = [criticism, contempt, defensiveness, stonewalling]
}

/// The mirror check's verdict on a listener's mirror of the speaker's words.
public struct MirrorJudgement: Sendable, Equatable {
    /// How faithful the mirror was.
    public var verdict: MirrorVerdict
    /// Content words and feelings the mirror kept.
    public var kept: [String]
    /// What it left out.
    public var missed: [String]
    /// What it added (judgement, "but", "always").
    public var added: [String]

    /// Creates a judgement.
    public init(verdict: MirrorVerdict, kept: [String] = [], missed: [String] = [], added: [String] = []) {
        self.verdict = verdict
        self.kept = kept
        self.missed = missed
        self.added = added
    }
}

/// `faithful`, `partial` or `off`, as `attune explain --mirror-of` reports.
public enum MirrorVerdict: String, Sendable, Equatable, CaseIterable {
    case faithful, partial, off
}
