import IntentEngine

/// Everything the coach knows, loaded once and immutable: the matcher, the exercises, the
/// responses, the safety resources and the lexicon. The session reads it; nothing changes it.
public struct CoachScript: Sendable {
    /// The matcher, which the REPL may still be decoding when the session opens.
    public var matcher: Matcher { pendingMatcher.value }
    public let pendingMatcher: PendingMatcher
    public var flows: [String: Flow]
    public var responses: ResponseBook
    public var lexicon: Lexicon
    /// Flow names in a stable order for menus and completion.
    public var flowNames: [String] { flows.keys.sorted() }

    public init(matcher: Matcher, flows: [String: Flow], responses: ResponseBook, lexicon: Lexicon) {
        self.init(pendingMatcher: PendingMatcher(matcher), flows: flows, responses: responses, lexicon: lexicon)
    }

    public init(pendingMatcher: PendingMatcher, flows: [String: Flow], responses: ResponseBook, lexicon: Lexicon) {
        self.pendingMatcher = pendingMatcher
        self.flows = flows
        self.responses = responses
        self.lexicon = lexicon
    }

    /// The responses the session itself says, which content must provide.
    public static let requiredResponses = [
        "onboarding.ask_names", "onboarding.names_unclear", "onboarding.names_confirm", "onboarding.names_retry", "onboarding.welcome", "onboarding.welcome_solo",
        "onboarding.not_therapy", "onboarding.safety_question", "onboarding.safety_question_solo", "onboarding.safety_clear", "onboarding.safety_unclear",
        "menu.hint", "help", "exercises.intro", "flow.unknown", "flow.needs_couple", "flow.blocked",
        "flow.stopped", "flow.finished_empty", "flow.nothing_to_resume", "flow.none_running", "flow.not_understood", "flow.skip_nothing", "break", "break.short", "flow.no_heard",
        "switch.now", "names.current", "transcript.on", "transcript.off", "progress.intro", "goodbye",
        "safety.self_harm", "safety.abuse", "safety.unsafe", 
        "input.too_long", "input.invalid_utf8", "input.empty", "command.unknown", "ambiguous", "fuzzy.confirm",
        "fallback.reflect", "fallback.none", "fallback.plain", "fallback.question",
        "turn.wrong_speaker", "turn.both_waiting", "turn.ask_other", "turn.confirm_waiting", "ack.feeling", "ack.content", "ack.plain",
        "debrief.feeling", "debrief.content", "debrief.plain", "debrief.ask_other", "debrief.close",
        "pattern.criticism", "pattern.contempt", "pattern.defensiveness", "pattern.stonewalling",
        "conflict.break_one", "conflict.break_both", "conflict.break_declined", "break.back", "break.back_solo",
        "break.offer_resume", "break.offer_repair", "break.resumed", "repeat.nothing", "conflict.solo", "exercises.alone_mark",
    ] + StepLine.responses + Turn.conflictKinds.map { "conflict.\($0)" } + Turn.safetyResponses

    /// The intents the session itself names, which content must define: without `affirm`
    /// and `deny`, yes and no would quietly stop answering the coach's questions. The one list
    /// `attune lint` checks and the tests use; the sets of intents the turn logic reads as
    /// short answers and as debriefs are part of it, so naming one there requires it here.
    public static let requiredIntents: [String] = {
        let named = [
            "affirm", "deny", "partly", "give_names", "ask_about", "help", "skip", "start_exercise", "list_exercises",
            "stop_exercise", "resume_exercise", "take_break", "repeat_no", "express_feeling", "express_need",
            "criticism", "contempt", "defensiveness", "stonewalling", "unsure", "come_back", "greet", "show_progress",
            Turn.vulnerableShareIntent,
        ]
        let heard = Turn.shortAnswers.union(Turn.debriefIntents).union(StepLine.intents.keys)
            .subtracting(named + [MatchResult.noneIntent]).sorted()
        return named + heard + SafetyIntent.all
    }()

    /// Builds the coach from loaded content, with diagnostics for flows, responses and lexicon.
    public static func build(content: IntentContent, matcher: Matcher) -> (CoachScript, [Diagnostic]) {
        let (flows, flowDiagnostics) = FlowLoader.load(content.sections["flows"] ?? [:])
        let (responses, responseDiagnostics) = ResponseBook.load(responses: content.sections["responses"] ?? [:],
                                                                 resources: content.sections["resources"] ?? [:])
        let (lexicon, lexiconDiagnostics) = Lexicon.load(content.sections["lexicon"] ?? [:])
        let script = CoachScript(matcher: matcher, flows: flows, responses: responses, lexicon: lexicon)
        return (script, flowDiagnostics + responseDiagnostics + lexiconDiagnostics)
    }

    /// The checks `attune lint` runs on flows and responses.
    public func lint() -> [Diagnostic] {
        FlowLinter(script: self).check()
    }
}
