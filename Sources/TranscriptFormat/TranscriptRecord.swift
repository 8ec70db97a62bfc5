/// One line of a transcript: who or what produced it, when, and its payload.
///
/// Every line carries the same envelope (`v`, `session`, `seq`, `ts`, `role`) so that a reader
/// can check the version, order lines and group them by session before looking at the payload.
/// The payload is an enum, so a partner line can never be missing its speaker and an event can
/// never carry text: the type enforces what the SPEC's "Transcript format" describes.
public struct TranscriptRecord: Sendable, Equatable {
    /// The transcript format version this code writes.
    ///
    /// 1: the first format. 2: adds the `artifact` event; nothing else changed, so a version-1
    /// line reads exactly as it always did.
    public static let currentVersion = 2

    /// Every version this code reads: each earlier one, so old transcripts stay readable.
    public static let readableVersions: ClosedRange<Int> = 1...currentVersion

    /// Format version (`v`). Readers reject a value outside `readableVersions`.
    public var version: Int
    /// The session id (`session`): the transcript file's name without `.jsonl`.
    public var session: String
    /// Position in the session (`seq`), counting from 1.
    public var seq: Int
    /// When the line was produced (`ts`).
    public var timestamp: TranscriptTimestamp
    /// What the line is: a partner's turn, the coach's reply, or an event.
    public var body: Body

    /// Creates a record in the current format version.
    public init(
        session: String, seq: Int, timestamp: TranscriptTimestamp, body: Body,
        version: Int = TranscriptRecord.currentVersion
    ) {
        self.version = version
        self.session = session
        self.seq = seq
        self.timestamp = timestamp
        self.body = body
    }

    /// The payload of a line; its case is the line's `role`.
    public enum Body: Sendable, Equatable {
        /// Something a partner typed, with what the coach understood of it.
        case partner(PartnerTurn)
        /// What the coach said (`text`), and the response it rendered (`response`, such as
        /// `safety.safe_yes`): nil for text written inline in a flow, and in transcripts
        /// written before the key was recorded.
        case coach(text: String, response: String? = nil)
        /// Something that happened: a session or exercise began or ended, a safety concern, a command.
        case event(TranscriptEvent)
    }

    /// The `role` of the line.
    public var role: Role {
        switch body {
        case .partner: return .partner
        case .coach: return .coach
        case .event: return .event
        }
    }

    /// The `role` key's values.
    public enum Role: String, Sendable, Equatable, CaseIterable {
        case partner, coach, event
    }
}
