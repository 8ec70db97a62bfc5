#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a folder Attune keeps private things in (history, transcripts) is still private.
///
/// Attune creates its folders 0700, but an existing folder is used as it is found. One that
/// others can write (0777), or that another user owns, lets them plant symbolic links or swap
/// files, so nothing private is saved there. One that others can only list (0755) is used: the
/// files in it are 0600, so only their names show.
public enum PrivateFolder {
    /// What was found.
    public enum Verdict: Sendable, Equatable {
        /// Ours and closed to others, or not there yet (it will be created 0700).
        case fine
        /// Others can write it, or it is not ours: nothing is saved there, for this reason.
        case unsafe(String)
    }

    /// Checks `path` (following a symbolic link to the folder it names).
    public static func check(_ path: String) -> Verdict {
        var info = stat()
        guard stat(path, &info) == 0 else { return .fine }
        let mode = Int(info.st_mode) & 0o7777
        let shown = "0" + String(mode & 0o777, radix: 8)
        if info.st_uid != geteuid() {
            return .unsafe("\(path) belongs to another user (uid \(info.st_uid)), not you")
        }
        if mode & 0o022 != 0 {
            return .unsafe("\(path) can be written by others (mode \(shown)); run chmod 700 '\(path)'")
        }
        return .fine
    }
}
