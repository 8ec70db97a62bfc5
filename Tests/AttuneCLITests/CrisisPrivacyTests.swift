import Foundation
import Testing
@testable import AttuneCLI
import Coach
import TranscriptFormat

/// The words of a crisis line are never written anywhere: not in the transcript, not in what
/// `transcripts show` and `review` print, not in the history, the cache or any other file.
@Suite(.serialized) struct CrisisPrivacyTests {
    static let root = Attune.repositoryRoot

    /// Every script in Scripts/ that raises a safety event.
    static let crisisScripts: [String] = ShippedContentTests.scripts.filter { name in
        let text = (try? String(contentsOfFile: root + "/Scripts/" + name, encoding: .utf8)) ?? ""
        return text.contains("\n? safety ")
    }

    static let coach: CoachScript = CoachScript.build(content: ShippedContentTests.loaded.content,
                                                      matcher: ShippedContentTests.loaded.matcher).0

    /// Every word the coach can say, so that a word the coach says anyway is not mistaken for one
    /// kept from the crisis line.
    static let coachWords: Set<String> = {
        let texts = coach.responses.entries.values.flatMap(\.variants) + coach.responses.resources.values.flatMap { $0 }
        return Set(texts.flatMap(words))
    }()

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    /// The lines of a script that raised a safety event, as typed (without a `Name:` prefix or a
    /// leading slash), with the words that must appear nowhere: those of four letters or more
    /// that the coach never says and that are not part of the kind's name.
    static func crisisLines(in name: String) -> [(line: String, words: [String])] {
        let file = root + "/Scripts/" + name
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        let (dialogue, _) = DialogueScript.parse(text, file: file)
        return dialogue.steps.filter { step in
            step.expectations.contains { if case .safety = $0.check { return true } else { return false } }
        }.map { step in
            var line = step.input
            if let colon = line.firstIndex(of: ":"), line[..<colon].allSatisfy(\.isLetter) {
                line = String(line[line.index(after: colon)...])
            }
            line = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("/") { line.removeFirst() }
            let kept = words(line).filter { $0.count >= 4 && !coachWords.contains($0) && !["crisis", "self", "harm", "abuse"].contains($0) }
            return (line, kept)
        }
    }

    /// The transcript a script's replay writes, as JSON Lines.
    static func transcript(of name: String) throws -> String {
        var lines: [String] = []
        var runner = ReplayRunner(script: coach)
        runner.onRecord = { lines.append(TranscriptLineEncoder.line($0)) }
        let outcome = try ReplayInputs.replay(root + "/Scripts/" + name, runner: runner)
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        return lines.joined()
    }

    @Test func thereIsACrisisScriptForEveryPath() {
        #expect(Self.crisisScripts.count >= 16)
    }

    @Test(arguments: crisisScripts)
    func noCrisisWordsInTheTranscriptNorInShowReviewAndReplay(_ name: String) throws {
        let crisis = Self.crisisLines(in: name)
        #expect(!crisis.isEmpty)
        let jsonl = try Self.transcript(of: name)
        let file = Attune.temporaryFolder("crisis") + "/" + name.replacingOccurrences(of: ".dialogue", with: ".jsonl")
        try jsonl.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(jsonl.contains("\"withheld\":true"))
        let show = try Attune.run(["transcripts", "show", file])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("words not kept"))
        let review = try Attune.run(["review", file])
        #expect(review.status == 0, "\(review.stderr)")
        let replay = try Attune.run(["replay", "--check", file])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("words withheld"))
        for (line, words) in crisis {
            for (what, output) in [("transcript", jsonl), ("show", show.stdout), ("review", review.stdout), ("replay", replay.stdout)] {
                if Self.words(line).count >= 3 {
                    #expect(!output.lowercased().contains(line.lowercased()), "\(what) of \(name) holds \"\(line)\"")
                }
                for word in words {
                    #expect(!Self.words(output).contains(word), "\(what) of \(name) holds \"\(word)\" from \"\(line)\"")
                }
            }
        }
        // Review names the kinds, and nothing else of those lines.
        for kind in ["self_harm", "abuse"] where jsonl.contains("\"kind\":\"\(kind)\"") {
            #expect(review.stdout.contains(kind))
        }
    }

    /// Every file under `folder`, read as bytes.
    static func filesHolding(_ marker: String, under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        for case let path as String in walker {
            let full = folder + "/" + path
            if let data = FileManager.default.contents(atPath: full), data.range(of: Data(marker.utf8)) != nil { found.append(full) }
        }
        return found
    }

    @Test func aMarkerWordTypedInACrisisLineIsInNoFileThroughAPipe() throws {
        let state = Attune.temporaryFolder("marker-state"), cache = Attune.temporaryFolder("marker-cache")
        let input = "Alex: I want to kill myself zorblatquux\n/i want to die tonight quxzorblat\nSam: what do we do?\n/quit\n"
        let result = try Attune.run(["--names", "Alex,Sam", "--seed", "2"], input: input,
                                    environment: ["XDG_STATE_HOME": state, "XDG_CACHE_HOME": cache])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Take care of yourselves tonight"))
        let transcripts = try FileManager.default.contentsOfDirectory(atPath: state + "/attune/transcripts")
        #expect(transcripts.count == 1)
        for marker in ["zorblatquux", "quxzorblat"] {
            #expect(Self.filesHolding(marker, under: state).isEmpty, "\(marker)")
            #expect(Self.filesHolding(marker, under: cache).isEmpty, "\(marker)")
        }
    }
}
