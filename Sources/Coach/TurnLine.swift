import IntentEngine
import TranscriptFormat

extension Turn {
    /// Handles one typed line. The line is matched once; its record is emitted once, complete
    /// (with what the exercise judged of it), ahead of the replies it got.
    mutating func line(_ raw: String, knownSpeaker: String?) {
        guard state.phase == .ready else { return }
        state.turnCount += 1
        let cleaned = TerminalText.sanitize(raw)
        var text = cleaned.trimmingWhitespace()
        if let knownSpeaker, let index = partnerIndex(knownSpeaker) {
            state.currentSpeaker = index
        } else if let (index, rest) = speakerPrefix(text) {
            state.currentSpeaker = index
            text = rest
        }
        if text.isEmpty {
            if case .safety = state.pending { say("safety.silence") } else { say("input.empty") }
            return
        }
        let context = matchContext
        let match: MatchResult
        if text.hasPrefix("/") {
            // Safety comes before commands: a crisis typed after a slash is heard as a crisis,
            // never recorded or answered as a command.
            let spoken = String(text.dropFirst()).trimmingWhitespace()
            let scanned = script.matcher.match(spoken, context: context)
            guard scanned.safety != nil else {
                command(text)
                return
            }
            text = spoken
            match = scanned
        } else {
            match = script.matcher.match(text, context: context)
        }
        heardLine(text, match: match)
    }

    /// Replays a line whose words were withheld from its transcript, from its recorded intent.
    mutating func withheldLine(intent: String, speaker: String) {
        guard state.phase == .ready else { return }
        if let index = partnerIndex(speaker) { state.currentSpeaker = index }
        heardLine("", match: .recorded(intent: intent, safety: script.matcher.definition(of: intent)?.safety))
    }

    /// Routes a matched line and emits its record ahead of the replies it got.
    private mutating func heardLine(_ text: String, match: MatchResult) {
        let speaker = state.currentSpeaker
        var heard = PartnerTurn(
            speaker: state.isAskingNames ? "" : (state.expectedSpeaker ?? ""), text: text,
            intent: match.intent, confidence: (match.confidence * 1000).rounded() / 1000, slots: match.slots,
            flags: LineFlags.flags(for: match, text: text, lexicon: script.lexicon, language: script.matcher.language), flow: state.flowRun?.flow, state: state.flowRun?.state,
            mirror: nil, confirmed: nil)
        lineVariables = match.slots
        lineToReflect = (text, speaker)
        lineVariables["said"] = text
        let inFlow = state.flowRun != nil
        // A step that checks the wording itself (absolutes, feelings) needs no second note.
        let stepCoachesWording = state.flowRun.flatMap { script.flows[$0.flow]?.states[$0.state]?.action }?.coachesWording ?? false
        let question = state.pending
        state.pending = nil
        if match.safety == nil, !state.isAskingNames {
            if case .safety = question {} else {
                state.conflict.hear(turn: state.turnCount, speaker: speaker, text: text, flags: heard.flags, lexicon: script.lexicon)
            }
        }
        let reachedExercise = hear(match, text: text, speaker: speaker, answering: question, heard: &heard)
        // The replies were gathered in `outputs`; the line goes first, then any note on how it
        // was said (rendered after the replies, so the variants drawn stay in order), then them.
        // A line that raised a safety event keeps only who said it and how it was read.
        if outputs.contains(where: { if case .event(.safety) = $0 { return true } else { return false } }) {
            heard = .withheld(speaker: heard.speaker, intent: heard.intent)
        }
        var note: SessionOutput?
        if reachedExercise && !stepCoachesWording {
            note = patternNote(for: heard, answered: match.intent, inFlow: inFlow, speaker: speaker)
        }
        outputs = [.partner(heard)] + (note.map { [$0] } ?? []) + outputs
    }

