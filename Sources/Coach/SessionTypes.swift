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

/// What the session asks its interpreter (REPL, replay, tests) to do. Coach lines, partner
/// lines and events are the transcript's own vocabulary, so recording them is a copy, not a
/// translation that could drop a field.
public enum SessionOutput: Sendable, Equatable {
    /// The coach says this: show it and record it. `response` is the key of the response it
    /// rendered (`safety.safe_yes`, or `mirroring.send.say` for text written inline in a flow);
    /// nil only in transcripts written before keys were recorded.
    case coach(text: String, response: String?)
    /// A partner's line, annotated: record it.
    case partner(PartnerTurn)
    /// Something that happened: record it. A safety event keeps the kind only.
    case event(TranscriptEvent)
    /// Clear the screen (quick exit).
    case clearScreen
    /// Show these partners' progress, worked out from the saved transcripts (`/progress`).
    /// Shown, not recorded: the transcripts it is read from are the record.
    case progress(partners: [String])
    /// The session is over; the interpreter closes the transcript and exits.
    case end(EndReason)
}

/// A line the coach said and the response key it came from, kept for `/repeat`.
public struct SaidLine: Sendable, Equatable {
    public var text: String
    public var response: String?
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
    /// Whether any step has taken a line as its answer (a skip is none). A run that skipped
    /// every step reaches its end without counting as done or recording what it would have
    /// made: a statement of placeholders is nothing the couple said.
    public var heard = false
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
