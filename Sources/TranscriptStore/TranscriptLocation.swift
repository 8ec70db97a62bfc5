#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TranscriptFormat

/// Where transcripts live by default, following the XDG Base Directory specification.
///
/// Transcripts are state (they belong to this machine and accumulate), not configuration or
/// cache, so they go under `$XDG_STATE_HOME/attune/transcripts`, falling back to
/// `~/.local/state/attune/transcripts`. A relative `XDG_STATE_HOME` is ignored, as the
/// specification requires.
public enum TranscriptLocation {
    /// The default folder, `attune/transcripts` under the XDG state home that `environment`
    /// names (see `XDGDirectories`).
    public static func defaultFolder(environment: [String: String] = XDGDirectories.environment()) -> String {
        XDGDirectories.join(XDGDirectories.stateHome(environment: environment), "attune/transcripts")
    }

    /// The path of the transcript with this session id in `folder`.
    public static func path(forSession id: String, in folder: String) -> String {
        XDGDirectories.join(folder, id + ".jsonl")
    }
}
