import IntentEngine
import TranscriptFormat

/// Settings fixed for one session.
public struct SessionConfig: Sendable {
    /// Names given up front (`--names`, `@partners`); nil asks for them.
    public var partners: [String]?
    public var seed: UInt64
    /// Whether this is the couple's first session: then the coach asks, neutrally, whether
    /// either partner feels unsafe, and offers solo use.
    public var firstSession: Bool
    /// What `/transcript` says: where the transcript is kept, or nil when it is off.
    public var transcriptPath: String?
    /// Attune's version, recorded in `session_start`.
    public var version: String
    /// The couples (by `coupleKey`) who have had a session before, read from the saved
    /// transcripts: when set, "first session" is decided per couple once their names are known,
    /// not per folder, so a second couple on the same computer is asked the safety question
    /// too. nil: `firstSession` as given (replay, scripts).
    public var pastCouples: Set<String>? = nil

    /// Who a couple is, whatever the order or case of their names: "jordan\npriya".
    public static func coupleKey(_ names: [String]) -> String {
        names.map { $0.lowercased() }.sorted().joined(separator: "\n")
    }

    /// Whether the names were given before the session (`--names`), so `session_start` has them.
    var namedUpFront: Bool { (1...2).contains(partners?.count ?? 0) }

    /// Whether `partners` are having their first session.
    func isFirstSession(of partners: [String]) -> Bool {
        pastCouples.map { !$0.contains(Self.coupleKey(partners)) } ?? firstSession
    }

    public init(partners: [String]? = nil, seed: UInt64 = 0, firstSession: Bool = false, transcriptPath: String? = nil,
                version: String = "") {
        self.partners = partners
        self.seed = seed
        self.firstSession = firstSession
        self.transcriptPath = transcriptPath
        self.version = version
    }
}

/// The whole state of a conversation: a value, changed only by `Session.step`.
public struct SessionState: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// Before `.begin`.
        case starting
        /// Lines are heard (what the coach waits for, if anything, is `pending`).
        case ready
        case ended
    }

    public var phase: Phase = .starting
    /// The question the next partner line answers, if any.
    public var pending: PendingQuestion?
    public var partners: [String] = []
    /// Index into `partners` of who the coach expects to speak next.
    public var currentSpeaker = 0
    public var flowRun: FlowRun?
    public var random: SeededGenerator
    /// Which exercises may still start this session, after what was disclosed.
    public var exerciseGate: ExerciseGate = .open
    /// Whether a safety event was raised this session: the closing words then fit it.
    public var crisisRaised = false
    /// The coach's last prompt and its response key, for `/repeat`.
    public var lastPrompt: SaidLine?
    /// Lines typed so far, counting turns for `recentReplies`.
    public var turnCount = 0
    /// What the coach said in the last few turns, so a variant that reads differently is
    /// chosen over saying the same sentence again.
    public var recentReplies: [RecentReply] = []
    /// How heated the last few lines were, and the latest blame and defence.
    public var conflict = ConflictWatch()
    /// The exercise that ended last (stopped or finished), which `/repeat` starts again.
    public var lastExercise: String?
    /// The exercise stopped last, where it stood (by /stop, a break or starting another), which
    /// "let's finish the check-in" picks up again; dropped once that exercise finishes.
    public var stoppedRun: FlowRun?

    public init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// The partner the coach expects to speak, if names are known.
    public var expectedSpeaker: String? {
        partners.indices.contains(currentSpeaker) ? partners[currentSpeaker] : nil
    }

    public var isSolo: Bool { partners.count == 1 }

    /// Whether the coach is waiting for the partners' names.
    public var isAskingNames: Bool {
        switch pending {
        case .names, .nameConfirmation: return true
        default: return false
        }
    }
}

/// Which exercises a session may still start. It only ever narrows.
public enum ExerciseGate: Int, Sendable, Equatable, Comparable {
    case open
    /// After a partner said they feel unsafe: exercises for one person only.
    case soloOnly
    /// After an abuse disclosure: no exercise for the rest of the session.
    case closed

