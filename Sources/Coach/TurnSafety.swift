import IntentEngine
import TranscriptFormat

/// The intents the safety conversation answers by name (`Intents/safety-conversation.yaml`).
/// Lint checks that content defines every one, so a renamed intent cannot silently turn an
/// answer to "are you safe right now?" into small talk.
enum SafetyIntent {
    static let yes = "safety_yes"
    static let no = "safety_no"
    static let notSure = "safety_not_sure"
    static let dontKnow = "safety_dont_know"
    static let whatToDo = "safety_what_to_do"
    static let resources = "safety_resources"
    static let goOn = "safety_go_on"

    static let all = [yes, no, notSure, dontKnow, whatToDo, resources, goOn]
}

/// Crisis replies and the safety conversation that follows them.
///
/// Wording stays neutral because the partner may be reading: no reply names the partner as a
/// danger, repeats what was disclosed, reflects the line back or suggests an exercise. Which
/// replies exist is data (`safety.*` in `Intents/responses.yaml`); which one answers a line
/// is decided here, from the step and from who is speaking.
extension Turn {
    /// The responses the safety conversation says, which content must provide.
    static let safetyResponses = [
        "safety.again", "safety.silence", "safety.stay", "safety.listening",
        "safety.still_not_safe", "safety.not_sure", "safety.dont_know", "safety.resources", "safety.help",
        "safety.what_to_do", "safety.partner_help", "safety.partner", "safety.not_yet", "safety.not_yet_partner",
        "safety.no_exercises", "safety.go_on", "safety.nothing_running", "safety.closing",
    ]

    /// Where the next line is matched: inside the safety conversation, its pseudo state;
    /// otherwise the exercise's state, if one runs.
    /// The partners' names go with it, so a line that names one ("jordan took my card") is read
    /// as one that says "he" or "she".
    var matchContext: MatchContext {
        var context: MatchContext
        if case .safety(let conversation) = state.pending {
            context = conversation.matchContext
        } else if case .onBreak = state.pending {
            context = PendingQuestion.breakContext
        } else {
            context = MatchContext(flow: state.flowRun?.flow, state: state.flowRun?.state)
        }
        context.names = Set(state.partners.flatMap { TextNormalizer.words($0) })
        return context
    }

    /// Stops any exercise, records only the kind, answers with the crisis reply and the
    /// resources for `kind`, and opens (or re-opens) the safety conversation with the partner
    /// who said it. `again`: the line was said inside the conversation already open.
    mutating func safety(_ kind: String, raisedBy speaker: Int, again: Bool) {
        closeFlow(completed: false)
        outputs.append(.event(.safety(kind: kind)))
        let responseKind = script.responses.has("safety.\(kind)") ? kind : "unsafe"
        say(again ? "safety.again" : "safety.\(responseKind)", prompt: true, extra: ["resources": resourceList(for: kind)])
        state.crisisRaised = true
        switch kind {
        case "self_harm": break
        case "unsafe": state.exerciseGate = max(state.exerciseGate, .soloOnly)
        default: state.exerciseGate = .closed
        }
        state.pending = .safety(SafetyConversation(kind: kind, person: speaker))
    }

    /// Answers a line said inside the safety conversation: a request to go on, the resources,
    /// what to do, the partner's lines, then the person's answer to "are you safe right now?".
    mutating func converse(_ conversation: SafetyConversation, _ match: MatchResult, speaker: Int) {
        var conversation = conversation
        state.pending = .safety(conversation)
        switch match.intent {
        case SafetyIntent.goOn:
            goOn(conversation, speaker: speaker) { turn in turn.say("safety.go_on") }
            return
        case "start_exercise":
            goOn(conversation, speaker: speaker) { turn in
                if let exercise = match.slots["exercise"] { turn.startFlow(named: exercise) } else { turn.listExercises() }
            }
            return
        case "resume_exercise":
            // "Can we carry on with touch?": going back to an exercise is going on too.
            goOn(conversation, speaker: speaker) { turn in turn.resumeStopped(named: match.slots["exercise"]) }
            return
        case "list_exercises":
            goOn(conversation, speaker: speaker) { turn in turn.listExercises() }
            return
        case SafetyIntent.resources:
            sayResources(for: conversation.kind)
            return
        case "help" where match.best?.tier != .keyword:
            // "help me" asks for help; "nothing helps" only shares the word.
            sayResources(for: conversation.kind)
            return
        case SafetyIntent.whatToDo:
            let name = speaker == conversation.person ? "safety.what_to_do" : "safety.partner_help"
            say(kindSpecific(name, conversation.kind), extra: conversationVariables(conversation))
            return
        default:
            break
        }
        guard speaker == conversation.person else {
            say(kindSpecific("safety.partner", conversation.kind), extra: conversationVariables(conversation))
            return
        }
        let extra = conversationVariables(conversation)
        switch match.intent {
        case SafetyIntent.yes, "affirm":
            say(conversation.step == .safe ? "safety.listening" : "safety.safe_yes", extra: extra)
            conversation.step = .safe
        case SafetyIntent.no, "deny":
            say(conversation.step == .notSafe ? "safety.still_not_safe" : "safety.safe_no", extra: extra)
            conversation.step = .notSafe
        case SafetyIntent.notSure, "unsure", "partly":
            say("safety.not_sure", extra: extra)
            conversation.step = .unsure
        case SafetyIntent.dontKnow:
            say("safety.dont_know", extra: extra)
            conversation.step = .unsure
        default:
            // Anything else, such as a line that leaves the question unanswered: the coach stays,
            // and asks again until it is answered.
            if match.intent != MatchResult.noneIntent, script.responses.has("safety.reply.\(match.intent)") {
                say("safety.reply.\(match.intent)", extra: extra)
            } else {
                say(conversation.step == .safe ? "safety.listening" : "safety.stay", extra: extra)
            }
        }
        state.pending = .safety(conversation)
    }

