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
    /// Shows a couple's progress from the saved transcripts (`/progress`); nothing by default
    /// (replay and tests have no saved sessions to read).
    var progress: ([String]) -> Void = { _ in }
    /// Takes the signal (SIGTERM, SIGHUP) that was waiting when the output failed: a reader
    /// that stopped reading (`attune | sleep 20`) cannot keep a signal from ending the session.
    var takeSignal: () -> Int32? = { nil }
}

/// What the loop reads next: an input for the session, or how the input ended.
enum ConversationRead: Equatable {
    case input(SessionInput)
    /// Ctrl-D, the end of a pipe or of a script: the session is told, and says its closing.
    case endOfInput
    /// SIGTERM or SIGHUP: the session is told, and the exit is 128 + the signal number.
    case terminated(signal: Int32)
    /// The input stops and the session is not told: a recorded session that was cut off (a
    /// crash) is replayed as it was recorded, with no closing it never said.
    case cutOff
}

/// Where a conversation's inputs come from. Typed lines (readline, the pipe reader, a dialogue
/// script's steps) come through `TypedLines`; a recorded transcript (`RecordedReplay`) gives
/// its lines with their speakers, and looks at the session to find inputs it has no record of.
protocol ConversationSource {
    mutating func next(prompt: String, state: SessionState) -> ConversationRead
}

/// A `LineSource` as the loop reads it: each line is typed text, whose speaker is a `Name:`
/// prefix or the partner whose turn it is; a line the reader refused is told as refused.
struct TypedLines<Lines: LineSource>: ConversationSource {
    var lines: Lines

    mutating func next(prompt: String, state: SessionState) -> ConversationRead {
        switch lines.next(prompt: prompt) {
        case .line(let text): return .input(.line(text, speaker: nil))
        case .tooLong: return .input(.rejected(.tooLong))
        case .invalidUTF8: return .input(.rejected(.invalidUTF8))
        case .endOfInput: return .endOfInput
        case .terminated(let signal): return .terminated(signal: signal)
        }
    }
}

/// The one loop that drives a conversation: read an input from a `ConversationSource`, step
/// the session through the `ConversationDriver` (which records it), show the replies on the
/// `Console`, until `/quit`, `/quick-exit`, the end of input or a signal. The readline REPL,
/// a pipe, `replay` of a dialogue script or of a recorded transcript, and the tests all run
/// it, so the paths that end a session (exit 74 when the transcript could not be saved,
/// 128 + n after a signal) are the same everywhere and can be tested in memory.
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

    /// Runs the conversation on typed lines; see `run(_:)` for a `ConversationSource`.
    func run<Lines: LineSource>(_ lines: inout Lines) -> ExitCode {
        var typed = TypedLines(lines: lines)
        defer { lines = typed.lines }
        return run(&typed)
    }

    /// Runs the conversation to its end and returns the exit status: 0, 74 when part of the
    /// transcript could not be saved, 128 + n when signal n ended it.
    func run(_ source: inout some ConversationSource) -> ExitCode {
        driver.onWriteFailure = { [console] failure in
            console.error("attune: \(failure) — the conversation goes on; unsaved lines wait in memory until there is room, and are lost if there is none when the session ends")
        }
        driver.onRecovery = { [console] count in
            console.error("attune: the transcript is being saved again (\(count) kept line\(count == 1 ? "" : "s") written)")
        }
        // When the output is gone, the session ends as at the end of input: the transcript is
        // closed with session_end and the exit is 0; or, when a signal is why it failed, as
        // after that signal. Nothing more is shown once the output has failed.
        var endReason: EndReason?
        var exitSignal: Int32?
        var outputWorks = true
        func outputFailed() {
            outputWorks = false
            if let signal = console.takeSignal() {
                endReason = .signal
                exitSignal = signal
            } else {
                endReason = .endOfInput
            }
        }
        if !step(.begin).shown { outputFailed() }
        loop: while endReason == nil {
            beforeRead(driver.state)
            let result: (outputs: [SessionOutput], shown: Bool)
            switch source.next(prompt: prompt(driver.state), state: driver.state) {
            case .input(let input): result = step(input)
            case .endOfInput:
                endReason = .endOfInput
                break loop
            case .terminated(let signal):
                endReason = .signal
                exitSignal = signal
                break loop
            case .cutOff:
                break loop
            }
            if !result.shown {
                outputFailed()
                break loop
            }
            if result.outputs.contains(where: { if case .end = $0 { return true } else { return false } }) { break loop }
        }
        if let endReason { step(.end(endReason), show: outputWorks) }
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
    private func step(_ input: SessionInput, show showing: Bool = true) -> (outputs: [SessionOutput], shown: Bool) {
        let outputs = driver.feed(input)
        let shown = showing && show(outputs)
        afterStep(input, outputs)
        return (outputs, shown)
    }

    private func show(_ outputs: [SessionOutput]) -> Bool {
        for output in outputs {
            switch output {
            case .coach(let text, _): console.coach(text)
            case .clearScreen: console.clearScreen()
            case .progress(let partners): console.progress(partners)
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
