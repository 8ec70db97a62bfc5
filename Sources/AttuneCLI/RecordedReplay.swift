import Coach
import TranscriptFormat
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a recorded transcript holds for a replay: how the session was set up, each input the
/// coach was given (a line, a withheld line, a command, each with who said it) and the coach
/// lines that followed it, and how the session ended.
struct RecordedSession {
    struct Turn {
        var input: SessionInput
        /// The input as the replay prints it.
        var shown: String
        /// What the coach said after it, up to the next recorded input.
        var expected: [String] = []
    }

    var partners: [String]?
    var seed: UInt64 = 0
    var firstSession = false
    /// What the coach said before the first input.
    var opening: [String] = []
    var turns: [Turn] = []
    /// The recorded `session_end` reason; nil when there is none (a transcript written before
    /// reasons were recorded, or one cut off by a crash).
    var ending: EndReason?

    init(_ records: [TranscriptRecord]) {
        for record in records {
            switch record.body {
            case .event(.sessionStart(let names, _, let recordedSeed, let recordedFirstSession)):
                partners = names.isEmpty ? nil : names
                seed = recordedSeed
                firstSession = recordedFirstSession
            case .event(.namesGiven(_, let recordedFirstSession)):
                // Decided once the names were typed, after session_start.
                firstSession = recordedFirstSession
            case .event(.sessionEnd(let reason)):
                ending = reason
            case .partner(let turn) where turn.withheld:
                // The words were never kept: the line is replayed from its recorded intent.
                turns.append(Turn(input: .withheldLine(intent: turn.intent, speaker: turn.speaker),
                                  shown: Self.spoken("(words withheld; replayed as \(turn.intent))", by: turn.speaker)))
            case .partner(let turn):
                turns.append(Turn(input: .line(turn.text, speaker: turn.speaker.isEmpty ? nil : turn.speaker),
                                  shown: Self.spoken(turn.text, by: turn.speaker)))
            case .event(.command(let command, let speaker)):
                // Given to the partner who typed it (who starts an exercise plays its first
                // role); a transcript written before the speaker was recorded leaves it to the turn.
                turns.append(Turn(input: .line(command, speaker: speaker), shown: Self.spoken(command, by: speaker ?? "")))
            case .coach(let text, _):
                if turns.isEmpty { opening.append(text) } else { turns[turns.count - 1].expected.append(text) }
            default:
                break
            }
        }
    }

    private static func spoken(_ text: String, by speaker: String) -> String {
        speaker.isEmpty ? text : "\(speaker): \(text)"
    }
}

/// A recorded transcript as the `ConversationLoop`'s input, checking as it goes that the coach
/// says again what the transcript recorded after each input.
///
/// A transcript has no record of some inputs: lines the terminal refused (empty, too long, not
/// UTF-8) leave only the coach's reply. When the coach has said only the first part of what was
/// recorded after an input, each refusal is tried (the session is pure, so trying changes
/// nothing) and the one that says the next recorded line is given next. The input ends as the
/// session did: at the end of input, a signal or `/quick-exit` when `session_end` says so, and
/// when it has no reason, with the end of input only if that says the closing words recorded.
final class RecordedReplay: ConversationSource {
    private let recording: RecordedSession
    private let session: Session
    private let file: String
    private var outcome = ReplayOutcome()
    /// The recorded turn being replayed; -1 is the opening.
    private var index = -1
    /// What the session gave out since that turn's input.
    private var outputs: [SessionOutput] = []

    private static let unrecorded: [SessionInput] = [.rejected(.empty), .rejected(.tooLong), .rejected(.invalidUTF8)]

    init(_ recording: RecordedSession, session: Session, file: String) {
        self.recording = recording
        self.session = session
        self.file = file
    }

    /// What the session gave out for the last input (the loop's `afterStep`).
    func heard(_ outputs: [SessionOutput]) {
        self.outputs += outputs
    }

    func next(prompt: String, state: SessionState) -> ConversationRead {
        if index >= 0, let input = Self.unrecorded.first(where: { saysNext($0, state) }) { return .input(input) }
        // The last turn stays open: the closing words said at the end belong to it.
        guard index + 1 < recording.turns.count else { return ending(state) }
        finishTurn()
        index += 1
        return .input(recording.turns[index].input)
    }

    /// Checks the last turn and returns the replay's outcome; called once the loop has ended.
    func finish() -> ReplayOutcome {
        finishTurn()
        return outcome
    }

    private var expected: [String] {
        index < 0 ? recording.opening : recording.turns[index].expected
    }

    /// Whether giving `input` now says the next lines recorded that the coach has not said yet.
    private func saysNext(_ input: SessionInput, _ state: SessionState) -> Bool {
        let said = ReplayRunner.coachLines(outputs)
        let expected = self.expected
        guard said.count < expected.count, Array(expected.prefix(said.count)) == said else { return false }
        let lines = ReplayRunner.coachLines(session.step(state, input).1)
        return !lines.isEmpty && Array(expected.dropFirst(said.count).prefix(lines.count)) == lines
    }

    private func ending(_ state: SessionState) -> ConversationRead {
        switch recording.ending {
        case .endOfInput?: return .endOfInput
        case .signal?: return .terminated(signal: SIGTERM)
        case nil: return saysNext(.end(.endOfInput), state) ? .endOfInput : .cutOff
        // `/quick-exit` leaves no command record, only its end: it is typed again.
        case .quickExit?: return quickExitGiven ? .cutOff : quickExit()
        // The recorded `/quit` ended the session; the input ends here if it no longer does.
        case .quit?: return .cutOff
        }
    }

    private var quickExitGiven = false

    private func quickExit() -> ConversationRead {
        quickExitGiven = true
        return .input(.line("/quick-exit", speaker: nil))
    }

    private func finishTurn() {
        let shown = index < 0 ? nil : recording.turns[index].shown
        let place = shown.map { "turn \(index + 1) (\"\($0.prefix(40))\")" } ?? "the opening"
        outcome.transcript += ReplayRunner.describe(outputs, input: shown)
        outcome.checks += 1
        let said = ReplayRunner.coachLines(outputs)
        if said != expected {
            outcome.failures.append("\(file): \(place): the coach said \(Self.quoted(said)); the transcript has \(Self.quoted(expected))")
        }
        outputs = []
    }

    private static func quoted(_ lines: [String]) -> String {
        lines.map { "\"\($0)\"" }.joined(separator: " ")
    }
}
