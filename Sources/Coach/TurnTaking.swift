import IntentEngine

/// Whose turn it is inside an exercise, and hearing an answer before moving on. Each step
/// says in its flow who it waits for (a role, `either` or `both`), so a new exercise gets
/// turn-taking without new Swift.
extension Turn {
    /// Answers a line from the partner whose turn it isn't with a short, kind redirection and
    /// hands the turn back; true when the line was redirected (the step does not take it).
    mutating func redirectIfNotTheirTurn(speaker: Int) -> Bool {
        guard state.partners.count > 1, state.partners.indices.contains(speaker), let run = state.flowRun,
              let flowState = script.flows[run.flow]?.states[run.state] else { return false }
        let saidBy = state.partners[speaker]
        switch flowState.waiting {
        case .anyone:
            return false
        case .role(let role):
            guard let expected = run.roles[role], expected != speaker else { return false }
            state.currentSpeaker = expected
            say(flowState.redirect ?? Self.named("turn.wrong_speaker"), extra: ["said_by": saidBy])
            return true
        case .both:
            guard run.answers.contains(where: { $0.speaker == speaker }), let waiting = otherIndex(of: speaker) else { return false }
            state.currentSpeaker = waiting
            say("turn.both_waiting", extra: ["said_by": saidBy])
            return true
        }
    }

    /// At "did {listener} get it?", a line that reads as the listener's (more of the mirror:
    /// "and that you miss our evenings", "what I heard is…") is not taken as the speaker's
    /// answer: the coach says whom the question waits for and how the listener adds to the
    /// mirror (`turn.confirm_waiting`). True when the line was held. It is judged by its words
    /// alone, whether or not a name was typed before it, so a replayed transcript (where every
    /// line has its speaker) takes the same path as the session it came from.
    mutating func holdConfirmation(_ match: MatchResult, text: String, speaker: Int, waitingFor: Int) -> Bool {
        guard speaker == waitingFor, let listener = otherIndex(of: waitingFor),
              !Self.confirmationAnswers.contains(match.intent), readsAsListener(match, text: text) else { return false }
        say("turn.confirm_waiting", extra: ["person": partnerName(waitingFor), "other": partnerName(listener)])
        return true
    }

    /// What answers "did they get it?" whoever typed it.
    static let confirmationAnswers: Set<String> = ["affirm", "deny", "partly", "skip", "done", "unsure"]

    /// A mirror, or a line about "you" that says nothing of "I": the listener's words, not
    /// the speaker's correction ("you forgot that I miss our evenings" is the speaker's).
    func readsAsListener(_ match: MatchResult, text: String) -> Bool {
        if match.intent == "mirror" { return true }
        let words = TextNormalizer.words(text)
        return words.contains(where: script.lexicon.partnerWords.contains) && !words.contains(where: script.lexicon.firstPerson.contains)
    }

    /// In a step addressed to both partners, keeps the first answer, acknowledges it and asks
    /// the other partner; true when the line was taken that way (the step waits on). The
    /// step's transitions run on the second answer, with both answers in view.
    mutating func holdFirstAnswer(_ match: MatchResult, text: String, speaker: Int) -> Bool {
        guard state.partners.count > 1, var run = state.flowRun, let flowState = script.flows[run.flow]?.states[run.state],
              flowState.waiting == .both, run.answers.isEmpty, let other = otherIndex(of: speaker) else { return false }
        // One no is the answer: a step that asks both whether they'd like something ends on it.
        if match.intent == "deny", stateMentions("deny") { return false }
        run.answers.append(StepAnswer(speaker: speaker, text: Self.withoutClosingPunctuation(text), intent: match.intent))
        if match.intent != "skip" { run.heard = true }
        state.flowRun = run
        acknowledge(match, text: text, speaker: speaker)
        state.currentSpeaker = other
        say(flowState.askOther ?? Self.named("turn.ask_other"), extra: ["said_by": state.partners[speaker]])
        return true
    }

    /// Whether a transition leaving a step should first acknowledge the line: it says
    /// nothing itself, the step waits for someone and hasn't opted out.
    func shouldAcknowledge(_ transition: FlowTransition, in flowState: FlowState) -> Bool {
        guard flowState.acknowledges, flowState.speaker != nil, transition.target != .stay else { return false }
        return !transition.effects.contains { if case .say = $0 { return true } else { return false } }
    }

    /// Says back what was heard: the feeling it names, else the line turned around when that
    /// reads well, else a plain thank-you. A bare yes, no or pass gets the plain one.
    /// `kind` names the family of replies: `ack` inside a step, `debrief` after an exercise.
    mutating func acknowledge(_ match: MatchResult, text: String, speaker: Int, kind: String = "ack",
                              extra: [String: String] = [:]) {
        var extra = extra
        extra["said_by"] = state.partners.indices.contains(speaker) ? state.partners[speaker] : "you"
        if kind == "ack", acknowledgeShare(match, speaker: speaker) { return }
        if !Self.isBareAnswer(match, text: text) {
            if let feeling = Self.namedFeeling(in: text, lexicon: script.lexicon) {
                extra["feeling"] = feeling
                say("\(kind).feeling", extra: extra)
                return
            }
            // A blaming line is never said back as if it were neutral: the note on how it
            // was said speaks to it, and the acknowledgement stays plain.
            if !carriesBlame(match), let echo = flip(for: speaker).echo(text) {
                extra["echo"] = echo
                say("\(kind).content", extra: extra)
                return
            }
        }
        say("\(kind).plain", extra: extra)
    }

