import TranscriptFormat

/// What the session is told: the start, a line typed (or a command), a line the terminal
/// could not accept, or the end.
public enum SessionInput: Sendable, Equatable {
    case begin
    /// A line as typed. `speaker` is set when the line's author is known from elsewhere (a
    /// replayed transcript); otherwise a `Name:` prefix or the expected speaker decides.
    case line(String, speaker: String?)
    /// A recorded line whose words were withheld (it raised a safety event): replayed from the
    /// intent it was read as.
    case withheldLine(intent: String, speaker: String)
    case rejected(RejectedLine)
    case end(EndReason)
}

/// Why a line was refused before reaching the coach.
public enum RejectedLine: String, Sendable, Equatable {
    case tooLong = "too_long"
    case invalidUTF8 = "invalid_utf8"
    case empty
}

/// Why a session ended.
public enum EndReason: String, Sendable, Equatable {
    case quit, endOfInput = "end_of_input", signal, quickExit = "quick_exit"
}

/// Something that happened, for the transcript.
public enum SessionEvent: Sendable, Equatable {
    case sessionStart(partners: [String], seed: UInt64)
    case sessionEnd(EndReason)
    case flowStart(String)
    case flowEnd(String, completed: Bool)
    /// The kind only, never the words that raised it.
    case safety(String)
    case command(String)
}

/// What the session asks its interpreter (REPL, replay, tests) to do.
public enum SessionOutput: Sendable, Equatable {
    /// The coach says this: show it and record it.
    case coach(String)
    /// A partner's line, annotated: record it.
    case partner(PartnerTurn)
    case event(SessionEvent)
    /// Clear the screen (quick exit).
    case clearScreen
    /// The session is over; the interpreter closes the transcript and exits.
    case end(EndReason)
}

/// The flow in progress: where it is, who plays which role, what it has captured.
public struct FlowRun: Sendable, Equatable {
    public var flow: String
    public var state: String
    /// Role name → partner index.
    public var roles: [String: Int]
    public var variables: [String: String]
    /// The answers already heard in a step addressed to both partners, cleared on each step.
    public var answers: [StepAnswer] = []
}

/// A reply the coach said, and in which turn.
public struct RecentReply: Sendable, Equatable {
    /// How many turns a reply is remembered for: none is said again word for word sooner.
    public static let window = 5
    public var turn: Int
    public var text: String
}

/// One partner's answer in a step that waits for both.
public struct StepAnswer: Sendable, Equatable {
    public var speaker: Int
    public var text: String
    public var intent: String
}
