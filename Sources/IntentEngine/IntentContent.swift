/// A template as written, with where it was written.
public struct TemplateSource: Sendable, Hashable {
    public var text: String
    /// Where the template's first character is.
    public var location: SourceLocation
    public var node: TemplateNode
    /// The share of the line this template must explain (`{template: …, coverage: 1}`), even
    /// for a crisis intent: "i relapsed" is a warning sign said alone, not in "i relapsed on my
    /// diet".
    public var coverage: Double? = nil
    /// Slots every match of this template fills with a set value, whatever was said: hassil's
    /// `slots:` beside a block of `sentences:` (`domain: light`).
    public var fixedSlots: [String: String] = [:]
    /// `forms: exact`: the template matches its words only in the forms it writes, never
    /// through another form ("strangled me" is told, "is going to strangle me for being late"
    /// is a figure the past tense does not cover).
    public var asWrittenOnly: Bool = false
    /// The warning-sign group a crisis template belongs to (`- group: NAME` before it in its
    /// intent's templates), so `explain` can say which sign raised safety.
    public var group: String? = nil
}

/// One value of a word list: what people say (`in`, template syntax) and what the slot gets (`out`).
public struct ListValue: Sendable, Hashable {
    public var spoken: TemplateNode
    public var spokenText: String
    public var value: String
    public var location: SourceLocation
}

/// A named word list used as `{list}` in templates.
public struct WordList: Sendable {
    public var name: String
    public var location: SourceLocation
    public var values: [ListValue]
    /// A wildcard list matches one or more words of anything; the slot's value is the text.
    public var isWildcard: Bool
    /// A first-name list (`first_name: true`) matches one word read as a person's first name
    /// (`FirstNameReading`); the slot's value is the name as typed.
    public var isFirstName: Bool = false
}

/// A named piece of template syntax used as `<rule>`.
public struct ExpansionRule: Sendable {
    public var name: String
    public var location: SourceLocation
    public var body: TemplateSource
}

/// An intent: what a partner means, with the ways of saying it.
public struct IntentDefinition: Sendable {
    public var name: String
    public var location: SourceLocation
    public var templates: [TemplateSource]
    /// The keyword tier, as ELIZA ranks keywords: normalised word → weight.
    public var keywords: [String: Double]
    public var priority: Int
    /// The safety kind (`self_harm`, `abuse`, …) for a crisis intent; crisis intents outrank everything.
    public var safety: String?
    public var requiresState: [StatePattern]
    public var excludesState: [StatePattern]
    /// How the coach names the intent when it asks which was meant ("did you mean yes?").
    public var description: String? = nil
    /// The least share of the words (0…1) a template must explain for this intent to count,
    /// counted over the clauses its match touches (`Clauses`): short answers such as "that's
    /// all" should not be read out of a longer sentence ("we finished the kitchen tiles this
    /// weekend"), yet one said in a clause of its own counts ("ok thats my bit, leo can go
    /// now"). nil: any stretch counts.
    public var coverage: Double? = nil
    /// An intent of figures of speech that read like a crisis sign but are not one ("we're
    /// gonna end it here for today"): a match of one covering a crisis template's words takes
    /// that crisis reading away, and the figure itself is never the answer. A crisis sign
    /// elsewhere in the line still counts.
    public var figureOfSpeech = false
    /// Where each keyword is written, for messages about it.
    public var keywordLocations: [String: SourceLocation] = [:]
}

/// A flow-state condition such as `mirroring.send`, `mirroring.*` or `idle`.
public struct StatePattern: Sendable, Hashable, CustomStringConvertible {
    public var flow: String
    /// nil means any state of the flow.
    public var state: String?
    public var location: SourceLocation

    public init(_ text: String, location: SourceLocation) {
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        flow = parts.first ?? text
        state = parts.count > 1 && parts[1] != "*" ? parts[1] : nil
        self.location = location
    }

    /// Whether a session in `context` (`FLOW.STATE`, or nil when idle) satisfies this pattern.
    public func matches(_ context: MatchContext) -> Bool {
        guard let flowName = context.flow else { return flow == "idle" }
        return flow == flowName && (state == nil || state == context.state)
    }

    public var description: String { state.map { "\(flow).\($0)" } ?? flow }
}

/// Where the conversation is, for intents that only make sense in some states.
public struct MatchContext: Sendable, Hashable {
    public var flow: String?
    public var state: String?
    /// The partners' names as normalised words, read as first names wherever they are typed
    /// (`FirstNameReading`); empty outside a session.
    public var names: Set<String> = []

    public init(flow: String? = nil, state: String? = nil, names: Set<String> = []) {
        self.flow = flow
        self.state = state
        self.names = names
    }

    /// Parses `FLOW.STATE` as given to `--state`; `idle` or empty means no flow.
    /// Never traps: a malformed text (see `problem(in:)`) gives a flow no content names.
    public init(parsing text: String?) {
        guard let text, !text.isEmpty, text != "idle" else { self.init(); return }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        self.init(flow: parts[0], state: parts.count > 1 ? parts[1] : nil)
    }

    /// What is wrong with a `FLOW.STATE` text given by a person (`--state`, a fixture's
    /// `state:`), or nil when it is `idle`, `FLOW`, `FLOW.STATE` or `FLOW.*`.
    public static func problem(in text: String) -> String? {
        if text == "idle" { return nil }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let named = parts.allSatisfy { !$0.isEmpty && !$0.contains(where: \.isWhitespace) }
        return named ? nil : "state '\(text)' must be idle, FLOW or FLOW.STATE (such as mirroring.send)"
    }

    public static let idle = MatchContext()
}

/// A named entry of a section the intent engine does not interpret itself (flows,
/// responses, resources): handed on to the coach with its location.
public struct NamedSection: Sendable {
    public var name: String
    public var location: SourceLocation
    public var value: YAMLValue
}

/// Everything loaded from an `Intents/` folder, before compilation.
public struct IntentContent: Sendable {
    public var skipWords: Set<String> = []
    /// Skip words of several words ("please could you"), skipped only as the whole phrase.
    public var skipPhrases: [[String]] = []
    public var lists: [String: WordList] = [:]
    public var rules: [String: ExpansionRule] = [:]
    public var intents: [String: IntentDefinition] = [:]
    /// `flows`, `responses` and `resources`, keyed by section then name.
    public var sections: [String: [String: NamedSection]] = [:]
    /// The files that were read, in the order read.
    public var files: [String] = []
    /// Word forms, chat spellings, concepts and the dictionary.
    public var language = LanguageData()

    public init() {}
}