    public static func < (a: ExerciseGate, b: ExerciseGate) -> Bool { a.rawValue < b.rawValue }
}

/// The coach as a pure function: `(state, input) → (state′, outputs)`. No I/O happens here;
/// the REPL, `replay` and the tests are three interpreters of the same outputs.
public struct Session: Sendable {
    public let script: CoachScript
    public let config: SessionConfig

    public init(script: CoachScript, config: SessionConfig) {
        self.script = script
        self.config = config
    }

    /// The state before `.begin`.
    public func initialState() -> SessionState {
        SessionState(seed: config.seed)
    }

    /// Handles one input. Lines are handled in SPEC's order: safety first, then commands,
    /// then the active exercise, then global intents, then a reflective fallback.
    public func step(_ state: SessionState, _ input: SessionInput) -> (SessionState, [SessionOutput]) {
        var turn = Turn(session: self, state: state)
        switch input {
        case .begin: turn.begin()
        case .line(let text, let speaker): turn.line(text, knownSpeaker: speaker)
        case .withheldLine(let intent, let speaker): turn.withheldLine(intent: intent, speaker: speaker)
        case .rejected(let reason):
            if reason == .empty, case .safety = state.pending { turn.say("safety.silence") } else { turn.say("input.\(reason.rawValue)") }
        case .end(let reason): turn.finishSession(reason)
        }
        return (turn.state, turn.outputs)
    }
}

/// One step's work: the state being changed and the outputs gathered.
struct Turn {
    let session: Session
    var state: SessionState
    var outputs: [SessionOutput] = []
    /// Variables of the line being handled (slots), for responses.
    var lineVariables: [String: String] = [:]
    /// The line being handled and who said it, turned around only if a response asks for
    /// `{reflection}` (most turns never do).
    var lineToReflect: (text: String, speaker: Int)?

    init(session: Session, state: SessionState) {
        self.session = session
        self.state = state
    }

    var script: CoachScript { session.script }

    mutating func begin() {
        guard state.phase == .starting else { return }
        let partners = session.config.partners ?? []
        // Until the names are typed the decision waits for them; the `names` event records it.
        let firstSession = session.config.namedUpFront && session.config.isFirstSession(of: partners)
        outputs.append(.event(.sessionStart(partners: partners, version: session.config.version, seed: session.config.seed,
                                            firstSession: firstSession)))
        say("onboarding.not_therapy")
        state.phase = .ready
        if !session.config.namedUpFront {
            state.pending = .names
            say("onboarding.ask_names", prompt: true)
        } else {
            welcome(partners)
        }
    }

    mutating func welcome(_ partners: [String]) {
        state.partners = partners
        // The names just read are the partners, whatever a template's slots called them.
        lineVariables["first"] = nil
        lineVariables["second"] = nil
        state.currentSpeaker = 0
        let firstSession = session.config.isFirstSession(of: partners)
        if !session.config.namedUpFront { outputs.append(.event(.namesGiven(partners: partners, firstSession: firstSession))) }
        say(partners.count == 1 ? "onboarding.welcome_solo" : "onboarding.welcome")
        if firstSession {
            state.pending = .firstSessionSafety
            say(partners.count == 1 ? "onboarding.safety_question_solo" : "onboarding.safety_question", prompt: true)
        } else {
            state.pending = nil
            say("menu.hint", prompt: true)
        }
    }

    mutating func finishSession(_ reason: EndReason) {
        guard state.phase != .ended else { return }
        closeFlow(completed: false)
        sayClosing(reason)
        outputs.append(.event(.sessionEnd(reason: reason)))
        state.pending = nil
        state.phase = .ended
    }

    // MARK: Saying things

