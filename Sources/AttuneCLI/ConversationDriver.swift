import Coach
import Foundation
import TranscriptFormat
import TranscriptStore

/// Interprets a session's outputs: records them in the transcript (durably, before the
/// coach's reply is shown) and hands coach lines to the screen. The REPL, `replay` and
/// `test` all drive a session through this.
final class ConversationDriver {
    let session: Session
    private(set) var state: SessionState
    private var sink: TranscriptSink?
    let sessionID: String
    private var seq = 0
    private let clock: () -> TranscriptTimestamp
    /// The last failure reported, so the same problem is said once, not every turn.
    private var reportedFailure: TranscriptWriteFailure?
    /// Called with each failure when it first happens.
    var onWriteFailure: (TranscriptWriteFailure) -> Void = { _ in }
    /// Records as written, for `--format jsonl` and tests.
    var onRecord: (TranscriptRecord) -> Void = { _ in }

    init(session: Session, sink: TranscriptSink?, sessionID: String,
         clock: @escaping () -> TranscriptTimestamp = { .now() }) {
        self.session = session
        self.state = session.initialState()
        self.sink = sink
        self.sessionID = sessionID
        self.clock = clock
    }

    /// Steps the session, records what happened, and returns the outputs for the screen.
    @discardableResult
    func feed(_ input: SessionInput) -> [SessionOutput] {
        let (next, outputs) = session.step(state, input)
        state = next
        for output in outputs {
            if let record = record(for: output) { write(record) }
        }
        if let status = sink?.sync() { handle(status) }
        return outputs
    }

    /// Closes the transcript; the report says what could not be saved.
    func close() -> TranscriptCloseReport? {
        sink?.close()
    }

    private func write(_ record: TranscriptRecord) {
        onRecord(record)
        if let status = sink?.append(record) { handle(status) }
    }

    /// Says a failure once when it starts, and once when the lines kept aside are saved.
    private func handle(_ status: TranscriptSinkStatus) {
        switch status {
        case .saved: break
        case .failing(let failure): report(failure)
        case .recovered(let count):
            reportedFailure = nil
            onRecovery(count)
        }
    }

    /// Called when lines that could not be saved have been written after all.
    var onRecovery: (Int) -> Void = { _ in }

    private func report(_ failure: TranscriptWriteFailure) {
        if reportedFailure?.errno != failure.errno {
            onWriteFailure(failure)
        }
        reportedFailure = failure
    }

    private func record(for output: SessionOutput) -> TranscriptRecord? {
        let body: TranscriptRecord.Body
        switch output {
        case .coach(let text, let response): body = .coach(text: text, response: response)
        case .partner(let line): body = .partner(line)
        case .event(let event): body = .event(event)
        case .clearScreen, .progress, .end: return nil
        }
        seq += 1
        return TranscriptRecord(session: sessionID, seq: seq, timestamp: clock(), body: body)
    }
}
