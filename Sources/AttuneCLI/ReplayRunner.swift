import Coach
import Foundation
import IntentEngine
import TranscriptFormat

/// What a replay produced: the conversation as text and the expectations that failed.
struct ReplayOutcome {
    var transcript: [String] = []
    var failures: [String] = []
    var checks = 0
}

/// Replays `.dialogue` scripts and `.jsonl` transcripts through the coach.
struct ReplayRunner {
    let script: CoachScript
    /// Receives each transcript record (for `--format jsonl`).
    var onRecord: (TranscriptRecord) -> Void = { _ in }

    func run(_ dialogue: DialogueScript) -> ReplayOutcome {
        var config = SessionConfig(partners: dialogue.partners, seed: dialogue.seed, firstSession: dialogue.firstSession,
                                   version: AttuneVersion.current)
        config.pastCouples = dialogue.pastCouples
        var loop = conversation(config, file: dialogue.file)
        let driver = loop.driver
        var outcome = ReplayOutcome()
        // The steps are read as the REPL reads a pipe, through the same loop; each step's
        // expectations are checked against what that step produced.
        var steps = dialogue.steps[...]
        loop.afterStep = { input, outputs in
            switch input {
            case .begin:
                outcome.transcript += Self.describe(outputs, input: nil)
                check(dialogue.opening, outputs: outputs, driver: driver, file: dialogue.file, into: &outcome)
            case .line(let text, _):
                guard let step = steps.popFirst() else { return }
                outcome.transcript += Self.describe(outputs, input: text)
                check(step.expectations, outputs: outputs, driver: driver, file: dialogue.file, into: &outcome)
            default:
                outcome.transcript += Self.describe(outputs, input: nil)
            }
        }
        var lines = ScriptedLines(dialogue.steps.map { .line($0.input) })
        _ = loop.run(&lines)
        return outcome
    }

