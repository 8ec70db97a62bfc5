import ArgumentParser

/// The `attune` command: the coach and the tools around it.
public struct AttuneCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "attune",
        abstract: "A coach for couples, in the terminal.",
        discussion: "Attune is a coaching program, not therapy.",
        subcommands: [ExplainCommand.self, LintCommand.self, TestCommand.self])

    public init() {}
}
