import Foundation
import Testing

/// The binary against inputs that used to hang it, with short deadlines so a hang fails fast.
@Suite("Hostile inputs to the binary")
struct HostileBinaryInputTests {
    @Test func reviewAndListSkipAFIFOInTheFolder() throws {
        let folder = Attune.temporaryFolder("fifo")
        #expect(mkfifo(folder + "/x.jsonl", 0o600) == 0)
        let review = try Attune.run(["review", folder], timeout: 10)
        #expect(review.status == 0)
        #expect(review.stderr.contains("x.jsonl: skipped, not a regular file (a FIFO)"))
        let list = try Attune.run(["transcripts", "list", "--dir", folder], timeout: 10)
        #expect(list.stderr.contains("x.jsonl: skipped, not a regular file (a FIFO)"))
    }

    @Test(arguments: ["/dev/zero", "/dev/urandom"])
    func reviewRefusesAnEndlessBinaryDevice(device: String) throws {
        let review = try Attune.run(["review", device], timeout: 10)
        #expect(review.status == 65)
        #expect(review.stderr.split(separator: "\n").count < 5)
        #expect(review.stderr.contains("\(device):1: error: not a transcript"))
    }
}

@Suite("Output that goes away")
struct BrokenPipeTests {
    @Test func aReaderThatLeavesEndsTheSessionCleanlyWithSessionEnd() throws {
        let folder = Attune.temporaryFolder("pipe")
        // head leaves after one line; the next lines arrive later, when writing them fails with EPIPE.
        let script = "(echo 'Alex: hi'; sleep 1; echo 'Sam: hello'; sleep 1; echo 'Alex: fine') | '\(Attune.binary)' --names Alex,Sam --transcript-dir '\(folder)' | head -1 >/dev/null; echo \"status=${PIPESTATUS[1]}\""
        let result = try Attune.run(["-c", script], timeout: 30, executable: "/bin/bash")
        #expect(result.stdout.contains("status=0"), "\(result.stdout) \(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 1)
        let text = try String(contentsOfFile: folder + "/" + (files.first ?? ""), encoding: .utf8)
        #expect(text.contains(#""event":"session_end""#))
        #expect(text.contains(#""reason":"eof""#))
    }
}