    /// Routes a matched line: safety first, in every state; then the question it answers;
    /// then commands said in words; then the exercise, global intents and the reflective
    /// fallback. True when the line went on to the exercise or global intents (then a
    /// pattern note may follow).
    private mutating func hear(_ match: MatchResult, text: String, speaker: Int, answering question: PendingQuestion?,
                               heard: inout PartnerTurn) -> Bool {
        if let kind = match.safety {
            var again = false
            if case .safety = question { again = true }
            safety(kind, raisedBy: speaker, again: again)
            return false
        }
        var question = question
        switch question {
        case .names:
            names(from: text)
            return false
        case .nameConfirmation(let names):
            if match.intent == "affirm" {
                welcome(names)
            } else if match.intent == "deny" {
                state.pending = .names
                say("onboarding.names_retry", prompt: true)
            } else {
                self.names(from: text)
            }
            return false
        case .firstSessionSafety:
            // A yes or no answers the question; anything else moves past it and is heard.
            if onboardingSafetyAnswer(match) { return false }
            question = nil
        case .safety(let conversation):
            // Inside the safety conversation every line is answered by it.
            converse(conversation, match, speaker: speaker)
            return false
        case .typoReading(let held, let interrupted):
            // A yes takes the held reading, as it was matched; anything else is a line of its
            // own, answering the question the held line would have answered.
            if match.intent == "affirm" {
                handleFlowOrGlobal(held.match, text: held.text, speaker: held.speaker, answering: interrupted, heard: &heard, force: true)
                return false
            }
            question = interrupted
        case .debrief(let exercise, let heardFrom):
            if answerDebrief(match, text: text, speaker: speaker, exercise: exercise, heard: heardFrom) { return true }
            question = nil
        case .breakOffer:
            if answerBreakOffer(match) { return false }
            question = nil
        case .onBreak(let stopped):
            if ["come_back", "greet"].contains(match.intent) {
                welcomeBack(stopped: stopped)
                return false
            }
            question = nil
        case .resumeOffer(let run):
            if answerResumeOffer(match, resuming: run) { return false }
            question = nil
        case .repairOffer:
            if answerResumeOffer(match, resuming: nil) { return false }
            question = nil
        case .mirrorConfirmation(let waiting):
            // More of the mirror, typed without a name, is not the speaker's answer.
            if holdConfirmation(match, text: text, speaker: speaker, waitingFor: waiting) {
                state.pending = question
                return false
            }
        case nil:
            break
        }
        // Commands said in words, unless this step of the exercise takes that intent itself
        // or the command is only a small part of a longer line. A break request is heard
        // even with more said around it, when it opens or closes the line ("can we take a
        // break for a sec, i need water", "this is getting heated, can we pause"): asking for
        // a break in a heated moment is the one thing not to miss.
        if state.flowRun == nil || (!stateMentions(match.intent) && (match.confidence >= 0.75 || Self.isBreakRequest(match))) {
            if naturalCommand(match) { return false }
        }
        handleFlowOrGlobal(match, text: text, speaker: speaker, answering: question, heard: &heard, force: false)
        return true
    }

    /// A break asked for at an edge of the line: its stretch starts or ends the line.
    static func isBreakRequest(_ match: MatchResult) -> Bool {
        match.intent == "take_break" && StepLine.opensOrClosesLine(match)
    }

    /// Names one of the four horsemen gently, with its antidote, when a line carried it but
    /// the reply so far did not address it (inside an exercise, say).
    private mutating func patternNote(for heard: PartnerTurn, answered intent: String, inFlow: Bool, speaker: Int) -> SessionOutput? {
        // Outside an exercise the fight coach answers a heated line itself.
        guard inFlow, let horseman = LineFlags.horsemen.first(where: { heard.flags.contains($0) }),
              script.responses.has("pattern.\(horseman)") else { return nil }
        return reply(.named("pattern.\(horseman)", SourceLocation(file: "", line: 0, column: 0)),
                     extra: ["other": otherPartner(of: speaker) ?? "your partner"])
    }

    private mutating func handleFlowOrGlobal(_ match: MatchResult, text: String, speaker: Int, answering: PendingQuestion?,
                                             heard: inout PartnerTurn, force: Bool) {
        if state.flowRun != nil {
            // Push-back or pressure is heard from either partner; any other line from the
            // partner whose turn it isn't is redirected, kindly, not taken.
            if StepLine.kind(of: match).heardFromEither, answerNonAnswer(match, speaker: speaker) { return }
            if !force, redirectIfNotTheirTurn(speaker: speaker) { return }
            // A typo-corrected reading is checked before it moves an exercise on.
            if !force, match.isFuzzy, match.confidence < 0.9, flowWouldMove(on: match) {
                state.pending = .typoReading(HeldLine(text: text, speaker: speaker, match: match), interrupting: answering)
                say("fuzzy.confirm", extra: ["meant": describe(match.intent)])
                return
            }
            // An exercise step that takes the line whatever it means needs no clarification.
            if flowLine(match, text: text, speaker: speaker, answering: answering, heard: &heard) { return }
        }
        // A heated line gets the fight coach, whichever horseman it was read as.
        if conflictReply(speaker: speaker) { return }
        if match.isAmbiguous, match.candidates.count > 1 {
            say("ambiguous", extra: ["option_a": describe(match.candidates[0].intent),
                                     "option_b": describe(match.candidates[1].intent)])
            return
        }
        globalIntent(match, text: text)
    }

