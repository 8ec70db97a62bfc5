@testable import AttuneCLI
import Foundation
import Testing
import TranscriptFormat

/// The commands as scripts and authors use them: exit codes, messages, formats.
@Suite struct CommandLineTests {
    @Test func aPipeIsReadAsAScriptWithNoPrompts() throws {
        let result = try Attune.run(["--names", "Alex,Sam", "--no-transcript", "--seed", "2"], input: "Alex: hi\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Coach: "))
        #expect(!result.stdout.contains("›"))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func versionIsPrintedAndNoSessionStarts() throws {
        let result = try Attune.run(["--version"], input: "")
        #expect(result.status == 0)
        #expect(result.stdout == AttuneVersion.current + "\n")
    }

    @Test func badLinesGetAClearReplyAndTheSessionGoesOn() throws {
        var input = Data("Alex: hi\n".utf8)
        input.append(contentsOf: [0x66, 0xFF, 0xFE, 0x0A])
        input.append(Data(String(repeating: "x", count: 5000).utf8))
        input.append(Data("\n\n/start check-in\n".utf8))
        let folder = Attune.temporaryFolder("badlines")
        let result = try Attune.run(["--names", "Alex,Sam", "--transcript-dir", folder], input: String(decoding: input, as: UTF8.self))
        #expect(result.status == 0)
        #expect(result.stdout.contains("4,096"))
        // Each refusal got its own reply, and the exercise started after them.
        let responses = try Self.responseKeys(inTranscriptsIn: folder)
        #expect(responses.contains("input.too_long"))
        #expect(responses.contains("input.empty"))
        #expect(responses.suffix(2) == ["check-in.intro.say", "check-in.first_high.say"], "\(responses)")
    }

    /// The response keys of the coach lines in the transcripts in `folder`, in order.
    static func responseKeys(inTranscriptsIn folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted().flatMap { file in
            try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n").compactMap { line in
                guard case .coach(_, let key?) = try TranscriptLineDecoder.decode(String(line)).get().body else { return nil }
                return key
            }
        }
    }

    @Test func invalidUTF8IsRefusedByteForByte() throws {
        let folder = Attune.temporaryFolder("utf8")
        let file = folder + "/input.txt"
        var bytes = Data("Alex: caf".utf8)
        bytes.append(contentsOf: [0xC3, 0x28, 0x0A])
        bytes.append(Data("/quit\n".utf8))
        try bytes.write(to: URL(fileURLWithPath: file))
        let result = try Attune.runShell("'\(Attune.binary)' --names Alex,Sam --no-transcript < '\(file)'")
        #expect(result.status == 0)
        #expect(result.stdout.contains("couldn't read that line"))
        #expect(result.stdout.contains("Take care"))
    }

    @Test func namesAreCheckedOnTheCommandLine() throws {
        let result = try Attune.run(["--names", "A,B,C", "--no-transcript"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--names"))
    }

    @Test func transcriptsAreWrittenPrivatelyAndReplayExactly() throws {
        let folder = Attune.temporaryFolder("replay")
        let session = try Attune.run(["--names", "Alex,Sam", "--transcript-dir", folder, "--seed", "9"],
                                     input: "/start check-in\nI slept well\nthe train was late\nthanks for the tea\nSam: a good lunch\na long meeting\nyour patience\n/quit\n")
        #expect(session.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 1)
        let path = folder + "/" + files[0]
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        let replay = try Attune.run(["replay", "--check", path])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("Sam: a good lunch"))
        // The command is recorded with who typed it, and a replay can write the transcript again.
        let recorded = try String(contentsOfFile: path, encoding: .utf8)
        #expect(recorded.contains(#""command":"/start check-in","speaker":"Alex""#))
        let records = try Attune.run(["replay", "--format", "jsonl", path])
        #expect(records.status == 0, "\(records.stderr)")
        #expect(records.stdout.contains(#""command":"/start check-in","speaker":"Alex""#))
        #expect(records.stdout.contains(#""role":"partner","speaker":"Sam","text":"a good lunch""#))
    }

    @Test func replayCheckFailsOnAMismatch() throws {
        let folder = Attune.temporaryFolder("script")
        let script = folder + "/wrong.dialogue"
        try "@partners Alex Sam\n/start check-in\n? flow mirroring\n? says banana\n? response help\n/help\n? response help\n/stop\n? response help\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        let result = try Attune.run(["replay", "--check", script])
        #expect(result.status == 1)
        #expect(result.stderr.contains("wrong.dialogue:3: expected flow mirroring, got check-in"))
        #expect(result.stderr.contains("wrong.dialogue:4: expected the coach to say \"banana\""))
        #expect(result.stderr.contains("wrong.dialogue:5: expected response help, got check-in.intro.say, check-in.first_high.say"))
        #expect(!result.stderr.contains("wrong.dialogue:7:"))
        #expect(result.stderr.contains("wrong.dialogue:9: expected response help, got flow.stopped"))
    }

    @Test func malformedScriptsAndMissingFiles() throws {
        let folder = Attune.temporaryFolder("badscript")
        let script = folder + "/bad.dialogue"
        try "@partners Alex Sam\n@colour blue\nhello\n? smells nice\n@past-couple Ana Bo Cy\n".write(toFile: script, atomically: true, encoding: .utf8)
        let bad = try Attune.run(["replay", script])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.dialogue:2:2: error: unknown directive '@colour'"))
        #expect(bad.stderr.contains("bad.dialogue:4:3: error: unknown expectation 'smells'"))
        #expect(bad.stderr.contains("bad.dialogue:5:14: error: @past-couple takes one or two names"))
        let missing = try Attune.run(["replay", folder + "/nope.dialogue"])
        #expect(missing.status == 66)
    }

    @Test func replayPrintsTranscriptRecordsAsJSONLines() throws {
        let folder = Attune.temporaryFolder("jsonl")
        let script = folder + "/s.dialogue"
        try "@partners Alex Sam\n@seed 3\nAlex: I feel lonely\n".write(toFile: script, atomically: true, encoding: .utf8)
        let result = try Attune.run(["replay", "--format", "jsonl", script])
        #expect(result.status == 0)
        // JSON Lines: every line, blank ones included, is one object; only the last newline ends the text.
        #expect(result.stdout.hasSuffix("}\n"))
        let lines = result.stdout.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 4)
        #expect(lines.first?.contains("\"event\":\"session_start\"") == true)
        #expect(lines.contains { $0.contains("\"role\":\"partner\"") && $0.contains("\"speaker\":\"Alex\"") })
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "not one JSON object: \(line)")
        }
    }

    @Test func explainShowsTheTemplateAndSlots() throws {
        let result = try Attune.run(["explain", "I feel so lonely when you work late", "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["intent"] as? String == "express_feeling")
        let candidates = json?["candidates"] as? [[String: Any]]
        let template = candidates?.first?["template"] as? [String: Any]
        #expect((template?["file"] as? String)?.hasPrefix("Intents/") == true)
        #expect((json?["slots"] as? [String: String])?["feeling"] == "lonely")
    }

    /// JSON goes through the start-up cache (and writes it), which keeps no syntax trees; the
    /// text form must still say how each word matched rather than call every word `other`.
    @Test func explainShowsHowEachWordMatchedEvenWithACache() throws {
        let folder = Attune.temporaryFolder("explain-cache")
        for run in 1...2 {
            let json = try Attune.run(["explain", "you never listened to me", "--format", "json"], environment: ["XDG_CACHE_HOME": folder])
            let candidates = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["candidates"] as? [[String: Any]]
            #expect(candidates?.first?["intent"] as? String == "criticism", "run \(run)")
            #expect(candidates?.first?["words"] == nil, "run \(run): JSON never lists word kinds, cached or not")
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/attune"))
        let result = try Attune.run(["explain", "you never listened to me"], environment: ["XDG_CACHE_HOME": folder])
        let words = result.stdout.split(separator: "\n").first { $0.contains("words:") }
        #expect(words?.contains("listened (inflected)") == true, "\(result.stdout)")
        #expect(words?.contains("never (exact)") == true, "\(result.stdout)")
    }

    @Test func lintReportsEveryProblemWithItsPlace() throws {
        let folder = Attune.temporaryFolder("lint")
        try "intents:\n  greet:\n    templates: [\"(hi|hello\", \"[there\", \"(a;;b)\", \"{nolist}\"]\n    templets: []\n"
            .write(toFile: folder + "/a.yaml", atomically: true, encoding: .utf8)
        try "intents:\n  greet: {templates: [hey]}\n".write(toFile: folder + "/b.yaml", atomically: true, encoding: .utf8)
        try "bad: [unclosed\n".write(toFile: folder + "/c.yaml", atomically: true, encoding: .utf8)
        try Data([0x69, 0x3A, 0x20, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: folder + "/d.yaml"))
        let result = try Attune.run(["lint", "--intents", folder])
        #expect(result.status == 65)
        for expected in ["a.yaml:3:18: error: unclosed '('", "a.yaml:3:31: error: unclosed '['", "a.yaml:3:44: error: empty any-order part",
                         "a.yaml:3:51: error: unknown list 'nolist'", "a.yaml:4:5: error: unknown key 'templets'",
                         "b.yaml:2:3: error: intent 'greet' is defined twice", "c.yaml:2:1: error: invalid YAML",
                         "d.yaml:1:4: error: file is not valid UTF-8"] {
            #expect(result.stdout.contains(expected) || result.stderr.contains(expected), "missing: \(expected)\n\(result.stdout)\(result.stderr)")
        }
    }

    @Test func anEmptyOrMissingIntentsFolder() throws {
        let empty = Attune.temporaryFolder("empty")
        let result = try Attune.run(["lint", "--intents", empty])
        #expect(result.status == 65)
        #expect(result.stdout.contains("no intent files"))
        let missing = try Attune.run(["explain", "hi", "--intents", empty + "/nope"])
        #expect(missing.status == 66)
        let chat = try Attune.run(["--intents", empty, "--no-transcript"], input: "hi\n")
        #expect(chat.status == 65)
    }

    @Test(arguments: [".", ".."]) func explainRefusesAStateWithNoFlow(_ state: String) throws {
        let result = try Attune.run(["explain", "--state", state, "hello"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--state: state '\(state)' must be idle, FLOW or FLOW.STATE"))
    }

    @Test func testReportsFailuresWithTheClosingLine() throws {
        let folder = try fixtureFolder("fixtures", "greet:\n  - hello there\n  - what's the weather tomorrow\n")
        let result = try Attune.run(["test", folder])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL \(folder)/f.yaml:3:5: expected greet, got none"))
        #expect(result.stdout.hasSuffix("1 passed, 1 failed\n"))
        let json = try Attune.run(["test", folder, "--format", "json", "--coverage"])
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(report?["failed"] as? Int == 1)
        #expect((report?["uncovered"] as? [Any])?.isEmpty == false)
    }

    @Test func explainShowsTheFlagsAndTheTemplateThatRaisedThem() throws {
        let result = try Attune.run(["explain", "you are the laziest person i know", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let flags = json?["flags"] as? [[String: Any]]
        #expect(flags?.map { $0["flag"] as? String } == ["criticism"])
        #expect((flags?.first?["template"] as? [String: Any])?["file"] as? String != nil)
        let warm = try Attune.run(["explain", "you always make the best coffee"])
        #expect(warm.stdout.contains("flags: none"))
        let text = try Attune.run(["explain", "dont put this on me"])
        #expect(text.stdout.contains("flag defensiveness: "))
    }

    /// A folder holding one fixture file, `f.yaml`, written from `yaml`.
    func fixtureFolder(_ label: String, _ yaml: String) throws -> String {
        let folder = Attune.temporaryFolder(label)
        try yaml.write(toFile: folder + "/f.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    /// Runs `attune test` on one fixture file written from `yaml`.
    func testFixture(_ label: String, _ yaml: String) throws -> Attune.Result {
        try Attune.run(["test", try fixtureFolder(label, yaml)])
    }

    @Test func fixturesCheckFlags() throws {
        let result = try testFixture("flagfixtures", """
        "*":
          - {text: "talk to the wall", flags: [stonewalling]}
          - {text: "our landlord is pathetic", flags: []}
          - {text: "my boss is such an idiot", flags: [contempt]}
        appreciation:
          - {text: "you always make the best coffee", flags: []}
        """)
        #expect(result.status == 1)
        #expect(result.stdout.contains("f.yaml:4:5: flags: expected [contempt], got []"))
        #expect(result.stdout.hasSuffix("3 passed, 1 failed\n"))
    }

    @Test func malformedFlagFixturesAreDataErrors() throws {
        let result = try testFixture("badflagfixtures", "\"*\":\n  - whatever\ngreet:\n  - {text: hi, flags: criticism}\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("f.yaml:2:5: error: a fixture under '*' checks only flags"))
        #expect(result.stderr.contains("f.yaml:4:23: error: 'flags' must be a list of flag names"))
    }

    @Test func malformedFixturesAreDataErrors() throws {
        let result = try testFixture("badfixtures", "greet:\n  - text: hi\n    slotz: {}\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("f.yaml:3:5: error: unknown key 'slotz' in a fixture"))
    }

    @Test func intentsFromAnotherFolderNeedNoRebuild() throws {
        let folder = Attune.temporaryFolder("custom")
        try FileManager.default.copyItem(atPath: Attune.repositoryRoot + "/Intents", toPath: folder + "/Intents")
        try "intents:\n  juggle: {templates: [\"let's juggle (oranges|apples)\"]}\n".write(toFile: folder + "/Intents/extra.yaml", atomically: true, encoding: .utf8)
        let result = try Attune.run(["explain", "let's juggle oranges"], environment: ["ATTUNE_INTENTS": folder + "/Intents"])
        #expect(result.stdout.contains("→ juggle"))
    }
}

extension Array where Element == String {
    func prepending(_ element: String) -> [String] { [element] + self }
}
