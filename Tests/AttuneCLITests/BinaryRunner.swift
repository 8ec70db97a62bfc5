import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `attune` binary as a user would, with a deadline so a hang fails fast.
enum Attune {
    /// The binary built next to the test bundle, by the same `swift build` as the tests. Never
    /// a binary found elsewhere: a stale `.build/debug/attune` would test old code.
    static let binary: String = {
        let candidates = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }
        for candidate in candidates {
            var url = URL(fileURLWithPath: candidate).deletingLastPathComponent()
            for _ in 0..<4 {
                let path = url.appendingPathComponent("attune").path
                if FileManager.default.isExecutableFile(atPath: path) { return path }
                url.deleteLastPathComponent()
            }
        }
        fatalError("attune: no attune binary next to the test bundle (\(candidates)); build it with `swift build` first")
    }()

    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a shell command line (for byte-exact input through a redirect).
    static func runShell(_ command: String) throws -> Result {
        try run(["-c", command], executable: "/bin/sh")
    }

    /// Runs `attune ARGS` with `input` on stdin, in `directory` (the repository by default).
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:],
                    directory: String? = nil, timeout: TimeInterval = 60, executable: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? repositoryRoot)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["XDG_STATE_HOME"] = temporaryFolder("state")
        env["XDG_CACHE_HOME"] = temporaryFolder("cache")
        env.removeValue(forKey: "ATTUNE_INTENTS")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let deadline = DispatchTime.now() + timeout
        let group = DispatchGroup()
        let out = DataBox(), err = DataBox()
        group.enter()
        DispatchQueue.global().async { out.data = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err.data = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if group.wait(timeout: deadline) == .timedOut {
            process.terminate()
            throw TimedOut(arguments: arguments)
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out.data, as: UTF8.self),
                      stderr: String(decoding: err.data, as: UTF8.self))
    }

    struct TimedOut: Error {
        var arguments: [String]
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ label: String) -> String {
        let path = NSTemporaryDirectory() + "attune-tests-\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Output collected on another thread; read only after that thread is done (the group wait).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