    /// "Alex: text" speaks as Alex.
    func speakerPrefix(_ text: String) -> (Int, String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = String(text[..<colon]).trimmingWhitespace()
        guard !name.isEmpty, name.count <= 40, let index = partnerIndex(name) else { return nil }
        return (index, String(text[text.index(after: colon)...]).trimmingWhitespace())
    }

    func partnerIndex(_ name: String) -> Int? {
        state.partners.firstIndex { $0.lowercased() == name.lowercased() }
    }

    func reflect(_ text: String, speaker: Int) -> String {
        flip(for: speaker).apply(text)
    }

    /// How to name an intent to people: its `description`, else its name in words.
    func describe(_ intent: String) -> String {
        script.matcher.definition(of: intent)?.description ?? intent.replacingOccurrences(of: "_", with: " ")
    }

    // MARK: Onboarding

    /// Reads the names from an introduction: welcomes them when sure, asks "Did I get that
    /// right?" when not, and asks again when no names could be read.
    mutating func names(from text: String) {
        let reading = NameParser(words: script.lexicon.nameWords, matcher: script.matcher).read(text)
        if reading.names.isEmpty {
            state.pending = .names
            say("onboarding.names_unclear", prompt: true)
        } else if reading.isSure {
            welcome(reading.names)
        } else {
            state.pending = .nameConfirmation(reading.names)
            let said = reading.names.count == 1 ? "just you, \(reading.names[0])" : reading.names.joined(separator: " and ")
            say("onboarding.names_confirm", prompt: true, extra: ["names": said])
        }
    }

    /// Answers the first-session question; false when the line was not an answer (then the
    /// question is let go gently and the line is handled like any other).
    mutating func onboardingSafetyAnswer(_ match: MatchResult) -> Bool {
        switch match.intent {
        case "affirm", "partly":
            safety("unsafe", raisedBy: state.currentSpeaker, again: false)
            return true
        case "deny":
            say("onboarding.safety_clear")
            say("menu.hint", prompt: true)
            return true
        default:
            say("onboarding.safety_unclear")
            return false
        }
    }

    // MARK: Global intents and the fallback

    mutating func globalIntent(_ match: MatchResult, text: String) {
        if match.intent == SafetyIntent.resources {
            sayResources(for: nil)
            return
        }
        if let answer = globalAnswer(match) {
            say(answer)
            return
        }
        fallback(text, speaker: lineToReflect?.speaker ?? state.currentSpeaker)
    }

    /// The reply content gives a line's intent, if any: `topic.TOPIC` for a topic asked
    /// about, `global.INTENT.VALUE` for the one concern a slot names, else `global.INTENT`.
    func globalAnswer(_ match: MatchResult) -> String? {
        if match.intent == "ask_about", let topic = match.slots["topic"], script.responses.has("topic.\(topic)") {
            return "topic.\(topic)"
        }
        if let value = match.slots.values.sorted().first(where: { script.responses.has("global.\(match.intent).\($0)") }) {
            return "global.\(match.intent).\(value)"
        }
        if match.intent != MatchResult.noneIntent, script.responses.has("global.\(match.intent)") { return "global.\(match.intent)" }
        return nil
    }

    /// A line nothing else took: a question to the partner is turned to them, a personal line
    /// is said back when the echo reads well (else plainly acknowledged), and anything else
    /// is outside what the coach knows.
    mutating func fallback(_ text: String, speaker: Int) {
        let flip = flip(for: speaker)
        let personal = flip.apply(text) != text
        if flip.asksQuestion(text) {
            let other = otherPartner(of: speaker)
            let words = TextNormalizer.words(text)
            if personal || other.map({ words.contains($0.lowercased()) }) == true {
                say("fallback.question", extra: ["said_by": partnerName(speaker), "other": other ?? "you"])
                return
            }
        } else if personal {
            if let echo = flip.echo(text) { say("fallback.reflect", extra: ["echo": echo]) } else { say("fallback.plain") }
            return
        }
        say("fallback.none")
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}
