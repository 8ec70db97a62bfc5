import Benchmark
import Coach
import Foundation
import IntentEngine
import TranscriptFormat

private let repository: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

private func buildCoach() -> CoachScript {
    let (content, _) = ContentLoader.load(directory: repository + "/Intents")
    let (matcher, _) = IntentCompiler.compile(content)
    return CoachScript.build(content: content, matcher: matcher).0
}

/// Lines a couple might type during a check-in and a mirroring round, looped.
private let lines = [
    "/start check-in", "I finally finished the report", "the train was late again", "I appreciate that you made coffee",
    "Sam: I went for a run", "work was stressful", "I appreciate you listening",
    "/start mirroring", "I feel lonely when you work late", "What I heard is you feel lonely when I work late",
    "yes", "no that's all", "it makes sense that you feel lonely", "I imagine you might feel sad",
    "I feel hurt when you don't call", "you always do this", "can we take a break",
]

/// The conversation carried from one sample to the next: each sample is one turn.
private final class Conversation: @unchecked Sendable {
    let session: Session
    var state: SessionState
    var seq = 0
    var index = 0

    init(script: CoachScript) {
        session = Session(script: script, config: SessionConfig(partners: ["Alex", "Sam"], seed: 1))
        state = session.step(session.initialState(), .begin).0
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, maxDuration: .seconds(5))

    Benchmark("Start-up: load, compile and open a session", configuration: .init(timeUnits: .milliseconds)) { benchmark in
        for _ in benchmark.scaledIterations {
            let session = Session(script: buildCoach(), config: SessionConfig(partners: ["Alex", "Sam"], seed: 1))
            blackHole(session.step(session.initialState(), .begin))
        }
    }

    let script = buildCoach()
    let conversation = Conversation(script: script)
    Benchmark("Whole turn: match, reducer, transcript line (no fsync)",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 50_000)) { benchmark in
        for _ in benchmark.scaledIterations {
            let (next, outputs) = conversation.session.step(conversation.state, .line(lines[conversation.index % lines.count], speaker: nil))
            conversation.state = next
            conversation.index += 1
            for output in outputs {
                conversation.seq += 1
                let seq = conversation.seq
                let body: TranscriptRecord.Body
                switch output {
                case .coach(let text, let response): body = .coach(text: text, response: response)
                case .partner(let line): body = .partner(line)
                case .event(let event): body = .event(event)
                default: continue
                }
                let record = TranscriptRecord(session: "bench", seq: seq, timestamp: TranscriptTimestamp(millisecondsSinceEpoch: 0), body: body)
                blackHole(TranscriptLineEncoder.encode(record))
            }
        }
    }
}