    /// Finds what a `{name}` in a reply stands for: `extra`, then the line's slots, the exercise's
    /// variables and roles, then who is who, then the line turned around (computed only if
    /// asked for). A lookup, not a table, so a reply costs only the names it uses.
    func lookup(extra: [String: String] = [:]) -> (String) -> String? {
        let partners = state.partners
        let run = state.flowRun
        let line = lineVariables
        let title = run.flatMap { script.flows[$0.flow]?.title }
        let firstRole = run.flatMap { script.flows[$0.flow]?.roles.first }
        let expected = state.expectedSpeaker
        let other = otherPartner(of: state.currentSpeaker)
        let transcript = session.config.transcriptPath
        let reflect = reflection()
        return { name in
            if let value = extra[name] ?? line[name] { return value }
            if let run {
                if let value = run.variables[name] { return value }
                if let index = run.roles[name], partners.indices.contains(index) {
                    // Alone, every role but the first is the partner who isn't here.
                    return partners.count == 1 && name != firstRole ? "your partner" : partners[index]
                }
            }
            switch name {
            case "first": return partners.first ?? "you"
            case "second": return partners.count > 1 ? partners[1] : "your partner"
            case "partner": return expected ?? "you"
            case "other": return other ?? "your partner"
            case "transcript": return transcript ?? ""
            case "exercise": return title
            default: return reflect(name)
            }
        }
    }

    func otherPartner(of index: Int) -> String? {
        guard state.partners.count > 1 else { return nil }
        return state.partners[index == 0 ? 1 : 0]
    }

    /// Turns what `speaker` said to the other partner around, to be said back to the speaker.
    func flip(for speaker: Int) -> PerspectiveFlip {
        PerspectiveFlip(otherName: otherPartner(of: speaker), words: script.lexicon.flipWords)
    }

    /// Computes `{reflection}` on demand.
    func reflection() -> (String) -> String? {
        guard let line = lineToReflect else { return { _ in nil } }
        let flip = flip(for: line.speaker)
        // Said back without a leading "same," or "yeah," where that reads well.
        return { name in name == "reflection" ? (flip.echo(line.text) ?? flip.apply(line.text)) : nil }
    }

    /// Says the named response; `prompt` marks it as what `/repeat` repeats.
    mutating func say(_ name: String, prompt: Bool = false, extra: [String: String] = [:]) {
        say(.named(name, SourceLocation(file: "", line: 0, column: 0)), prompt: prompt, extra: extra)
    }

    mutating func say(_ reference: ResponseReference, prompt: Bool = false, extra: [String: String] = [:]) {
        guard let line = reply(reference, prompt: prompt, extra: extra) else { return }
        outputs.append(line)
    }

    /// Renders a reply without saying it yet (a note that goes before replies already
    /// rendered); nil when content has no such text.
    mutating func reply(_ reference: ResponseReference, prompt: Bool = false, extra: [String: String] = [:]) -> SessionOutput? {
        var reference = reference
        // While offers are held (after a disclosure), a reply with a quiet form (`NAME.quiet`)
        // says that; alone, a reply that has a version for one person (`NAME.solo`) says that
        // instead, so nothing suggests an exercise for two.
        if case .named(let name, let location) = reference {
            let quiet = spoken(name)
            if quiet != name {
                reference = .named(quiet, location)
            } else if state.isSolo, script.responses.has("\(name).solo") {
                reference = .named("\(name).solo", location)
            }
        }
        let turn = state.turnCount
        state.recentReplies.removeAll { turn - $0.turn >= RecentReply.window }
        let recent = state.recentReplies
        guard let text = script.responses.render(reference, random: &state.random, avoiding: { said in recent.contains { $0.text == said } },
                                                 lookup: lookup(extra: extra)) else { return nil }
        state.recentReplies.append(RecentReply(turn: turn, text: text))
        let response = reference.key
        if prompt { state.lastPrompt = SaidLine(text: text, response: response) }
        return .coach(text: text, response: response)
    }
}
