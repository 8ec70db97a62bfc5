import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The binary with a reader that never reads (`attune | sleep 20`): once the pipe is full
/// the coach cannot write, and SIGTERM or SIGHUP must still end the session at once with
/// the transcript closed.
@Suite struct StalledOutputTests {
    /// Starts attune on a long piped input with an output pipe nobody reads, waits until it is
    /// stuck (the transcript stops growing), and returns the process, its transcript folder
    /// and the pipe (kept open, so writes block rather than fail).
    static func startStalled() throws -> (Process, String, Pipe) {
        let folder = Attune.temporaryFolder("stalled")
        let input = folder + "-input.txt"
        let line = "Alex: I feel lonely when you work late and I miss our walks\n"
        try String(repeating: line, count: 5000).write(toFile: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Attune.binary)
        process.arguments = ["--names", "Alex,Sam", "--seed", "1", "--transcript-dir", folder]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["XDG_CACHE_HOME"] = Attune.temporaryFolder("cache")
        env["XDG_STATE_HOME"] = Attune.temporaryFolder("state")
        process.environment = env
        process.standardInput = FileHandle(forReadingAtPath: input)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var lastSize = -1
        var steady = 0
        for _ in 0..<300 where steady < 5 {
            usleep(200_000)
            let size = transcriptSize(folder)
            steady = size > 0 && size == lastSize ? steady + 1 : 0
            lastSize = size
        }
        return (process, folder, output)
    }

    static func transcriptSize(_ folder: String) -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + $1)[.size] as? Int) ?? 0) }
    }

    /// Waits for the process to exit within `seconds`; kills it and returns nil if it does not.
    static func exitStatus(_ process: Process, within seconds: Double) -> Int32? {
        let end = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < end { usleep(20_000) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalEndsASessionWhoseReaderStoppedReading(signal: Int32) throws {
        let (process, folder, output) = try Self.startStalled()
        #expect(process.isRunning, "the output never filled up")
        kill(process.processIdentifier, signal)
        #expect(Self.exitStatus(process, within: 5) == 128 + signal)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let text = try String(contentsOfFile: folder + "/" + (files.first ?? ""), encoding: .utf8)
        #expect(text.hasSuffix("\"event\":\"session_end\",\"reason\":\"signal\"}\n"), "\(text.suffix(200))")
        try output.fileHandleForReading.close()
    }
}
