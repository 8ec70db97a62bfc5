import ArgumentParser

/// The `attune` command: the coach and the tools around it.
public struct AttuneCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "attune",
        abstract: "A coach for couples, in the terminal. Attune is a coaching program, not therapy.",
        version: AttuneVersion.current,
        subcommands: [ChatCommand.self, ReplayCommand.self, TestCommand.self, ExplainCommand.self, LintCommand.self,
                      ReviewCommand.self, ProgressCommand.self, TranscriptsCommand.self],
        defaultSubcommand: ChatCommand.self)

    public init() {}
}
