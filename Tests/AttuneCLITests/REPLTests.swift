import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The REPL as a person at a terminal sees it.
@Suite(.serialized) struct REPLTests {
    let state = Attune.temporaryFolder("repl-state")
    var transcripts: String { state + "/attune/transcripts" }

    func start(_ extra: [String] = [], columns: UInt16? = nil) throws -> PseudoTerminal {
        try PseudoTerminal(arguments: ["--names", "Alex,Sam", "--seed", "1"] + extra,
                           environment: ["XDG_STATE_HOME": state], columns: columns)
    }

    func transcriptText() throws -> String {
        let files = try FileManager.default.contentsOfDirectory(atPath: transcripts).filter { $0.hasSuffix(".jsonl") }
        return try files.map { try String(contentsOfFile: transcripts + "/" + $0, encoding: .utf8) }.joined()
    }

    @Test func typingGetsAnAnswerAndThePromptNamesTheSpeaker() throws {
        let terminal = try start()
        #expect(terminal.converse(["Sam: hello there\r": "Sam› "]))
        #expect(terminal.quit() == 0)
    }

    @Test func tabCompletesCommandsAndExerciseNames() throws {
        let terminal = try start()
        #expect(terminal.converse(["/exerc\t": "/exercises", "\r": "mirroring", "/start mirr\t": "mirroring",
                                   "\r": "what would you like Sam to hear"]))
        #expect(terminal.quit() == 0)
    }

    @Test func tabAfterStartOffersExerciseNamesOnlyAndANameAtTheStartGetsAColon() throws {
        let terminal = try start()
        #expect(terminal.waitFor("Alex› "))
        terminal.clearScreen()
        // "s" after /start is stages or stress-talk, never /stop, /skip, /switch or Sam. The
        // first Tab adds the common "t"; as readline does, the third lists what is left.
        terminal.type("/start s\t\t\t")
        #expect(terminal.waitFor("stress-talk"))
        #expect(!terminal.screen.contains("/switch"))
        #expect(!terminal.screen.contains("Sam"))
        terminal.type("\u{15}")
        terminal.clearScreen()
        terminal.type("Sa\t")
        #expect(terminal.waitFor("Sam: "))
        terminal.type("hello there\r")
        #expect(terminal.waitFor("Sam› "))
        terminal.type("/quit\r")
        #expect(terminal.waitForExit() == 0)
        #expect(try transcriptText().contains("\"speaker\":\"Sam\",\"text\":\"hello there\""))
    }

    @Test func longRepliesWrapAtWordsToTheTerminalWidth() throws {
        let terminal = try start(columns: 50)
        #expect(terminal.waitFor("Alex› "))
        terminal.clearScreen()
        terminal.type("/help\r")
        #expect(terminal.waitFor("Alex› "))
        let lines = terminal.screen.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(lines.count > 3)
        for line in lines { #expect(line.count <= 50, "\(line)") }
        terminal.type("/quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func ctrlCClearsTheLineAndTheSessionGoesOn() throws {
        let terminal = try start()
        #expect(terminal.converse(["a secret I changed my mind about": "changed my mind", "\u{03}": "Alex› "]))
        #expect(terminal.quit() == 0)
        let transcript = try transcriptText()
        #expect(!transcript.contains("a secret"))
        #expect(transcript.contains("\"event\":\"session_end\""))
    }

    @Test func ctrlDEndsCleanly() throws {
        let terminal = try start()
        #expect(terminal.waitFor("Alex› "))
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
        #expect(try transcriptText().contains("\"event\":\"session_end\",\"reason\":\"eof\""))
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func terminationSignalsCloseTheTranscript(signal: Int32) throws {
        let terminal = try start()
        #expect(terminal.converse(["/start check-in\r": "high point"]))
        terminal.signal(signal)
        #expect(terminal.waitForExit() == 128 + signal)
        let transcript = try transcriptText()
        #expect(transcript.contains("\"event\":\"flow_end\",\"flow\":\"check-in\",\"completed\":false"))
        #expect(transcript.contains("\"event\":\"session_end\",\"reason\":\"signal\""))
    }

    @Test func aTerminalThatHangsUpEnds129WithTheTranscriptClosed() throws {
        let terminal = try start()
        #expect(terminal.waitFor("Alex› "))
        terminal.type("/start check-in\r")
        #expect(terminal.waitFor("high point"))
        terminal.hangUp()
        #expect(terminal.waitForExit() == 128 + SIGHUP)
        let transcript = try transcriptText()
        #expect(transcript.contains("\"event\":\"session_end\",\"reason\":\"signal\""))
    }

    @Test func historyKeepsCommandsOnlyInAPrivateFile() throws {
        let terminal = try start()
        #expect(terminal.converse(["I feel lonely when you work late\r": "Alex› ", "/exercises\r": "mirroring"]))
        #expect(terminal.quit() == 0)
        let path = state + "/attune/history"
        let history = try String(contentsOfFile: path, encoding: .utf8)
        #expect(history == "/exercises\n/quit\n")
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600)
    }

    @Test func aCrisisLineIsKeptInNoFileAndTheHistoryKeepsOnlyCommandNames() throws {
        let cache = Attune.temporaryFolder("repl-cache")
        let terminal = try PseudoTerminal(arguments: ["--names", "Alex,Sam", "--seed", "1"],
                                          environment: ["XDG_STATE_HOME": state, "XDG_CACHE_HOME": cache])
        #expect(terminal.converse(["/names Alex,Sam\r": "I have you as", "/i want to die tonight plimsolvex\r": "Are you safe right now?",
                                   "I want to kill myself vexplimsol\r": "still here with you", "/start the talk\r": "come back to that later",
                                   "/quit\r": "Take care of yourselves tonight"]))
        #expect(terminal.waitForExit() == 0)
        let history = try String(contentsOfFile: state + "/attune/history", encoding: .utf8)
        #expect(history == "/names\n/start\n/quit\n")
        for marker in ["plimsolvex", "vexplimsol"] {
            #expect(CrisisPrivacyTests.filesHolding(marker, under: state).isEmpty, "\(marker)")
            #expect(CrisisPrivacyTests.filesHolding(marker, under: cache).isEmpty, "\(marker)")
        }
        // The cache holds compiled templates ("kill myself" is one); the state folder nothing of the lines.
        for words in ["want to die tonight", "i want to kill myself"] {
            #expect(CrisisPrivacyTests.filesHolding(words, under: state).isEmpty, "\(words)")
        }
    }

    @Test func transcriptIsPrivateAndSurvivesKill9() throws {
        let terminal = try start()
        let lines = ["I feel lonely when you work late", "Sam: I miss our walks", "Alex: can we try mirroring"]
        #expect(terminal.converse([lines[0] + "\r": "› ", lines[1] + "\r": "› ", lines[2] + "\r": "› "]))
        terminal.signal(SIGKILL)
        _ = terminal.waitForExit()
        let files = try FileManager.default.contentsOfDirectory(atPath: transcripts)
        #expect(files.count == 1)
        let file = transcripts + "/" + files[0]
        let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600)
        let folderMode = (try FileManager.default.attributesOfItem(atPath: transcripts)[.posixPermissions] as? Int) ?? 0
        #expect(folderMode == 0o700)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        for line in text.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
        for line in lines {
            let said = line.split(separator: ":", maxSplits: 1).count > 1 && line.hasPrefix("Sam") ? String(line.dropFirst(5)) : line
            #expect(text.contains(said.replacingOccurrences(of: "Alex: ", with: "")))
        }
    }
}
