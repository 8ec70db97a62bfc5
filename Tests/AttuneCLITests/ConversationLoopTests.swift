import Coach
import Foundation
import Terminal
import Testing
import TranscriptFormat
import TranscriptStore
@testable import AttuneCLI
#if canImport(Glibc)
import Glibc
#endif

/// The loop the REPL, a pipe and `replay` share, driven in memory: how a session ends and
/// what it exits with, with no terminal and no child process.
@Suite struct ConversationLoopTests {
    static let coach: CoachScript = CoachScript.build(content: ShippedContentTests.loaded.content,
                                                       matcher: ShippedContentTests.loaded.matcher).0

    /// One run of the loop: what the console showed and the transcript received.
    final class Run {
        var coach: [String] = []
        var errors: [String] = []
        var clears = 0
        var records: [TranscriptRecord] = []
        var status: Int32 = -1

        var events: [TranscriptEvent] { records.compactMap { if case .event(let event) = $0.body { return event } else { return nil } } }
        var responses: [String] { records.compactMap { if case .coach(_, let key) = $0.body { return key } else { return nil } } }
    }

    func run(_ events: [LineEvent], sink: TranscriptSink? = MemoryTranscriptSink()) -> Run {
        let result = Run()
        let session = Session(script: Self.coach, config: SessionConfig(partners: ["Alex", "Sam"], seed: 1))
        let driver = ConversationDriver(session: session, sink: sink, sessionID: "test", clock: ReplayRunner.fixedClock())
        driver.onRecord = { result.records.append($0) }
        let console = Console(coach: { result.coach.append($0) }, clearScreen: { result.clears += 1 },
                              error: { result.errors.append($0) })
        var lines = ScriptedLines(events)
        result.status = ConversationLoop(driver: driver, console: console).run(&lines).rawValue
        return result
    }

    @Test func quitEndsTheSessionWithItsReasonAndExitsZero() {
        let result = run([.line("/quit"), .line("never read")])
        #expect(result.status == 0)
        #expect(result.responses.last == "goodbye")
        #expect(result.events.last == .sessionEnd(reason: .quit))
        #expect(!result.records.contains { if case .partner = $0.body { return true } else { return false } })
    }

    @Test func theEndOfInputIsRecordedAsEOF() {
        let result = run([.line("Alex: hi")])
        #expect(result.status == 0)
        #expect(result.events.last == .sessionEnd(reason: .endOfInput))
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalClosesTheExerciseAndTheTranscriptAndExits128PlusN(signal: Int32) {
        let result = run([.line("/start check-in"), .terminated(signal: signal), .line("never read")])
        #expect(result.status == 128 + signal)
        #expect(result.events.suffix(2) == [.flowEnd(flow: "check-in", completed: false), .sessionEnd(reason: .signal)])
    }

    @Test func aSignalWhileTheOutputIsStalledEndsTheSessionAsThatSignalAndShowsNothingMore() {
        // The reader stopped reading (`attune | sleep 20`) and SIGTERM came while the coach
        // waited to write: the flush gives up, the loop takes the signal, and the goodbye is
        // recorded but not written to an output that would block again.
        let result = Run()
        let session = Session(script: Self.coach, config: SessionConfig(partners: ["Alex", "Sam"], seed: 1))
        let driver = ConversationDriver(session: session, sink: MemoryTranscriptSink(), sessionID: "test", clock: ReplayRunner.fixedClock())
        driver.onRecord = { result.records.append($0) }
        var flushes = 0
        var shownAfterFailure = 0
        let console = Console(coach: { _ in if flushes >= 2 { shownAfterFailure += 1 } }, clearScreen: {}, error: { result.errors.append($0) },
                              flush: { flushes += 1; return flushes < 2 }, takeSignal: { SIGTERM })
        var lines = ScriptedLines([.line("Alex: hi"), .line("never read")])
        result.status = ConversationLoop(driver: driver, console: console).run(&lines).rawValue
        #expect(result.status == 128 + SIGTERM)
        #expect(result.events.last == .sessionEnd(reason: .signal))
        #expect(flushes == 2)
        #expect(shownAfterFailure == 0)
    }

    @Test func quickExitClearsTheScreenAndSaysNothingMore() {
        let result = run([.line("/start check-in"), .line("/quick-exit"), .line("never read")])
        #expect(result.status == 0)
        #expect(result.clears == 1)
        #expect(result.events.last == .sessionEnd(reason: .quickExit))
        // Nothing is said once the screen is cleared: the last coach line comes before the
        // exercise is closed.
        let lastCoach = result.records.last { if case .coach = $0.body { return true } else { return false } }
        let flowEnd = result.records.first { if case .event(.flowEnd) = $0.body { return true } else { return false } }
        #expect((lastCoach?.seq ?? 0) < (flowEnd?.seq ?? 0))
        #expect(!result.records.contains { if case .partner(let turn) = $0.body { return turn.text == "never read" } else { return false } })
    }

    @Test func anUnsavableTranscriptIsSaidOnceAndExits74() throws {
        let folder = NSTemporaryDirectory() + "attune-loop-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let blocker = folder + "/not-a-folder"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let sink = JSONLFileSink(folder: blocker + "/transcripts")
        let result = run([.line("Alex: I feel lonely"), .line("Sam: me too"), .line("Alex: hi"), .line("/quit")], sink: sink)
        #expect(result.status == 74)
        // The conversation went on to its goodbye.
        #expect(result.responses.last == "goodbye")
        // One message when saving first failed, however many turns failed after it, and one
        // report at the end of what could not be saved.
        let failures = result.errors.filter { $0.contains("the conversation goes on") }
        #expect(failures.count == 1, "\(result.errors)")
        #expect(result.errors.last?.contains("could not be saved") == true, "\(result.errors)")
        #expect(result.errors.count == 2, "\(result.errors)")
    }

    @Test func aFailingSinkThatRecoversSaysSoOnce() {
        let result = run([.line("Alex: hi"), .line("Sam: hello"), .line("Alex: how are you"), .line("/quit")],
                         sink: FlakySink(failingTurns: 2))
        #expect(result.status == 0)
        #expect(result.errors.filter { $0.contains("the conversation goes on") }.count == 1, "\(result.errors)")
        #expect(result.errors.filter { $0.contains("being saved again") }.count == 1, "\(result.errors)")
    }
}

/// A sink whose first syncs fail with the same error, then work: the lines kept aside are
/// caught up.
private struct FlakySink: TranscriptSink {
    var failingTurns: Int
    var pending = 0
    /// Whether the last sync failed (then the next good one says it caught up).
    var failed = false

    mutating func append(_ record: TranscriptRecord) -> TranscriptSinkStatus {
        pending += 1
        return .saved
    }

    mutating func sync() -> TranscriptSinkStatus {
        if failingTurns > 0 {
            failingTurns -= 1
            failed = true
            return .failing(TranscriptWriteFailure(operation: .sync, errno: ENOSPC, path: "/full/t.jsonl", pendingLines: pending))
        }
        let caughtUp = pending
        let wasOwed = failed
        pending = 0
        failed = false
        return wasOwed ? .recovered(linesCaughtUp: caughtUp) : .saved
    }

    mutating func close() -> TranscriptCloseReport {
        TranscriptCloseReport(path: "/full/t.jsonl", savedLines: pending, unsavedLines: 0, failure: nil)
    }
}
