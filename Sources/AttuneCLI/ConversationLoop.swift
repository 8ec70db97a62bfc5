import ArgumentParser
import Coach
import Terminal
import TranscriptFormat
import TranscriptStore

/// Where a conversation is shown: the coach's lines, a cleared screen, and messages about the
/// transcript. The terminal and a pipe write to the process's streams; tests keep the lines.
struct Console {
    /// Shows one coach line (the console decides how: colour on a terminal, `Coach: ` on a pipe).
    var coach: (String) -> Void
    /// Clears the screen (quick exit); a pipe has none.
    var clearScreen: () -> Void
    /// Writes one message about the session to standard error.
    var error: (String) -> Void
    /// Makes what was shown visible now, before the next line is read; false once the output
    /// can no longer be written (its reader left: `attune | head -3`, EPIPE with SIGPIPE ignored).
    var flush: () -> Bool = { true }
}

/// The one loop that drives a conversation: read a line from a `LineSource`, step the
/// session through the `ConversationDriver` (which records it), show the replies on the
/// `Console`, until `/quit`, `/quick-exit`, the end of input or a signal. The readline REPL,
/// a pipe, `replay` of a dialogue script and the tests all run it, so the paths that end a
/// session (exit 74 when the transcript could not be saved, 128 + n after a signal) are the
/// same everywhere and can be tested in memory.
struct ConversationLoop {
    let driver: ConversationDriver
    var console: Console
    /// The prompt for the next line (empty on a pipe).
    var prompt: (SessionState) -> String = { _ in "" }
    /// Called before each read (Tab completions follow the session).
    var beforeRead: (SessionState) -> Void = { _ in }
    /// Called with each input the session was given (the opening, each line, the end) and
    /// what it made of it: history, replay checks.
    var afterStep: (SessionInput, [SessionOutput]) -> Void = { _, _ in }

    /// Runs the conversation to its end and returns the exit status: 0, 74 when part of the
    /// transcript could not be saved, 128 + n when signal n ended it.
    func run(_ source: inout some LineSource) -> ExitCode {
        driver.onWriteFailure = { [console] failure in
            console.error("attune: \(failure) — the conversation goes on; unsaved lines wait in memory until there is room, and are lost if there is none when the session ends")
        }
        driver.onRecovery = { [console] count in
            console.error("attune: the transcript is being saved again (\(count) kept line\(count == 1 ? "" : "s") written)")
        }
        // When the output is gone, the session ends as at the end of input: the transcript is
        // closed with session_end and the exit is 0.
        var endReason: EndReason? = step(.begin).shown ? nil : .endOfInput
        var exitSignal: Int32?
        loop: while endReason == nil {
            beforeRead(driver.state)
            let result: (outputs: [SessionOutput], shown: Bool)
            switch source.next(prompt: prompt(driver.state)) {
            case .line(let text): result = step(.line(text, speaker: nil))
            case .tooLong: result = step(.rejected(.tooLong))
            case .invalidUTF8: result = step(.rejected(.invalidUTF8))
            case .endOfInput:
                endReason = .endOfInput
                break loop
            case .terminated(let signal):
                endReason = .signal
                exitSignal = signal
                break loop
            }
            if !result.shown {
                endReason = .endOfInput
                break loop
            }
            if result.outputs.contains(where: { if case .end = $0 { return true } else { return false } }) { break loop }
        }
        if let endReason { step(.end(endReason)) }
        if let report = driver.close(), !report.isComplete {
            console.error("attune: \(report)")
            return ExitStatus.ioError
        }
        if let exitSignal { return ExitCode(128 + exitSignal) }
        return .success
    }

    /// Feeds one input, shows the replies and reports the step; `shown` is false when the
    /// output could not be written.
    @discardableResult
    private func step(_ input: SessionInput) -> (outputs: [SessionOutput], shown: Bool) {
        let outputs = driver.feed(input)
        let shown = show(outputs)
        afterStep(input, outputs)
        return (outputs, shown)
    }

    private func show(_ outputs: [SessionOutput]) -> Bool {
        for output in outputs {
            switch output {
            case .coach(let text, _): console.coach(text)
            case .clearScreen: console.clearScreen()
            default: break
            }
        }
        return console.flush()
    }
}

/// Lines given up front, as a `LineSource`: a dialogue script's steps, or a test's input
/// (which may end with a signal, as a terminal would deliver it).
struct ScriptedLines: LineSource {
    private var events: [LineEvent]

    init(_ events: [LineEvent]) {
        self.events = events
    }

    mutating func next(prompt: String) -> LineEvent {
        events.isEmpty ? .endOfInput : events.removeFirst()
    }
}
