/// Finds a saved session by the name a person types: its short id, a prefix of it, its file
/// stem, or its file name.
///
/// A transcript file is `2026-11-29T10-51-33Z-k3x9qa.jsonl`; the six random characters at the
/// end (`k3x9qa`) are the session's short id, what `transcripts list` shows and what is easy to
/// type. Like git's abbreviated commits, any prefix that names exactly one session is enough;
/// a prefix of the full stem (`2026-11-29`) works too. Pure over a list of paths, so it is
/// tested without a folder.
public struct SessionFinder: Sendable {
    /// One saved session: its file and the names it answers to.
    public struct Entry: Sendable, Equatable {
        /// The transcript file.
        public var path: String
        /// The file name without `.jsonl`: the session id inside the transcript.
        public var stem: String
        /// The random part after the last `-` of the stem (the whole stem if it has none).
        public var shortID: String
    }

    /// What a lookup found.
    public enum Match: Sendable, Equatable {
        /// Exactly one session.
        case found(Entry)
        /// No session answers to the name; `candidates` are every session, for the message.
        case unknown(candidates: [Entry])
        /// More than one session answers to the name: the ones it could mean.
        case ambiguous(candidates: [Entry])
    }

    /// The sessions, sorted by file name (so by start time).
    public let entries: [Entry]

    /// The sessions in these transcript files.
    public init(paths: [String]) {
        entries = paths.sorted().map(SessionFinder.entry(for:))
    }

    /// The entry for one transcript file.
    public static func entry(for path: String) -> Entry {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.hasSuffix(".jsonl") ? String(name.dropLast(6)) : name
        let shortID = stem.split(separator: "-").last.map(String.init) ?? stem
        return Entry(path: path, stem: stem, shortID: shortID.isEmpty ? stem : shortID)
    }

    /// The session `name` means: an exact stem or short id wins; otherwise every session whose
    /// short id or stem starts with `name` (case-insensitive, `.jsonl` ignored).
    public func find(_ name: String) -> Match {
        var query = name.lowercased()
        if query.hasSuffix(".jsonl") { query = String(query.dropLast(6)) }
        guard !query.isEmpty else { return .unknown(candidates: entries) }
        let exact = entries.filter { $0.stem.lowercased() == query || $0.shortID.lowercased() == query }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(candidates: exact) }
        let prefixed = entries.filter { $0.shortID.lowercased().hasPrefix(query) || $0.stem.lowercased().hasPrefix(query) }
        switch prefixed.count {
        case 0: return .unknown(candidates: entries)
        case 1: return .found(prefixed[0])
        default: return .ambiguous(candidates: prefixed)
        }
    }
}
