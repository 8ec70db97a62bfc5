import ArgumentParser

/// The exit codes Attune promises (sysexits), in one place so every command agrees.
public enum ExitStatus {
    /// A check failed: `test`, `lint`, `replay --check`.
    public static let checkFailed = ExitCode(1)
    /// The command line was wrong.
    public static let usage = ExitCode(64)
    /// An input file held bad data; the message names file:line:col.
    public static let dataError = ExitCode(65)
    /// An input file or folder does not exist.
    public static let noInput = ExitCode(66)
    /// Reading or writing failed, e.g. a transcript that could not be saved.
    public static let ioError = ExitCode(74)
}
