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
            // Without a transcript nothing says who has been here: ask, as at a first session.
            let pastCouples = noTranscript ? nil : PastCouples.read(folder: folder)
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
            var config = SessionConfig(partners: names.map(Self.parseNames), seed: seed ?? UInt64(Date().timeIntervalSince1970 * 1000),
                                       firstSession: true, transcriptPath: sink?.path, version: AttuneVersion.current)
            config.pastCouples = pastCouples
            let driver = ConversationDriver(session: Session(script: script, config: config), sink: sink,
                                            sessionID: sink?.sessionID ?? "unsaved")
            let status = REPL(driver: driver, script: script, transcriptFolder: folder).run()
            throw status
        }
    }

}

/// The terminal or the pipe around a `ConversationLoop`: readline with history and Tab
/// completion on a terminal, a plain reader on a pipe, and the signal handlers.
struct REPL {
    let driver: ConversationDriver
    let script: CoachScript
    /// Where saved sessions are read from for `/progress`.
    let transcriptFolder: String
    let interactive = TerminalStyle.isTerminal(0)
    let colour = TerminalStyle.useColour()

    func run() -> ExitCode {
        SignalFlags.install()
        // The coach's lines go through a writer that a stalled reader cannot block for ever;
        // readline's prompt and echo (stdio) are flushed first so the order holds.
        let output = OutputWriter()
        var console = Console(
            // On a terminal a reply is wrapped at word boundaries to the window's width;
            // piped, it stays one `Coach: …` line, as scripts read it.
            coach: { [interactive, colour] text in
                guard interactive else { return output.write("Coach: \(text)\n") }
                let wrapped = TerminalSize.columns().map { WordWrap.wrap(text, width: $0 - 1) } ?? text
                output.write(TerminalText.paint(wrapped, "36", when: colour) + "\n")
            },
            clearScreen: { [interactive] in if interactive { output.write(TerminalStyle.clearScreen) } },
            error: { printError($0) },
            flush: { [interactive] in
                if interactive { fflush(nil) }
                return output.flush()
            },
            takeSignal: { SignalFlags.peek().flatMap { $0 == SIGINT ? nil : SignalFlags.take() } })
        console.progress = { [script, transcriptFolder, console] partners in
            let local = TranscriptConsole.standard
            for line in ProgressCommand.lines(forCouple: partners, folder: transcriptFolder, exercises: script.flowNames,
                                              utcOffsets: local.utcOffsets, today: local.today) {
                console.coach(line)
            }
        }
        var loop = ConversationLoop(driver: driver, console: console)
        guard interactive else {
            var reader = PipeLineReader()
            return loop.run(&reader)
        }
        let exercises = script.flowNames
        var history = CommandHistory(path: XDGDirectories.join(XDGDirectories.stateHome(), "attune/history")) { SlashCommand.historyEntry(for: $0, exercises: exercises) }
        var editor = ReadlineEditor()
        if let warning = history.warning { printError(warning) }
        for command in history.commands { editor.remember(command) }
        loop.prompt = { state in "\(state.isAskingNames ? "names" : (state.expectedSpeaker ?? "you"))› " }
        loop.beforeRead = { [script, editor] state in
            editor.setCompletions(LineCompletion(commands: SlashCommand.names, exercises: script.flowNames, partners: state.partners))
        }
        loop.afterStep = { [editor] input, outputs in
            // A line that raised a safety event is kept nowhere, not even for arrow-up.
            guard case .line(let text, _) = input,
                  !outputs.contains(where: { if case .event(.safety) = $0 { return true } else { return false } }) else { return }
            editor.remember(text)
            history.add(text)
        }
        let status = loop.run(&editor)
        try? history.save()
        return status
    }
}