    private func check(_ expectations: [DialogueScript.Expectation], outputs: [SessionOutput], driver: ConversationDriver,
                       file: String, into outcome: inout ReplayOutcome) {
        let coach = outputs.compactMap { if case .coach(let text, _) = $0 { return text } else { return nil } }
        let responses = outputs.compactMap { if case .coach(_, let response) = $0 { return response } else { return nil } }
        let partner = outputs.compactMap { if case .partner(let line) = $0 { return line } else { return nil } }.first
        let safety = outputs.compactMap { if case .event(.safety(let kind)) = $0 { return kind } else { return nil } }
        let artifacts = outputs.compactMap { if case .event(.artifact(let artifact)) = $0 { return artifact } else { return nil } }
        for expectation in expectations {
            outcome.checks += 1
            var problem: String?
            switch expectation.check {
            case .intent(let intent):
                let got = partner?.intent ?? "(a command, no intent)"
                if got != intent { problem = "expected intent \(intent), got \(got)" }
            case .says(let text):
                if !coach.contains(where: { $0.lowercased().contains(text.lowercased()) }) {
                    problem = "expected the coach to say \"\(text)\", it said: \(coach.map { "\"\($0)\"" }.joined(separator: " "))"
                }
            case .response(let key):
                if !responses.contains(key) {
                    problem = "expected response \(key), got \(responses.isEmpty ? "none" : responses.joined(separator: ", "))"
                }
            case .notSays(let text):
                if coach.contains(where: { $0.lowercased().contains(text.lowercased()) }) {
                    problem = "expected the coach not to say \"\(text)\""
                }
            case .flow(let flow):
                let got = driver.state.flowRun?.flow ?? "none"
                if got != flow { problem = "expected flow \(flow), got \(got)" }
            case .state(let state):
                let got = driver.state.flowRun.map { "\($0.flow).\($0.state)" } ?? "none"
                if got != state { problem = "expected state \(state), got \(got)" }
            case .safety(let kind):
                if !safety.contains(kind) {
                    problem = "expected a safety event \(kind), got \(safety.isEmpty ? "none" : safety.joined(separator: ", "))"
                }
            case .speaker(let name):
                let got = driver.state.expectedSpeaker ?? "nobody"
                if got.lowercased() != name.lowercased() { problem = "expected \(name) to speak next, got \(got)" }
            case .mirror(let verdict):
                let got = partner?.mirror?.verdict.rawValue ?? "no mirror check"
                if got != verdict { problem = "expected mirror verdict \(verdict), got \(got)" }
            case .safetyStep(let step):
                var got = "none"
                if case .safety(let conversation) = driver.state.pending { got = conversation.step.rawValue }
                if got != step { problem = "expected safety conversation step \(step), got \(got)" }
            case .artifact(let kind, let field, let text):
                let ofKind = artifacts.filter { $0.kind == kind }
                if ofKind.isEmpty {
                    problem = "expected an artifact \(kind), got \(artifacts.isEmpty ? "none" : artifacts.map(\.kind).joined(separator: ", "))"
                } else if let field, let text,
                          !ofKind.contains(where: { $0[field: field]?.lowercased().contains(text.lowercased()) == true }) {
                    let got = ofKind.map { $0[field: field].map { "\"\($0)\"" } ?? "no field \(field)" }.joined(separator: ", ")
                    problem = "expected artifact \(kind) with \(field) containing \"\(text)\", got \(got)"
                }
            case .noArtifact(let kind):
                let made = artifacts.filter { kind == "any" || $0.kind == kind }
                if !made.isEmpty { problem = "expected no artifact \(kind), got \(made.map(\.kind).joined(separator: ", "))" }
            case .ended(let how):
                let ends = outputs.compactMap { if case .event(.flowEnd(_, let completed)) = $0 { return completed ? "completed" : "stopped" } else { return nil } }
                if !ends.contains(how) { problem = "expected the exercise to end \(how), got \(ends.isEmpty ? "no end" : ends.joined(separator: ", "))" }
            case .flag(let flag):
                let got = partner?.flags ?? []
                if !got.contains(flag) { problem = "expected flag \(flag), got [\(got.joined(separator: ", "))]" }
            }
            if let problem { outcome.failures.append("\(file):\(expectation.line): \(problem)") }
        }
    }

    /// Replays a recorded transcript through the same loop; every coach reply must equal the
    /// recorded one (see `RecordedReplay`).
    func run(transcript records: [TranscriptRecord], file: String) -> ReplayOutcome {
        let recording = RecordedSession(records)
        let config = SessionConfig(partners: recording.partners, seed: recording.seed, firstSession: recording.firstSession,
                                   version: AttuneVersion.current)
        var loop = conversation(config, file: file)
        let replay = RecordedReplay(recording, session: loop.driver.session, file: file)
        loop.afterStep = { _, outputs in replay.heard(outputs) }
        var source = replay
        _ = loop.run(&source)
        return replay.finish()
    }

    /// A session for `config` in a loop that shows nothing, its records stamped by a steady
    /// clock and handed to `onRecord`.
    private func conversation(_ config: SessionConfig, file: String) -> ConversationLoop {
        let driver = ConversationDriver(session: Session(script: script, config: config), sink: nil,
                                        sessionID: (file as NSString).lastPathComponent, clock: Self.fixedClock())
        driver.onRecord = onRecord
        return ConversationLoop(driver: driver, console: Console(coach: { _ in }, clearScreen: {}, error: { _ in }))
    }

    static func coachLines(_ outputs: [SessionOutput]) -> [String] {
        outputs.compactMap { if case .coach(let text, _) = $0 { return text } else { return nil } }
    }

    private func compare(_ outputs: [SessionOutput], expected: [String], at place: String, file: String, into outcome: inout ReplayOutcome) {
        let said = outputs.compactMap { if case .coach(let text, _) = $0 { return text } else { return nil } }
        outcome.checks += 1
        if said != expected {
            outcome.failures.append("\(file): \(place): the coach said \(said.map { "\"\($0)\"" }.joined(separator: " ")); the transcript has \(expected.map { "\"\($0)\"" }.joined(separator: " "))")
        }
    }

    /// The conversation as people read it.
    static func describe(_ outputs: [SessionOutput], input: String?) -> [String] {
        var lines: [String] = []
        var speaker: String?
        for output in outputs {
            if case .partner(let line) = output, !line.speaker.isEmpty { speaker = line.speaker }
        }
        if let input {
            if input.hasPrefix("/") || speaker == nil || input.lowercased().hasPrefix("\(speaker!.lowercased()):") {
                lines.append(input)
            } else {
                lines.append("\(speaker!): \(input)")
            }
        }
        for output in outputs {
            switch output {
            case .coach(let text, _): lines.append("Coach: \(text)")
            case .event(.flowStart(let flow)): lines.append("— \(flow) started —")
            case .event(.flowEnd(let flow, let completed)): lines.append("— \(flow) \(completed ? "finished" : "stopped") —")
            case .event(.safety(let kind)): lines.append("— safety: \(kind) —")
            default: break
            }
        }
        return lines
    }

    /// Replays are stamped with a steady clock from a fixed start, so their records are reproducible.
    static func fixedClock() -> () -> TranscriptTimestamp {
        var tick: Int64 = 0
        return {
            tick += 1
            return TranscriptTimestamp(millisecondsSinceEpoch: 1_767_225_600_000 + tick * 1000)
        }
    }
}
