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