    /// Acknowledges a vulnerable share (a past hurt, a fear of the partner's response,
    /// shame: `Intents/vulnerable-shares.yaml`) warmly, by its kind, instead of saying the hurt
    /// back; true when it did. Said even where the step has a thank-you of its own, so an old
    /// hurt is never met by a bare "Thank you".
    mutating func acknowledgeShare(_ match: MatchResult, speaker: Int) -> Bool {
        guard let share = Self.vulnerableShare(in: match), script.responses.has("ack.vulnerable.\(share)") else { return false }
        say("ack.vulnerable.\(share)", extra: ["said_by": partnerName(speaker), "other": otherPartner(of: speaker) ?? "your partner"])
        return true
    }

    /// The kind of vulnerable share a line is (`past_hurt`, `fear`, `shame`), when a template
    /// of `share_vulnerable` read it, even if another intent won ("yes, my ex cheated on me"
    /// is a yes and a past hurt); a reading by keywords alone is a past hurt.
    static func vulnerableShare(in match: MatchResult) -> String? {
        if let candidate = match.candidates.first(where: { $0.intent == vulnerableShareIntent && $0.tier != .keyword }) {
            return candidate.slots.first { $0.name == "share" }?.value ?? "past_hurt"
        }
        return match.intent == vulnerableShareIntent ? (match.slots["share"] ?? "past_hurt") : nil
    }

    /// The intent of a vulnerable share, named in `CoachScript.requiredIntents`.
    static let vulnerableShareIntent = "share_vulnerable"

    /// Whether the line blames or scorns the partner (criticism or contempt is flagged).
    func carriesBlame(_ match: MatchResult) -> Bool {
        LineFlags.horsemen(in: match, lexicon: script.lexicon, language: script.matcher.language)
            .contains { $0.flag == "criticism" || $0.flag == "contempt" }
    }

    /// "yes", "no", "pass" or "done" alone: it answers the step, with nothing to say back.
    /// "yeah, my ex cheated on me" is an answer with content.
    static func isBareAnswer(_ match: MatchResult, text: String) -> Bool {
        shortAnswers.contains(match.intent) && TextNormalizer.words(text).count <= 3
    }

    /// Intents that answer a step without content of their own to reflect.
    static let shortAnswers: Set<String> = ["affirm", "deny", "partly", "skip", "done", "thanks", "greet"]

    /// The first feeling word the speaker names as their own ("I was nervous", "it made me
    /// sad", or the word alone), skipping negated ones ("not angry") and feelings said of
    /// someone else ("you were bored of me").
    static func namedFeeling(in text: String, lexicon: Lexicon) -> String? {
        let words = TextNormalizer.words(text)
        for (index, word) in words.enumerated() where lexicon.feelings.contains(word) {
            let before = words[max(0, index - 3)..<index]
            if before.contains(where: { negations.contains($0) }) { continue }
            if words.count <= 2 || before.contains(where: { ownFeeling.contains($0) }) { return word }
        }
        return nil
    }

    /// Words that make a feeling the speaker's: "I feel", "I'm", "made me".
    static let ownFeeling: Set<String> = ["i", "im", "ive", "me", "feel", "felt", "feeling", "myself"]

    static let negations: Set<String> = ["not", "never", "isnt", "wasnt", "arent", "dont", "didnt", "no", "without", "nor"]

    func otherIndex(of index: Int) -> Int? {
        state.partners.count > 1 ? (index == 0 ? 1 : 0) : nil
    }

    static func named(_ name: String) -> ResponseReference {
        .named(name, SourceLocation(file: "", line: 0, column: 0))
    }

    /// Drops the words a step's own sentence already supplies from the front of a line:
    /// "when you joked about me" at "I feel hurt when…" keeps "you joked about me".
    static func dropSupplied(_ text: String, supplies: [[String]]) -> String {
        guard !supplies.isEmpty else { return text }
        let tokens = TextNormalizer.tokenize(text)
        let words = tokens.map(\.word)
        var longest = 0
        for phrase in supplies {
            if let length = prefixLength(of: phrase, in: words), length > longest { longest = length }
        }
        guard longest > 0, longest < tokens.count else { return text }
        let start = text.index(text.startIndex, offsetBy: tokens[longest].start)
        return String(text[start...])
    }

    /// How many words of `words` the phrase covers at the start; `*` takes one to three.
    static func prefixLength(of phrase: [String], in words: [String]) -> Int? {
        func match(_ p: Int, _ w: Int) -> Int? {
            if p == phrase.count { return w }
            if phrase[p] == "*" {
                for take in stride(from: 3, through: 1, by: -1) where w + take <= words.count {
                    if let end = match(p + 1, w + take) { return end }
                }
                return nil
            }
            guard w < words.count, words[w] == phrase[p] else { return nil }
            return match(p + 1, w + 1)
        }
        return match(0, 0)
    }
}
