import ArgumentParser
import Coach
import Foundation
import Terminal
import TranscriptFormat
import TranscriptStore

/// `attune` / `attune chat`: the coach, as a readline REPL on a terminal or a script reader
/// on a pipe.
public struct ChatCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk with the coach (the default command).")

    @Option(name: .long, help: ArgumentHelp("Partner names, comma-separated; skips asking.", valueName: "A,B"))
    var names: String?

    @Option(name: .long, help: "Fix the choice of response variants, for reproducible sessions.")
    var seed: UInt64?

    @Option(name: .customLong("transcript-dir"), help: ArgumentHelp("Keep transcripts in DIR.", valueName: "DIR"))
    var transcriptDirectory: String?

    @Flag(name: .customLong("no-transcript"), help: "Keep no transcript of this session.")
    var noTranscript = false

    @OptionGroup var intentsOptions: IntentsOptions

    public init() {}

    public func validate() throws {
        if let names {
            let parsed = Self.parseNames(names)
            guard (1...2).contains(parsed.count) else {
                throw ValidationError("--names takes one or two names separated by a comma, e.g. --names Alex,Sam (got \"\(names)\")")
            }
        }
        if noTranscript && transcriptDirectory != nil {
            throw ValidationError("--no-transcript and --transcript-dir cannot be used together")
        }
    }

    static func parseNames(_ text: String) -> [String] {
        text.split(separator: ",").map { TerminalText.sanitize(String($0)).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func run() throws {
        try reportingErrors {
            let script = try CompiledContentCache(folder: CompiledContentCache.defaultFolder())
                .coach(for: try intentsOptions.directory(), options: intentsOptions)
            let folder = transcriptDirectory ?? TranscriptLocation.defaultFolder()
            let firstSession = noTranscript || !Self.hasTranscripts(in: folder)
            var sink: JSONLFileSink?
            if !noTranscript {
                // A folder others can write (or another user's) could have links planted in it:
                // the session goes on, but nothing is saved there.
                switch PrivateFolder.check(folder) {
                case .fine: sink = JSONLFileSink(folder: folder)
                case .unsafe(let reason):
                    printError("attune: no transcript is kept of this session: \(reason)")
                }
            }
            let config = SessionConfig(partners: names.map(Self.parseNames), seed: seed ?? UInt64(Date().timeIntervalSince1970 * 1000),
                                       firstSession: firstSession, transcriptPath: sink?.path, version: AttuneVersion.current)
            let driver = ConversationDriver(session: Session(script: script, config: config), sink: sink,
                                            sessionID: sink?.sessionID ?? "unsaved")
            let status = REPL(driver: driver, script: script).run()
            throw status
        }
    }

    static func hasTranscripts(in folder: String) -> Bool {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.contains { $0.hasSuffix(".jsonl") }
    }
}

/// The read–step–print loop around a `ConversationDriver`.
struct REPL {
    let driver: ConversationDriver
    let script: CoachScript
    let interactive = TerminalStyle.isTerminal(0)
    let colour = TerminalStyle.useColour()

    func run() -> ExitCode {
        SignalFlags.install()
        driver.onWriteFailure = { failure in
            printError("attune: \(failure) — the conversation goes on; unsaved lines wait in memory until there is room, and are lost if there is none when the session ends")
        }
        driver.onRecovery = { count in
            printError("attune: the transcript is being saved again (\(count) kept line\(count == 1 ? "" : "s") written)")
        }
        let exercises = script.flowNames
        var history = CommandHistory(path: XDGDirectories.join(XDGDirectories.stateHome(), "attune/history")) { SlashCommand.historyEntry(for: $0, exercises: exercises) }
        if interactive, let warning = history.warning { printError(warning) }
        var editor: ReadlineEditor?
        var reader: LineSource
        if interactive {
            let readline = ReadlineEditor()
            for command in history.commands { readline.remember(command) }
            editor = readline
            reader = readline
        } else {
            reader = PipeLineReader()
        }
        show(driver.feed(.begin))
        var endReason: EndReason?
        var exitSignal: Int32?
        loop: while true {
            editor?.setCompletions(completions())
            let prompt = interactive ? promptText() : ""
            let event = reader.next(prompt: prompt)
            let outputs: [SessionOutput]
            switch event {
            case .line(let text):
                outputs = driver.feed(.line(text, speaker: nil))
                // A line that raised a safety event is kept nowhere, not even for arrow-up.
                let raisedSafety = outputs.contains { if case .event(.safety) = $0 { return true } else { return false } }
                if interactive && !raisedSafety {
                    editor?.remember(text)
                    history.add(text)
                }
            case .tooLong: outputs = driver.feed(.rejected(.tooLong))
            case .invalidUTF8: outputs = driver.feed(.rejected(.invalidUTF8))
            case .endOfInput:
                endReason = .endOfInput
                break loop
            case .terminated(let signal):
                endReason = .signal
                exitSignal = signal
                break loop
            }
            show(outputs)
            if outputs.contains(where: { if case .end = $0 { return true } else { return false } }) { break loop }
        }
        if let endReason { show(driver.feed(.end(endReason))) }
        if interactive { try? history.save() }
        if let report = driver.close(), !report.isComplete {
            printError("attune: \(report)")
            return ExitStatus.ioError
        }
        if let exitSignal { return ExitCode(128 + exitSignal) }
        return .success
    }

    private func promptText() -> String {
        let name = driver.state.isAskingNames ? "names" : (driver.state.expectedSpeaker ?? "you")
        return "\(name)› "
    }

    private func completions() -> [String] {
        SlashCommand.names + script.flowNames + driver.state.partners
    }

    private func show(_ outputs: [SessionOutput]) {
        for output in outputs {
            switch output {
            case .coach(let text, _):
                let shown = interactive ? TerminalText.paint(text, "36", when: colour) : "Coach: \(text)"
                print(shown)
            case .clearScreen:
                if interactive { print(TerminalStyle.clearScreen, terminator: "") }
            default:
                break
            }
        }
        fflush(nil)
    }
}
