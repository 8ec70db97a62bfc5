import Foundation
import IntentEngine
import TranscriptFormat
@testable import Coach

/// The repository's own `Intents/`, so tests exercise the content that ships.
enum ShippedContent {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Intents").path
    }()

    static let script: CoachScript = {
        let (content, _) = ContentLoader.load(directory: directory)
        let (matcher, _) = IntentCompiler.compile(content)
        return CoachScript.build(content: content, matcher: matcher).0
    }()
}

/// Drives a session in memory, as the REPL would, keeping every output.
struct Conversation {
    let session: Session
    var state: SessionState
    var all: [SessionOutput] = []
    var last: [SessionOutput] = []

    init(partners: [String]? = ["Alex", "Sam"], seed: UInt64 = 1, firstSession: Bool = false, pastCouples: Set<String>? = nil) {
        var config = SessionConfig(partners: partners, seed: seed, firstSession: firstSession)
        config.pastCouples = pastCouples
        session = Session(script: ShippedContent.script, config: config)
        state = session.initialState()
        send(.begin)
    }

    mutating func send(_ input: SessionInput) {
        (state, last) = session.step(state, input)
        all += last
    }

    mutating func say(_ text: String) {
        send(.line(text, speaker: nil))
    }

    var coach: [String] { last.compactMap { if case .coach(let text, _) = $0 { return text } else { return nil } } }
    /// The response keys of the coach's last lines (inline flow text's are `FLOW.STATE.say` and
    /// the like).
    var responses: [String] { last.compactMap { if case .coach(_, let response) = $0 { return response } else { return nil } } }
    var coachText: String { coach.joined(separator: "\n") }
    var events: [TranscriptEvent] { last.compactMap { if case .event(let event) = $0 { return event } else { return nil } } }
    var partnerLine: PartnerTurn? { last.compactMap { if case .partner(let line) = $0 { return line } else { return nil } }.first }
    var flow: String? { state.flowRun?.flow }
}
