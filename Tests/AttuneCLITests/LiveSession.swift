import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real binary in a piped session, driven a line at a time: each line is written, and the
/// coach's answer read back (one step's replies arrive in one write of at most PIPE_BUF
/// bytes, so one read takes them whole). An answer means the line was acknowledged: the
/// transcript had it on disk (fsync) before the coach spoke. Every read has a deadline.
final class LiveSession {
    let process = Process()
    let folder: String
    let errorFile: String
    private let input = Pipe()
    private let output = Pipe()

    init(folder: String, seed: Int = 1, environment: [String: String] = [:]) throws {
        self.folder = folder
        errorFile = Attune.temporaryFolder("stderr") + "/stderr"
        FileManager.default.createFile(atPath: errorFile, contents: nil)
        process.executableURL = URL(fileURLWithPath: Attune.binary)
        process.arguments = ["--names", "Alex,Sam", "--seed", String(seed), "--transcript-dir", folder]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["XDG_CACHE_HOME"] = LiveSession.cache
        env["XDG_STATE_HOME"] = Attune.temporaryFolder("state")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: errorFile)
        try process.run()
    }

    /// One compiled-content cache for every live session, so each starts quickly.
    static let cache = Attune.temporaryFolder("live-cache")

    /// The coach's opening, or nil if nothing came in time.
    func opening(timeout: Double = 30) -> String? { readChunk(timeout: timeout) }

    /// Writes one line; returns the coach's answer, or nil if none came in time.
    func say(_ line: String, timeout: Double = 30) -> String? {
        send(line)
        return readChunk(timeout: timeout)
    }

    /// Writes one line without waiting for the answer.
    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(input.fileHandleForWriting.fileDescriptor, $0.baseAddress, $0.count) }
    }

    private func readChunk(timeout: Double) -> String? {
        var waiting = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&waiting, 1, Int32(timeout * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { read(output.fileHandleForReading.fileDescriptor, $0.baseAddress, $0.count) }
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Ends the input and waits (with a deadline) for the exit status and what went to stderr.
    func finish(timeout: Double = 30) -> (status: Int32?, stderr: String) {
        try? input.fileHandleForWriting.close()
        let end = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < end {
            // Drain the output so a long goodbye never blocks the exit.
            _ = readChunk(timeout: 0.05)
        }
        if process.isRunning { kill9(); return (nil, stderrText) }
        return (process.terminationStatus, stderrText)
    }

    var stderrText: String { (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "" }

    /// The partner lines saved in the session's transcript, as typed after "Name: ".
    var savedPartnerLines: [String] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".jsonl") }
        var lines: [String] = []
        for file in files {
            let text = (try? String(contentsOfFile: folder + "/" + file, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      object["role"] as? String == "partner", let said = object["text"] as? String else { continue }
                lines.append(said)
            }
        }
        return lines
    }
}
