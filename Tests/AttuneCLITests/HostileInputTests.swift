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

@Suite("Invisible controls in what is typed")
struct InvisibleControlTests {
    static let controls: [Unicode.Scalar] = ["\u{202E}", "\u{2066}", "\u{2069}", "\u{200B}", "\u{200D}", "\u{FEFF}"]

    static func holdsAControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { controls.contains($0) }
    }

    @Test func bidiAndZeroWidthControlsReachNeitherTheScreenNorTheTranscriptNorShowNorReview() throws {
        let state = Attune.temporaryFolder("invisible")
        let folder = state + "/attune/transcripts"
        let chat = try Attune.run(["--names", "Al\u{202E}ex,S\u{200B}am", "--transcript-dir", folder],
                                  input: "Sam: I miss\u{200D} our \u{2066}walks\u{2069}\u{FEFF}\nAlex: me\u{200B} too\n",
                                  environment: ["XDG_STATE_HOME": state])
        #expect(chat.status == 0, "\(chat.stderr)")
        #expect(chat.stdout.contains("Coach: "))
        #expect(!Self.holdsAControl(chat.stdout), "echo: \(chat.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let saved = try String(contentsOfFile: folder + "/" + (files.first ?? ""), encoding: .utf8)
        #expect(saved.contains("I miss our walks"), "\(saved)")
        #expect(!Self.holdsAControl(saved) && !saved.contains("\\u202e") && !saved.contains("\\u200b"))
        let show = try Attune.run(["transcripts", "show", folder + "/" + (files.first ?? "")])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("I miss our walks"))
        #expect(!Self.holdsAControl(show.stdout), "show: \(show.stdout) \(show.stderr)")
        let review = try Attune.run(["review", folder])
        #expect(review.status == 0)
        #expect(!Self.holdsAControl(review.stdout))
    }
}
