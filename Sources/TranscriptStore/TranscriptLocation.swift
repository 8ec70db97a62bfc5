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
    /// The default folder, computed from `environment` (`XDG_STATE_HOME`, `HOME`), falling back
    /// to the password database's home folder, then `/tmp`.
    public static func defaultFolder(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, "attune/transcripts")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? passwordHome() ?? "/tmp"
        return join(home, ".local/state/attune/transcripts")
    }

    /// The default folder for this process's environment.
    public static func defaultFolder() -> String {
        var environment: [String: String] = [:]
        for name in ["XDG_STATE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return defaultFolder(environment: environment)
    }

    /// The path of the transcript with this session id in `folder`.
    public static func path(forSession id: String, in folder: String) -> String {
        join(folder, id + ".jsonl")
    }

    static func join(_ base: String, _ tail: String) -> String {
        base.hasSuffix("/") ? base + tail : base + "/" + tail
    }

    private static func passwordHome() -> String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        let home = String(cString: dir)
        return home.isEmpty ? nil : home
    }
}
