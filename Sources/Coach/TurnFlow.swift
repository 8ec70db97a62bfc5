import Foundation
import IntentEngine
import TranscriptFormat

/// The exercise engine: starting, entering states, firing transitions, finishing.
extension Turn {
    /// Resolves what people call an exercise ("check in", "Mirroring") to a flow name.
    func flowName(for text: String) -> String? {
        let wanted = TextNormalizer.words(text).joined(separator: "-")
        if script.flows[wanted] != nil { return wanted }
        let match = script.matcher.match("start \(text)")
        if let exercise = match.slots["exercise"], script.flows[exercise] != nil { return exercise }
        return script.flows.values.first { TextNormalizer.words($0.title).joined(separator: "-") == wanted }?.name
    }

    mutating func startFlow(named requested: String) {
        guard let name = flowName(for: requested), let flow = script.flows[name] else {
            say("flow.unknown", extra: ["requested": requested])
            return
        }
        if state.exerciseGate == .closed || (flow.needsCouple && state.exerciseGate == .soloOnly) {
            say("flow.blocked")
            return
        }
        if state.isSolo && !flow.worksAlone {
            var extra = ["exercise": flow.title]
            if case .instead(let other) = flow.solo, let instead = script.flows[other] {
                extra["instead"] = other
                extra["instead_summary"] = instead.summary(solo: true)
            }
            say("flow.needs_couple", extra: extra)
            return
        }
        closeFlow(completed: false)
        // A new exercise moves on from the last one's "how was that?".
        if case .debrief = state.pending { state.pending = nil }
        var roles: [String: Int] = [:]
        let count = max(1, state.partners.count)
        for (offset, role) in flow.roles.enumerated() { roles[role] = (state.currentSpeaker + offset) % count }
        // An exercise started after a fight is told what was said, so `repair` works on it.
        let fight = state.conflict.flowVariables(turn: state.turnCount, partners: state.partners, lexicon: script.lexicon)
        state.conflict.forgetFight()
        let start = flow.start(solo: state.isSolo)
        state.flowRun = FlowRun(flow: name, state: start, roles: roles, variables: fight)
        outputs.append(.event(.flowStart(flow: name)))
        enter(start, depth: 0)
    }

    mutating func stopFlow() {
        guard let run = state.flowRun else {
            say("flow.none_running")
            return
        }
        let title = script.flows[run.flow]?.title ?? run.flow
        closeFlow(completed: false)
        say("flow.stopped", extra: ["exercise": title])
    }

    /// Moves past the current step: to where its last transition goes, without its effects.
    mutating func skipState() {
        guard let run = state.flowRun, let flowState = script.flows[run.flow]?.states[run.state] else {
            say("flow.none_running")
            return
        }
        let explicit = flowState.on.first { transition in
            transition.conditions.contains { if case .intent(let intents) = $0 { return intents.contains("skip") } else { return false } }
        }
        guard let target = explicit?.target ?? flowState.on.last(where: { $0.target != .stay })?.target else {
            say("flow.skip_nothing")
            return
        }
        move(to: target, depth: 0)
    }

    mutating func enter(_ stateName: String, depth: Int) {
        guard var run = state.flowRun, let flow = script.flows[run.flow], let flowState = flow.states[stateName] else { return }
        run.state = stateName
        run.answers = []
        state.flowRun = run
        if let speaker = flowState.speaker, let index = run.roles[speaker] {
            state.currentSpeaker = index
        }
        if flowState.isFinal && !run.heard {
            // Every step was skipped: nothing to read back, keep or ask about.
            say("flow.finished_empty", extra: ["exercise": flow.title])
            closeFlow(completed: false)
            return
        }
        if let say = flowState.say { self.say(say, prompt: true) }
        for declared in flowState.artifacts where run.heard {
            if let artifact = artifact(declared, run: run) { outputs.append(.event(.artifact(artifact))) }
        }
        if flowState.isFinal {
            closeFlow(completed: true)
            if flowState.asksDebrief { state.pending = .debrief(exercise: flow.title, heard: []) }
            return
        }
        guard depth < 16 else { return }
        for transition in flowState.then where conditionsHold(transition.conditions, match: nil, result: nil) {
            apply(transition, text: nil, speaker: state.currentSpeaker, depth: depth)
            return
        }
    }

    /// The artifact a state declares, filled from the flow's variables; nil when every field is
    /// empty (the couple skipped every part of it).
    func artifact(_ declared: FlowArtifact, run: FlowRun) -> Artifact? {
        let fields = declared.fields.compactMap { field -> Artifact.Field? in
            let text = Self.listText(run.variables[field.variable] ?? "")
            return text.isEmpty ? nil : Artifact.Field(field.name, text)
        }
        guard !fields.isEmpty else { return nil }
        let by: [String]
        if declared.by == "both" {
            by = state.partners
        } else if let index = run.roles[declared.by] {
            by = [partnerName(index)]
        } else {
            by = [run.variables[declared.by]].compactMap { $0 }.filter { !$0.isEmpty }
        }
        return Artifact(flow: run.flow, kind: declared.kind, by: by, value: fields)
    }

