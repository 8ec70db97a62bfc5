/// What a line reader hands the REPL: a line, a line it could not accept, the end of input,
/// or a signal that asks the session to close.
public enum LineEvent: Sendable, Equatable {
    case line(String)
    /// Over `LineLimits.maximumBytes`; the rest of that line was discarded.
    case tooLong
    /// Not valid UTF-8; the line was discarded.
    case invalidUTF8
    /// Ctrl-D on a terminal, or the end of a pipe.
    case endOfInput
    /// SIGTERM or SIGHUP arrived: close the transcript and exit 128 + the signal number.
    case terminated(signal: Int32)
}

/// Limits on what one typed line may be.
public enum LineLimits {
    /// Longer lines get a clear reply instead of being read.
    public static let maximumBytes = 4096
}

/// Reads lines from somewhere: a terminal through readline, or a pipe.
public protocol LineSource {
    mutating func next(prompt: String) -> LineEvent
}
