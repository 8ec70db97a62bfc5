import Coach
import Foundation
import IntentEngine
import Terminal
import TranscriptStore

/// Keeps the built coach (compiled templates, exercises, responses) on disk, keyed by a hash
/// of every content file, so the REPL reaches its first prompt without parsing YAML or
/// compiling templates. Any change to `Intents/` changes the key; a damaged or stale cache is
/// ignored and rebuilt. The cache holds content only, never anything a partner typed.
struct CompiledContentCache {
    let folder: String

    /// `$XDG_CACHE_HOME/attune` (else `~/.cache/attune`).
    static func defaultFolder(environment: [String: String] = XDGDirectories.environment()) -> String {
        XDGDirectories.join(XDGDirectories.cacheHome(environment: environment), "attune")
    }

    /// The coach for `directory`: from the cache when it matches, else built and cached.
    func coach(for directory: String, options: IntentsOptions) throws -> CoachScript {
        guard let key = Self.key(for: directory) else { return try options.loadCoach().1 }
        // A cache folder others can write could hold a planted cache, one that changes what
        // the coach says (safety replies included): such a folder is neither read nor written.
        if case .unsafe(let reason) = PrivateFolder.check(folder) {
            printError("attune: the compiled content is not cached: \(reason)")
            return try options.loadCoach().1
        }
        let path = "\(folder)/content-\(key).bin"
        if let bytes = Self.readRegularFile(path) {
            // The compiled templates decode in the background; should they be damaged, they are
            // compiled afresh from the same folder.
            let rebuild: @Sendable () -> Matcher = { LoadedIntents.load(directory: directory, shipped: false).matcher }
            if let script = try? CoachScript.decodedFromCache(bytes, rebuild: rebuild) { return script }
            unlink(path)
        }
        let script = try options.loadCoach().1
        store(script.encodedForCache(), at: path)
        return script
    }

    /// A hash over the cache format, Attune's version and every content file (path and bytes):
    /// FNV-1a's multiply, mixing eight bytes at a time (the dictionary alone is most of a
    /// megabyte, read at every start), then the tail byte by byte.
    static func key(for directory: String) -> String? {
        let files = ContentLoader.contentFilePaths(in: directory)
        guard !files.isEmpty else { return nil }
        var hash = ContentHash()
        hash.mix(Array("\(CoachScript.cacheFormat)/\(AttuneVersion.current)/".utf8))
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { return nil }
            hash.mix(Array(file.dropFirst(directory.count).utf8) + [0])
            data.withUnsafeBytes { hash.mix($0) }
            hash.mix([0])
        }
        return String(hash.value, radix: 16)
    }

    /// The bytes of `path` if it is a regular file: never through a link, and never a FIFO or
    /// a device planted under the cache's name (which would block or never end). Read straight
    /// into one array of the size `fstat` gives, never zeroed first (a file that grows meanwhile
    /// is read to its end), with no `Data` in between to copy from. The end is found by reading
    /// into a small buffer of its own: growing the array by half to see the end of a file read
    /// whole zeroed and copied megabytes, half the page faults of a start.
    static func readRegularFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, initialized in
            while initialized < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { failed = count < 0; return }
                initialized += count
            }
        }
        guard !failed else { return nil }
        var tail = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = tail.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            bytes += tail[..<count]
        }
        return bytes
    }

    /// Writes the cache privately and atomically; a failure only costs speed next time.
    private func store(_ bytes: [UInt8], at path: String) {
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                         attributes: [.posixPermissions: 0o700])) != nil else { return }
        for old in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where old.hasPrefix("content-") && old.hasSuffix(".bin") {
            unlink("\(folder)/\(old)")
        }
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        if written == bytes.count { rename(temporary, path) } else { unlink(temporary) }
    }
}
