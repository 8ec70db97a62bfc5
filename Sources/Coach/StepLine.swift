import IntentEngine

/// What a line said at an exercise step is: an answer, or one of the things people say
/// instead of answering. A question back ("what do you mean?", "like what?"), not knowing
/// ("idk", "no idea tbh", "i dunno, you pick") and a pause ("one sec", "hang on let me
/// think") are not answers: captured, they would be read back and saved as the couple's
/// date plan or "I feel" statement. The one place that tells them apart, read from intents
/// in `Intents/` (step-lines.yaml and `unsure`), so a new wording is data.
enum StepLine: Equatable {
    case answer
    case questionBack
    case notKnowing
    case pause
    /// Sarcasm, hurt or a refusal ("this is dumb", "see this is why i dont say stuff", "no i
    /// dont want to say that"): thanked as an answer, it would be saved and said back.
    case pushBack
    /// Pressure on a no ("ugh come on, u never want to cuddle"): said back, it reads as fine.
    case pressure
    /// A question of the coach's own subject asked mid-exercise ("wait is it normal that we
    /// never talk about work", "what are the stages again"): answered, then the step's
    /// question again, never taken as the answer.
    case question

    /// The intent each kind of non-answer is heard by. Lint requires each
    /// (`CoachScript.requiredIntents`).
    static let intents: [String: StepLine] = ["ask_back": .questionBack, "unsure": .notKnowing, "hold_on": .pause,
                                              "push_back": .pushBack, "pressure": .pressure,
                                              "relationship_question": .question, "ask_about": .question]

    /// The replies the kinds get; content must provide each (`CoachScript.requiredResponses`).
    static let responses = ["step.question_back", "step.not_knowing", "step.pause", "step.push_back", "step.pressure",
                            "step.after_question"]

    /// Kinds heard from either partner, whoever's turn it is: how a step lands on someone is
    /// theirs to say, and is not redirected as "that's the other one's part".
    var heardFromEither: Bool { self == .pushBack || self == .pressure || self == .question }

    /// The kind of a line. A non-answer only when its intent's template explains the whole
    /// line (skip words aside): "not sure, maybe friday after work" is a hedged answer, and
    /// "i dont know why you always leave" is not a shrug.
    /// Push-back and pressure also when their stretch opens or closes the line, with more
    /// said around it ("wow ok so you think it wont work. great.", "no i dont want to say
    /// that, its weird"): sarcasm rarely comes alone.
    static func kind(of match: MatchResult) -> StepLine {
        guard let best = match.best, best.tier != .keyword, !match.isAmbiguous, let kind = intents[match.intent] else { return .answer }
        if best.wholeLine || (kind.heardFromEither && opensOrClosesLine(match)) { return kind }
        return .answer
    }

    /// Whether the winner's stretch starts or ends the line (punctuation aside).
    static func opensOrClosesLine(_ match: MatchResult) -> Bool {
        guard let best = match.best, best.tier == .template, let span = best.span else { return false }
        let characters = Array(match.text)
        let lower = min(max(span.lowerBound, 0), characters.count), upper = min(max(span.upperBound, lower), characters.count)
        return TextNormalizer.words(String(characters[..<lower])).isEmpty || TextNormalizer.words(String(characters[upper...])).isEmpty
    }

    /// What the coach says to it; nil for an answer, which the step takes.
    var response: String? {
        switch self {
        case .answer: return nil
        case .questionBack: return "step.question_back"
        case .notKnowing: return "step.not_knowing"
        case .pause: return "step.pause"
        case .pushBack: return "step.push_back"
        case .pressure: return "step.pressure"
        case .question: return "step.after_question"
        }
    }
}

extension Turn {
    /// Answers a line that is not an answer to the step waiting for one, and leaves the step
    /// where it was (nothing captured, the same partner still to answer); true when the line
    /// was taken that way. A step that handles the intent itself (an `on:` naming it, or
    /// `takes:`) takes it as usual. A question back gets the step's `hint:`, unless the hint
    /// was just said: a second "like what?" then gets the general reply, not the same words.
    mutating func answerNonAnswer(_ match: MatchResult, speaker: Int) -> Bool {
        guard let run = state.flowRun, let flowState = script.flows[run.flow]?.states[run.state], flowState.speaker != nil,
              let response = StepLine.kind(of: match).response, !stateMentions(match.intent) else { return false }
        let extra = ["said_by": partnerName(speaker), "other": otherPartner(of: speaker) ?? "your partner"]
        if response == "step.after_question" {
            // Answered only when the coach has an answer for it; else it is the step's answer.
            guard let answer = globalAnswer(match) else { return false }
            say(answer)
            let question = flowState.say.flatMap { script.responses.render($0, random: &state.random, lookup: lookup()) } ?? ""
            say(response, extra: extra.merging(["question": question]) { _, new in new })
            return true
        }
        if response == "step.question_back", let hint = flowState.hint, !saidRecently(hint, extra: extra) {
            say(hint, extra: extra)
        } else {
            say(response, extra: extra)
        }
        return true
    }

    /// Whether every variant of a reply was said within the last few turns.
    func saidRecently(_ reference: ResponseReference, extra: [String: String]) -> Bool {
        let recent = state.recentReplies.filter { state.turnCount - $0.turn < RecentReply.window }.map(\.text)
        let lookup = lookup(extra: extra)
        return script.responses.variants(of: reference).allSatisfy { recent.contains(ResponseBook.fill($0, lookup: lookup)) }
    }
}