    /// A variable built as bullet lines ("  • one\n  • two") as plain lines ("one\ntwo"):
    /// the bullets are how the coach reads a list out, not part of what the couple chose.
    static func listText(_ text: String) -> String {
        text.split(separator: "\n").map { line in
            var kept = line.trimmingCharacters(in: .whitespaces)
            if kept.hasPrefix("•") { kept = String(kept.dropFirst()).trimmingCharacters(in: .whitespaces) }
            return kept
        }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// "I finished the report." → "I finished the report", so replies can add their own.
    static func withoutClosingPunctuation(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, ".!?,;:".contains(last) { result = result.dropLast() }
        return String(result)
    }

    /// Whether the current state handles `intent` itself, by an `on:` naming it or by
    /// `takes:` (then a command said in words is content here: "timeout pls" written down as
    /// a repair phrase is a phrase, not a break).
    func stateMentions(_ intent: String) -> Bool {
        guard let run = state.flowRun, let flowState = script.flows[run.flow]?.states[run.state] else { return false }
        if flowState.takes.contains(intent) { return true }
        return flowState.on.contains { transition in
            transition.conditions.contains { if case .intent(let intents) = $0 { return intents.contains(intent) } else { return false } }
        }
    }

    /// Ends the exercise in progress, if any, and the questions asked inside it.
    mutating func closeFlow(completed: Bool) {
        guard let run = state.flowRun else { return }
        outputs.append(.event(.flowEnd(flow: run.flow, completed: completed)))
        state.flowRun = nil
        state.lastExercise = run.flow
        if !completed {
            state.stoppedRun = run
        } else if state.stoppedRun?.flow == run.flow {
            state.stoppedRun = nil
        }
        if state.pending?.belongsToExercise == true { state.pending = nil }
    }

    /// Whether a line with this reading would fire a transition that leaves the state.
    func flowWouldMove(on match: MatchResult) -> Bool {
        guard let run = state.flowRun, let flowState = script.flows[run.flow]?.states[run.state] else { return false }
        return flowState.on.contains { transition in
            transition.target != .stay && transition.conditions.contains {
                if case .intent(let intents) = $0 { return intents.contains(match.intent) }
                return false
            } && conditionsHold(transition.conditions, match: match, result: nil)
        }
    }

    /// Handles a line inside the exercise; false when no transition takes it. `answering` is
    /// the question the line was taken as the answer to; the line's record gets what the step
    /// judged (a mirror's verdict, a mirror's confirmation).
    mutating func flowLine(_ match: MatchResult, text: String, speaker: Int, answering: PendingQuestion?,
                           heard: inout PartnerTurn) -> Bool {
        let match = consentReading(of: match, text: text)
        guard var run = state.flowRun, let flow = script.flows[run.flow], let flowState = flow.states[run.state] else { return false }
        if case .mirrorConfirmation = answering, ["affirm", "deny", "partly"].contains(match.intent) {
            heard.confirmed = match.intent == "affirm"
        }
        // A question back, a shrug or a pause is answered, and the step waits on.
        if answerNonAnswer(match, speaker: speaker) {
            if case .mirrorConfirmation = answering { state.pending = answering }
            return true
        }
        // The first of two answers to a step addressed to both is kept until the other comes.
        if holdFirstAnswer(match, text: text, speaker: speaker) { return true }
        var result: String?
        var judgedMirror = false
        if let action = flowState.action {
            let outcome = FlowActions.run(action, text: text, run: run, turn: self, speaker: speaker)
            result = outcome.result
            run.variables.merge(outcome.variables) { _, new in new }
            if let verdict = outcome.mirror {
                heard.mirror = verdict
                judgedMirror = true
            }
        }
        state.flowRun = run
        let transition = flowState.on.first(where: { conditionsHold($0.conditions, match: match, result: result) })
        if let transition {
            if match.intent != "skip" { state.flowRun?.heard = true }
            if shouldAcknowledge(transition, in: flowState), !Self.isBareAnswer(match, text: text) {
                acknowledge(match, text: text, speaker: speaker)
            } else if flowState.acknowledges, flowState.speaker != nil {
                // A step's own "Thank you" is not enough for an old hurt or a fear.
                _ = acknowledgeShare(match, speaker: speaker)
            }
            apply(transition, text: text, speaker: speaker, depth: 0)
        }
        // The speaker is asked whether the mirror got it; their next line answers.
        if judgedMirror, state.flowRun != nil { state.pending = .mirrorConfirmation(waitingFor: state.currentSpeaker) }
        return transition != nil
    }

    /// At a step that asks yes or no (an `on:` for `deny`), a line that opens with a no is a
    /// no, whatever follows it: "no. whatever", "nah, lets stop". A no with more words must
    /// never be read as going on.
    func consentReading(of match: MatchResult, text: String) -> MatchResult {
        guard match.intent != "deny", stateMentions("deny"),
              let clause = text.split(whereSeparator: { ".,;!?".contains($0) }).first.map(String.init),
              clause.count < text.count else { return match }
        let opening = script.matcher.match(clause, context: matchContext)
        guard opening.intent == "deny", opening.best?.wholeLine == true else { return match }
        return opening
    }

    func conditionsHold(_ conditions: [FlowCondition], match: MatchResult?, result: String?) -> Bool {
        conditions.allSatisfy { condition in
            switch condition {
            case .intent(let intents):
                // In a step addressed to both, an intent must hold for each answer: both said yes.
                guard let match, intents.contains(match.intent) else { return false }
                return state.flowRun?.answers.allSatisfy { intents.contains($0.intent) } ?? true
            case .slot(let slot, let values):
                guard let value = match?.slots[slot] else { return false }
                return values.isEmpty || values.contains(value)
            case .result(let results): return result.map { results.contains($0) } ?? false
            case .variable(let name, let expected): return (state.flowRun?.variables[name] ?? "") == expected
            }
        }
    }

    mutating func apply(_ transition: FlowTransition, text: String?, speaker: Int, depth: Int) {
        // Captured lines that would not read well said back ("idk nothing really"): a reply
        // that says one back is replaced by a plain acknowledgement.
        var unreadable: Set<String> = []
        for effect in transition.effects {
            guard var run = state.flowRun else { return }
            switch effect {
            case .say(let reference):
                state.flowRun = run
                let names = script.responses.variants(of: reference).flatMap(ResponseBook.variableNames)
                if names.contains(where: unreadable.contains) {
                    say("ack.plain", extra: ["said_by": partnerName(speaker)])
                } else {
                    say(reference)
                }
                continue
            case .capture(let name):
                if let text {
                    let kept = capturedText(text, speaker: speaker)
                    run.variables[name] = kept
                    let echo = flip(for: speaker).echo(kept, minimumWords: 1)
                    run.variables["\(name)_reflected"] = echo ?? reflect(kept, speaker: speaker)
                    if echo == nil { unreadable.insert("\(name)_reflected") }
                    if let speakerName = state.partners.indices.contains(speaker) ? state.partners[speaker] : nil {
                        run.variables["\(name)_by"] = speakerName
                    }
                }
            case .append(let name):
                if let text {
                    let joined = [run.variables[name], capturedText(text, speaker: speaker)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                    run.variables[name] = joined
                    run.variables["\(name)_reflected"] = reflect(joined, speaker: speaker)
                }
            case .set(let name, let value):
                run.variables[name] = ResponseBook.fill(value, sentenceCase: false, lookup: lookup())
            case .swapRoles:
                let roles = script.flows[run.flow]?.roles ?? []
                if roles.count >= 2, let a = run.roles[roles[0]], let b = run.roles[roles[1]] {
                    run.roles[roles[0]] = b
                    run.roles[roles[1]] = a
                }
            }
            state.flowRun = run
        }
        move(to: transition.target, depth: depth + 1)
    }

    /// What a step keeps of a line: without closing punctuation, the words the step's own
    /// sentence supplies or hedges ("maybe", "i guess": `HedgeStripping`), so what the couple
    /// made is saved as they meant it; in a step addressed to both, each partner's answer by name.
    func capturedText(_ text: String, speaker: Int) -> String {
        guard let run = state.flowRun, let flowState = script.flows[run.flow]?.states[run.state] else {
            return Self.withoutClosingPunctuation(text)
        }
        let kept = Self.withoutClosingPunctuation(HedgeStripping.strip(Self.dropSupplied(text, supplies: flowState.supplies), lexicon: script.lexicon))
        guard !run.answers.isEmpty else { return kept }
        let named = run.answers.map { "\(partnerName($0.speaker)): \($0.text)" } + ["\(partnerName(speaker)): \(kept)"]
        return named.joined(separator: "; ")
    }

    func partnerName(_ index: Int) -> String {
        state.partners.indices.contains(index) ? state.partners[index] : "you"
    }

    mutating func move(to target: FlowTarget, depth: Int) {
        switch target {
        case .stay: break
        case .finish:
            // Finishing counts only if some step was answered (not every one skipped).
            closeFlow(completed: state.flowRun?.heard ?? false)
        case .state(let name): enter(name, depth: depth)
        }
    }
}
