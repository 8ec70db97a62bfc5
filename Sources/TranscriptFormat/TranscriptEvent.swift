/// Something that happened in a session, recorded as an `event` line.
///
/// Events are how review knows when exercises began and finished and when safety concerns were
/// raised. A safety event keeps only its kind, never the words that raised it, so a transcript
/// shared with a therapist does not repeat a disclosure verbatim.
public enum TranscriptEvent: Sendable, Equatable {
    /// The session opened: the partners' names, Attune's version, the seed for response
    /// variants, and whether it was the couple's first (then the coach asked the first-session
    /// safety question). With these, `replay` reproduces the session exactly. A transcript
    /// written before `first_session` was recorded reads as false.
    case sessionStart(partners: [String], version: String, seed: UInt64, firstSession: Bool = false)
    /// The names were given in the conversation (not up front): who the couple is, and whether
    /// it was their first session, decided then (so the coach asked the first-session safety
    /// question). `replay` reads the decision from here, since `session_start` came before it.
    case namesGiven(partners: [String], firstSession: Bool)
    /// The session closed, and why; nil in transcripts written before the reason was recorded.
    case sessionEnd(reason: EndReason? = nil)
    /// An exercise began.
    case flowStart(flow: String)
    /// An exercise ended; `completed` is true only when it ran to its end rather than being stopped.
    case flowEnd(flow: String, completed: Bool)
    /// A safety concern of this kind (such as `self_harm`, `abuse`) was detected.
    case safety(kind: String)
    /// A `/command` was entered, such as `/start mirroring`, and who typed it (the partner a
    /// `Name:` prefix or the turn named), so `replay` gives it to the same partner: who starts
    /// an exercise decides who plays which role. nil while the names are being asked, and in
    /// transcripts written before the speaker was recorded.
    case command(String, speaker: String? = nil)
    /// The couple made something in an exercise (format version 2 and later).
    case artifact(Artifact)
    /// An event name this version does not know, kept so newer transcripts stay readable.
    case unrecognized(name: String)

    /// The `event` key's value.
    public var name: String {
        switch self {
        case .sessionStart: return "session_start"
        case .namesGiven: return "names"
        case .sessionEnd: return "session_end"
        case .flowStart: return "flow_start"
        case .flowEnd: return "flow_end"
        case .safety: return "safety"
        case .command: return "command"
        case .artifact: return "artifact"
        case .unrecognized(let name): return name
        }
    }
}

/// Why a session ended, as `session_end` records it: a quit is not a crash.
public enum EndReason: String, Sendable, Equatable, CaseIterable {
    /// `/quit` (or "goodbye" said as a command).
    case quit
    /// Ctrl-D on a terminal, or the end of a pipe or a replayed script.
    case endOfInput = "eof"
    /// SIGTERM or SIGHUP.
    case signal
    /// `/quick-exit`: the screen was cleared and nothing more was said.
    case quickExit = "quick_exit"
}
