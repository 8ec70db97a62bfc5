#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The XDG base directories every Attune file lives under: one resolver for transcripts, the
/// command history and the start-up cache, so they can never disagree about where home is.
///
/// A relative or empty `XDG_STATE_HOME` / `XDG_CACHE_HOME` is ignored, as the specification
/// requires. Home is `$HOME`, else the password database's entry (a service may run with no
/// `HOME`), else `/tmp`.
public enum XDGDirectories {
    /// `$XDG_STATE_HOME`, else `~/.local/state`: data that belongs to this machine and grows.
    public static func stateHome(environment: [String: String] = XDGDirectories.environment()) -> String {
        base("XDG_STATE_HOME", ".local/state", environment)
    }

    /// `$XDG_CACHE_HOME`, else `~/.cache`: data that can be rebuilt.
    public static func cacheHome(environment: [String: String] = XDGDirectories.environment()) -> String {
        base("XDG_CACHE_HOME", ".cache", environment)
    }

    /// The user's home folder.
    public static func home(environment: [String: String] = XDGDirectories.environment()) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? passwordHome() ?? "/tmp"
    }

    /// The variables the resolver reads, from this process's environment.
    public static func environment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["XDG_STATE_HOME", "XDG_CACHE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    /// `tail` under `base`, with exactly one slash between them.
    public static func join(_ base: String, _ tail: String) -> String {
        base.hasSuffix("/") ? base + tail : base + "/" + tail
    }

    private static func base(_ variable: String, _ fallback: String, _ environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        return join(home(environment: environment), fallback)
    }

    private static func passwordHome() -> String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        let home = String(cString: dir)
        return home.isEmpty ? nil : home
    }
}
