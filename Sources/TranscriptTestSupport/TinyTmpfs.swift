import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small tmpfs, for a real full disk (ENOSPC, with short writes) and a real read-only file
/// system (EROFS) in the fault tests. Needs root with CAP_SYS_ADMIN (CI runs as root); the
/// tests that use it are skipped, with a message, where mounting is not allowed.
///
/// A test keeps it to its end (`defer { withExtendedLifetime(disk) {} }`): released after its
/// last use, as Swift may, it is unmounted (lazily) while a session still writes to it, and
/// space made on the path afterwards is never the session's.
public final class TinyTmpfs {
    public let folder = TemporaryFolder()
    public var path: String { folder.path }

    public init?(size: String) {
        #if os(Linux)
        guard mount("tmpfs", folder.path, "tmpfs", 0, "size=\(size),mode=0755") == 0 else { return nil }
        #else
        return nil
        #endif
    }

    /// Fills what is left of the disk with a file named `name` (removed to make room again).
    @discardableResult
    public func fill(_ name: String = "filler") -> String {
        let path = folder.sub(name)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let block = [UInt8](repeating: 0x2E, count: 1024)
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        close(descriptor)
        return path
    }

    public func remountReadOnly() -> Bool {
        #if os(Linux)
        mount("tmpfs", folder.path, "tmpfs", UInt(MS_REMOUNT) | UInt(MS_RDONLY), "size=16k") == 0
        #else
        false
        #endif
    }

    deinit {
        #if os(Linux)
        umount2(folder.path, Int32(MNT_DETACH))
        #endif
    }

    public static let isAvailable: Bool = TinyTmpfs(size: "16k") != nil
}