    /// A request to go on (in words, `/start`, `/exercises`): only the person who raised the
    /// conversation can end it, only after saying they are safe, and never after abuse.
    mutating func goOn(_ conversation: SafetyConversation, speaker: Int, then proceed: (inout Turn) -> Void) {
        let extra = conversationVariables(conversation)
        guard state.exerciseGate != .closed else {
            say("safety.no_exercises", extra: extra)
            return
        }
        guard speaker == conversation.person else {
            say("safety.not_yet_partner", extra: extra)
            return
        }
        guard conversation.step == .safe else {
            say("safety.not_yet", extra: extra)
            return
        }
        state.pending = nil
        // A crisis said before the names were given: ask for them now, before anything else.
        if state.partners.isEmpty {
            state.pending = .names
            say("onboarding.ask_names", prompt: true)
            return
        }
        proceed(&self)
    }

    /// Handles a `/command` inside the safety conversation; false when the command works as
    /// it does anywhere (`/switch`, `/names`, `/repeat`, …).
    mutating func conversationCommand(_ command: SlashCommand, _ conversation: SafetyConversation) -> Bool {
        let speaker = state.currentSpeaker
        switch command {
        case .help:
            say("safety.help", extra: conversationVariables(conversation))
        case .exercises:
            goOn(conversation, speaker: speaker) { turn in turn.listExercises() }
        case .start(let name):
            goOn(conversation, speaker: speaker) { turn in
                if name.isEmpty { turn.listExercises() } else { turn.startFlow(named: name) }
            }
        case .stop, .skip:
            say("safety.nothing_running", extra: conversationVariables(conversation))
        default:
            return false
        }
        return true
    }

    /// Says the resources again: for `kind`, or every kind's (each line once) when no crisis
    /// conversation is open.
    mutating func sayResources(for kind: String?) {
        say("safety.resources", extra: ["resources": resourceList(for: kind)])
    }

    /// The last words of a session. After a crisis they fit what happened; `/quit` otherwise
    /// thanks the couple, and an ordinary end of input says nothing.
    mutating func sayClosing(_ reason: EndReason) {
        switch reason {
        case .quit: say(state.crisisRaised ? "safety.closing" : "goodbye")
        case .endOfInput: if state.crisisRaised { say("safety.closing") }
        case .signal, .quickExit: break
        }
    }

    /// `NAME.KIND` when content has one for this kind, else `NAME`.
    func kindSpecific(_ name: String, _ kind: String) -> String {
        script.responses.has("\(name).\(kind)") ? "\(name).\(kind)" : name
    }

    func conversationVariables(_ conversation: SafetyConversation) -> [String: String] {
        let person = state.partners.indices.contains(conversation.person) ? state.partners[conversation.person] : "you"
        return ["person": person, "resources": resourceList(for: conversation.kind)]
    }

    func resourceList(for kind: String?) -> String {
        var lines: [String]
        if let kind {
            lines = script.responses.resources[kind] ?? script.responses.resources["unsafe"] ?? []
        } else {
            lines = []
            for kind in script.responses.resources.keys.sorted().reversed() {
                for line in script.responses.resources[kind] ?? [] where !lines.contains(line) { lines.append(line) }
            }
        }
        return lines.map { "  • \($0)" }.joined(separator: "\n")
    }
}
