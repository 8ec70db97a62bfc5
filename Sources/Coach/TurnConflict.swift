import IntentEngine

/// The fight coach: what the coach says to a heated line outside an exercise, and the break
/// it offers. Each reply is chosen by what the line did (blame, scorn, defence, counter-blame,
/// withdrawal) and spoken to the right partner by name: the one blamed is acknowledged, the
/// one blaming is helped to say it as an "I feel". A partner's second heated line gets a
/// reply of its own (`.again`), and once the heat of the last few lines reaches `break_at`
/// a break of about twenty minutes is offered, to both when both are heated.
extension Turn {
    /// The reply families, by what a heated line did; each is `conflict.KIND` in content,
    /// with `conflict.KIND.again` for a partner's second heated line.
    static let conflictKinds = ["blame", "contempt", "defence", "counter_blame", "withdrawal"]

    /// What a heated line did, from its horsemen.
    static func conflictKind(of flags: [String]) -> String {
        if flags.contains("stonewalling") { return "withdrawal" }
        if flags.contains("contempt") { return "contempt" }
        if flags.contains("criticism") { return flags.contains("defensiveness") ? "counter_blame" : "blame" }
        return "defence"
    }

    /// Answers the line just heard if it was heated (outside an exercise); false when it
    /// carried no horseman and something else should answer it.
    mutating func conflictReply(speaker: Int) -> Bool {
        let watch = state.conflict
        guard state.flowRun == nil, let line = watch.lines.last, line.turn == state.turnCount else { return false }
        if state.isSolo {
            // Alone, the partner isn't here to hear it: help say it as an "I feel" for later.
            say("conflict.solo")
            return true
        }
        let kind = Self.conflictKind(of: line.flags)
        let again = watch.saidBefore(speaker) && script.responses.has("conflict.\(kind).again")
        let extra = ["said_by": partnerName(speaker), "other": otherPartner(of: speaker) ?? "your partner"]
        say("conflict.\(kind)\(again ? ".again" : "")", prompt: kind == "withdrawal", extra: extra)
        if kind == "withdrawal" {
            // Going quiet is answered with the break itself: the reply offers it.
            offeredBreak()
        } else if watch.shouldOfferBreak(turn: state.turnCount, lexicon: script.lexicon) {
            say(watch.bothHeated ? "conflict.break_both" : "conflict.break_one", prompt: true, extra: extra)
            offeredBreak()
        }
        return true
    }

    private mutating func offeredBreak() {
        state.conflict.breakOfferedTurn = state.turnCount
        state.pending = .breakOffer
    }

    /// The answer to "would a break help?": yes takes it, no goes on gently; false when the
    /// line was not an answer (then it is heard like any other).
    mutating func answerBreakOffer(_ match: MatchResult) -> Bool {
        switch match.intent {
        case "affirm", "take_break":
            takeBreak(heated: true)
            return true
        case "deny":
            say("conflict.break_declined")
            return true
        default:
            return false
        }
    }

    /// Stops any exercise for a break, and waits to hear that they are back. A heated break
    /// (asked for after heated lines, or with a word of `flooding`) is the twenty-minute kind
    /// that lets a racing body settle; a calm one ("can we stop for a sec, i need water") gets
    /// a light reply, since nothing says anyone is upset.
    mutating func takeBreak(heated: Bool) {
        let stopped = state.flowRun
        closeFlow(completed: false)
        say(heated ? "break" : "break.short", prompt: true)
        state.pending = .onBreak(stopped: stopped)
    }

    /// "We're back": a fresh greeting, then an offer to go on with the exercise the break
    /// stopped, or to look at the fight together, or the menu.
    mutating func welcomeBack(stopped: FlowRun?) {
        say(state.isSolo ? "break.back_solo" : "break.back")
        if let stopped, script.flows[stopped.flow] != nil {
            state.pending = .resumeOffer(stopped)
            say("break.offer_resume", prompt: true, extra: ["exercise": script.flows[stopped.flow]?.title ?? stopped.flow])
        } else if !state.isSolo, !exerciseOffersHeld,
                  !state.conflict.flowVariables(turn: state.turnCount, partners: state.partners, lexicon: script.lexicon).isEmpty {
            state.pending = .repairOffer
            say("break.offer_repair", prompt: true)
        } else {
            say("menu.hint", prompt: true)
        }
    }

    /// The answer to "shall we go on?": yes picks the stopped exercise up where it stood
    /// (`run`), or starts `repair` (nil); no shows the menu; false when the line was neither.
    mutating func answerResumeOffer(_ match: MatchResult, resuming run: FlowRun?) -> Bool {
        switch match.intent {
        case "affirm":
            if let run { resume(run) } else { startFlow(named: "repair") }
            return true
        case "deny":
            say("menu.hint", prompt: true)
            return true
        default:
            return false
        }
    }

    /// "Let's finish the stress one", "go back to the check-in": the exercise stopped earlier
    /// picks up where it stood. One that wasn't stopped starts from its beginning; with none
    /// named and none stopped, the coach says there is nothing to go back to.
    mutating func resumeStopped(named requested: String?) {
        let wanted = requested.flatMap(flowName(for:)) ?? state.stoppedRun?.flow
        guard let wanted else {
            say("flow.nothing_to_resume")
            return
        }
        if state.flowRun?.flow == wanted {
            repeatLast()
            return
        }
        guard let stopped = state.stoppedRun, stopped.flow == wanted, state.exerciseGate == .open else {
            startFlow(named: requested ?? wanted)
            return
        }
        closeFlow(completed: false)
        if case .debrief = state.pending { state.pending = nil }
        resume(stopped)
    }

    /// Puts a stopped exercise back where it stood, and asks its step's question again in a
    /// line that says where they are (not the same words as a moment ago).
    mutating func resume(_ run: FlowRun) {
        guard let flow = script.flows[run.flow], let step = flow.states[run.state] else { return }
        state.flowRun = run
        if state.stoppedRun?.flow == run.flow { state.stoppedRun = nil }
        outputs.append(.event(.flowStart(flow: run.flow)))
        if let speaker = step.speaker, let index = run.roles[speaker] { state.currentSpeaker = index }
        let question = step.say.flatMap { script.responses.render($0, random: &state.random, lookup: lookup()) } ?? ""
        say("break.resumed", prompt: true, extra: ["exercise": flow.title, "question": question])
    }
}
