@preconcurrency import CReadline
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

// The readline bridge: the one place with globals, because readline's callbacks are C
// function pointers that cannot capture Swift state.

/// The line readline handed back (nil text: Ctrl-D), set by `lineHandler`.
private let receivedLine = Mutex<(done: Bool, text: String?)>((false, nil))
/// What Tab completes: /commands, exercise names, partner names.
private let completion = Mutex(LineCompletion())

private func lineHandler(_ line: UnsafeMutablePointer<CChar>?) {
    let text = line.map { String(cString: $0) }
    if let line { free(line) }
    receivedLine.withLock { $0 = (true, text) }
    // Stop readline from redrawing the prompt after the line is taken.
    rl_callback_handler_remove()
}

/// The candidates of the completion in progress, computed once per Tab by `attemptCompletion`.
private let currentMatches = Mutex<[String]>([])

private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    let matches = currentMatches.withLock { $0 }
    let index = Int(state)
    guard index < matches.count else { return nil }
    return strdup(matches[index])
}

private func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    let word = text.map { String(cString: $0) } ?? ""
    // The line in front of the word: readline's buffer up to `start` (a byte offset).
    var before = ""
    if let buffer = rl_line_buffer, start > 0 {
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(start))
        before = String(decoding: bytes, as: UTF8.self)
    }
    let matches = completion.withLock { $0.candidates(before: before, word: word) }
    currentMatches.withLock { $0 = matches }
    rl_completion_append_character = matches.count == 1 && !LineCompletion.needsSpace(after: matches[0]) ? 0 : 32
    return rl_completion_matches(text, completionGenerator)
}

/// Line editing on a terminal with GNU readline, through its callback interface so signals
/// are handled here: Ctrl-C clears the line, SIGTERM and SIGHUP end the session.
public struct ReadlineEditor: LineSource {
    /// Sets up readline once per process.
    public init(applicationName: String = "attune") {
        rl_readline_name = UnsafePointer(strdup(applicationName))
        rl_catch_signals = 0
        rl_catch_sigwinch = 1
        rl_attempted_completion_function = attemptCompletion
        // Complete "/start" and names too: "/" is part of a word.
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n\"'`@$><=;|&{("))
    }

    /// Replaces what Tab can complete.
    public func setCompletions(_ rules: LineCompletion) {
        completion.withLock { $0 = rules }
    }

    /// Adds a line to the in-session history (arrow up).
    public func remember(_ line: String) {
        add_history(line)
    }

    public mutating func next(prompt: String) -> LineEvent {
        receivedLine.withLock { $0 = (false, nil) }
        rl_callback_handler_install(prompt, lineHandler)
        while true {
            // A signal can land between two polls, when no call is there to be interrupted:
            // look at the flag before each wait, and wake up now and then to look again.
            if let signal = SignalFlags.take() {
                if signal == SIGINT {
                    // Ctrl-C: drop what was typed and start a fresh line.
                    rl_free_line_state()
                    rl_replace_line("", 0)
                    rl_crlf()
                    rl_on_new_line()
                    rl_redisplay()
                    continue
                }
                rl_callback_handler_remove()
                rl_crlf()
                return .terminated(signal: signal)
            }
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 200)
            if ready == 0 { continue }
            if ready < 0 {
                guard errno == EINTR else {
                    rl_callback_handler_remove()
                    return .endOfInput
                }
                continue
            }
            // A terminal that hangs up (its window closed, the ssh link dropped) sends SIGHUP,
            // but poll may wake on the hangup first: it is the same ending, exit 129, not a Ctrl-D.
            if descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                rl_callback_handler_remove()
                return .terminated(signal: Self.hangupSignal())
            }
            rl_callback_read_char()
            let (done, text) = receivedLine.withLock { $0 }
            if done {
                guard let text else {
                    // End of input from a terminal that hung up (a hung-up descriptor is no
                    // longer a terminal) is a hangup, not Ctrl-D.
                    if isatty(0) == 0 || SignalFlags.peek().map({ $0 != SIGINT }) == true {
                        return .terminated(signal: Self.hangupSignal())
                    }
                    return .endOfInput
                }
                if text.utf8.count > LineLimits.maximumBytes { return .tooLong }
                return .line(text)
            }
        }
    }

    /// The signal a hangup ends the session with: the one that arrived, or SIGHUP itself
    /// when the hangup was seen before its signal.
    private static func hangupSignal() -> Int32 {
        if let signal = SignalFlags.take(), signal != SIGINT { return signal }
        return SIGHUP
    }
}
