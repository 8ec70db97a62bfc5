import ArgumentParser
import Foundation
import Testing
@testable import AttuneCLI
@testable import Review
import TranscriptFormat
import TranscriptStore

/// Runs `review` and `transcripts` in-process with captured output, as a user would type them.
final class CapturedConsole: @unchecked Sendable {
    var out = ""
    var err = ""
    var answers: [String] = []
    var questions: [String] = []

    func console(canAsk: Bool = false, today: String = "2026-11-11") -> TranscriptConsole {
        TranscriptConsole(
            out: { self.out += $0 }, error: { self.err += $0 + "\n" }, canAsk: canAsk,
            ask: { question in
                self.questions.append(question)
                return self.answers.isEmpty ? nil : self.answers.removeFirst()
            },
            utcOffsets: .fixed(0), today: CivilDay(parsing: today)!)
    }
}

enum ReviewCLI {
    static let fixtures: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/transcripts").path

    /// Runs `attune ARGS` for the review and transcripts commands; returns the exit status and output.
    static func run(_ arguments: [String], canAsk: Bool = false, answers: [String] = []) -> (status: Int32, out: String, err: String, asked: [String]) {
        let captured = CapturedConsole()
        captured.answers = answers
        let console = captured.console(canAsk: canAsk)
        var status: Int32 = 0
        do {
            var command: ParsableCommand
            if arguments.first == "review" {
                command = try ReviewCommand.parseAsRoot(Array(arguments.dropFirst()))
            } else {
                command = try TranscriptsCommand.parseAsRoot(Array(arguments.dropFirst()))
            }
            switch command {
            case let review as ReviewCommand: try review.run(console: console)
            case let list as TranscriptsListCommand: try list.run(console: console)
            case let show as TranscriptsShowCommand: try show.run(console: console)
            case let forget as TranscriptsForgetCommand: try forget.run(console: console)
            case let path as TranscriptsPathCommand: try path.run(console: console)
            case let generate as TranscriptsGenerateSampleCommand: try generate.run(console: console)
            default: try command.run()
            }
        } catch {
            status = ReviewCommand.exitCode(for: error).rawValue
            if status != 0 { captured.err += ReviewCommand.message(for: error) + "\n" }
        }
        return (status, captured.out, captured.err, captured.questions)
    }

    static func path(_ name: String) -> String { fixtures + "/" + name }
}

/// A temporary copy of the three couple sessions, as a transcript folder.
final class TranscriptFolderCopy {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "attune-review-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for file in ["couple/2026-11-02T19-00-00Z-aaaaaa.jsonl", "couple/2026-11-03T20-00-00Z-bbbbbb.jsonl",
                     "couple/more/2026-11-10T18-30-00Z-cccccc.jsonl"] {
            let source = ReviewCLI.path(file)
            try FileManager.default.copyItem(atPath: source, toPath: path + "/" + URL(fileURLWithPath: source).lastPathComponent)
        }
    }

    var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("attune review")
struct ReviewCommandTests {
    @Test func reviewsAFolderWithSafetyFirst() throws {
        let result = ReviewCLI.run(["review", ReviewCLI.path("couple"), "--color", "never"])
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(result.out.hasPrefix("Attune review · 3 sessions · 2026-11-02 to 2026-11-10 · 45 min in sessions\n\nSafety\n  ! 2026-11-03 20:03 UTC  abuse"))
        #expect(result.out.contains("Mirrors         2 tried · 1 faithful · 1 confirmed"))
        #expect(result.out.contains("longest 2 days · current 1 day"))
        #expect(!result.out.contains("\u{1B}["))
        #expect(ReviewCLI.run(["review", ReviewCLI.path("couple"), "--color", "always"]).out.contains("\u{1B}[1m"))
    }

    @Test func jsonWithSinceAndRedaction() throws {
        let result = ReviewCLI.run(["review", "--format", "json", "--since", "2026-11-03", "--redact", ReviewCLI.path("couple")])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(json["since"] as? String == "2026-11-03")
        #expect(json["redacted"] as? Bool == true)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["sessions"] as? Int == 2)
        let couple = try #require((json["couples"] as? [[String: Any]])?.first)
        #expect(Set((couple["partners"] as? [String: Any] ?? [:]).keys) == ["Partner A", "Partner B"])
        #expect(couple["names"] as? [String] == ["Partner A", "Partner B"])
        #expect(!result.out.contains("Alex") && !result.out.contains("Sam"))
    }

    @Test func markdownFormat() {
        let result = ReviewCLI.run(["review", "--format", "markdown", ReviewCLI.path("couple")])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("# Attune review\n\n3 sessions"))
        #expect(result.out.contains("## Safety\n\n- **abuse**"))
    }

    @Test func missingPathExits66BeforeReading() {
        let result = ReviewCLI.run(["review", ReviewCLI.path("couple"), ReviewCLI.path("no-such.jsonl")])
        #expect(result.status == 66)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("no-such.jsonl: No such file or directory"))
    }

    @Test func unknownVersionExits65AfterTheReport() {
        let result = ReviewCLI.run(["review", ReviewCLI.path("unknown-version.jsonl")])
        #expect(result.status == 65)
        #expect(result.out.contains("Attune review · 1 session"))
        #expect(result.err.contains("unknown-version.jsonl:2:6: error: transcript format version 9 is not supported"))
    }

    @Test func malformedAndTornLinesAreReportedAndSkipped() {
        let result = ReviewCLI.run(["review", ReviewCLI.path("malformed-middle.jsonl"), ReviewCLI.path("torn-last-line.jsonl")])
        #expect(result.status == 0)
        #expect(result.err.contains("malformed-middle.jsonl:3:106: error: expected ',' or '}'; line skipped"))
        #expect(result.err.contains("torn-last-line.jsonl:3: warning: last line is incomplete"))
        #expect(result.out.contains("2 sessions"))
    }

    @Test func emptyInputIsAnEmptyReport() {
        let result = ReviewCLI.run(["review", ReviewCLI.path("empty.jsonl")])
        #expect(result.status == 0)
        #expect(result.out == "Attune review · no sessions\n\nSafety\n  no safety events\n")
        let missingDefault = ReviewCLI.run(["review", "--dir", NSTemporaryDirectory() + "attune-never-created-\(UUID().uuidString)"])
        #expect(missingDefault.status == 0)
        #expect(missingDefault.out.contains("no sessions"))
    }

    @Test func usageErrorsExit64() {
        #expect(ReviewCLI.run(["review", "--since", "29/11/2026"]).status == 64)
        #expect(ReviewCLI.run(["review", "--format", "yaml"]).status == 64)
    }
}

@Suite("attune transcripts")
struct TranscriptsCommandTests {
    @Test func listShowsOneLinePerSessionSortedByDate() throws {
        let folder = try TranscriptFolderCopy()
        let result = ReviewCLI.run(["transcripts", "list", "--dir", folder.path])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("aaaaaa  2026-11-02 19:00 UTC  Alex, Sam  5 turns  1 exercise (1 finished)  "))
        #expect(lines[1].hasPrefix("bbbbbb  2026-11-03 20:00 UTC  Alex, Sam  4 turns  1 exercise (0 finished)  "))
        #expect(lines[2].hasPrefix("cccccc  "))
        #expect(lines[2].hasSuffix("2026-11-10T18-30-00Z-cccccc.jsonl"))
    }

    @Test func showPrintsAConversation() throws {
        let folder = try TranscriptFolderCopy()
        let text = ReviewCLI.run(["transcripts", "show", "2026-11-02T19-00-00Z-aaaaaa", "--dir", folder.path, "--color", "never"])
        #expect(text.status == 0)
        #expect(text.out.hasPrefix("— session started: Alex and Sam (2026-11-02 19:00 UTC) —\n— command /start mirroring —\n— flow mirroring started —\nAlex: I feel lonely when you work late\nCoach: Sam, can you mirror back what Alex said?\n"))
        #expect(text.out.contains("— flow mirroring finished —"))
        let markdown = ReviewCLI.run(["transcripts", "show", ReviewCLI.path("couple/2026-11-03T20-00-00Z-bbbbbb.jsonl"), "--format", "markdown"])
        #expect(markdown.out.hasPrefix("# Transcript `2026-11-03T20-00-00Z-bbbbbb`\n\n*— session started: Alex and Sam"))
        #expect(markdown.out.contains("**Sam:** I feel anxious about money\n\n"))
        #expect(markdown.out.contains("*— safety: abuse —*"))
        #expect(ReviewCLI.run(["transcripts", "show", "/no/such/file.jsonl"]).status == 66)
    }

    @Test func sessionsAreNamedByShortIDOrAUniquePrefix() throws {
        let folder = try TranscriptFolderCopy()
        let byID = ReviewCLI.run(["transcripts", "show", "bbbbbb", "--dir", folder.path, "--color", "never"])
        #expect(byID.status == 0)
        #expect(byID.out.contains("Sam: I feel anxious about money"))
        let byPrefix = ReviewCLI.run(["transcripts", "path", "cc", "--dir", folder.path])
        #expect(byPrefix.status == 0)
        #expect(byPrefix.out == folder.path + "/2026-11-10T18-30-00Z-cccccc.jsonl\n")
        #expect(ReviewCLI.run(["transcripts", "path", "2026-11-02T19-00-00Z-aaaaaa.jsonl", "--dir", folder.path]).out.hasSuffix("aaaaaa.jsonl\n"))

        // A prefix that fits two sessions names neither, and the message lists both.
        let ambiguous = ReviewCLI.run(["transcripts", "show", "2026-11-0", "--dir", folder.path])
        #expect(ambiguous.status == 64)
        #expect(ambiguous.err.contains("aaaaaa  2026-11-02T19-00-00Z-aaaaaa"))
        #expect(ambiguous.err.contains("bbbbbb  2026-11-03T20-00-00Z-bbbbbb"))
        #expect(!ambiguous.err.contains("cccccc"))

        // An unknown id lists every session there is.
        let unknown = ReviewCLI.run(["transcripts", "path", "nope", "--dir", folder.path])
        #expect(unknown.status == 64)
        #expect(unknown.err.contains("no session \"nope\""))
        #expect(unknown.err.contains("cccccc  2026-11-10T18-30-00Z-cccccc"))
        #expect(ReviewCLI.run(["transcripts", "show", "nope", "--dir", folder.path]).status == 64)

        // forget resolves every name first: one unknown name deletes nothing.
        let mixed = ReviewCLI.run(["transcripts", "forget", "aaa", "zzz", "--yes", "--dir", folder.path])
        #expect(mixed.status == 64)
        #expect(folder.files.count == 3)
        let forgot = ReviewCLI.run(["transcripts", "forget", "aaa", "cccccc", "--yes", "--dir", folder.path])
        #expect(forgot.out == "Removed 2 transcripts from \(folder.path).\n")
        #expect(folder.files.count == 1)
    }

    @Test func forgetRequiresYesWithoutATerminal() throws {
        let folder = try TranscriptFolderCopy()
        let refused = ReviewCLI.run(["transcripts", "forget", "--all", "--dir", folder.path])
        #expect(refused.status == 64)
        #expect(refused.err.contains("add --yes"))
        #expect(folder.files.count == 3)

        let one = ReviewCLI.run(["transcripts", "forget", "2026-11-02T19-00-00Z-aaaaaa", "--yes", "--dir", folder.path])
        #expect(one.status == 0)
        #expect(one.out == "Removed 1 transcript from \(folder.path).\n")
        #expect(folder.files.count == 2)

        #expect(ReviewCLI.run(["transcripts", "forget", "2026-11-02T19-00-00Z-aaaaaa", "--yes", "--dir", folder.path]).status == 64)
        #expect(ReviewCLI.run(["transcripts", "forget", "--dir", folder.path]).status == 64)
        #expect(ReviewCLI.run(["transcripts", "forget", "x", "--all", "--dir", folder.path]).status == 64)
    }

    @Test func forgetAsksOnATerminal() throws {
        let folder = try TranscriptFolderCopy()
        let declined = ReviewCLI.run(["transcripts", "forget", "--all", "--dir", folder.path], canAsk: true, answers: ["n"])
        #expect(declined.asked == ["Delete 3 transcripts? [y/N] "])
        #expect(declined.status == 0)
        #expect(folder.files.count == 3)
        let accepted = ReviewCLI.run(["transcripts", "forget", "--all", "--dir", folder.path], canAsk: true, answers: ["y"])
        #expect(accepted.status == 0)
        #expect(accepted.out == "Removed 3 transcripts from \(folder.path).\n")
        #expect(folder.files.isEmpty)
    }

    @Test func pathPrintsTheFolder() {
        #expect(ReviewCLI.run(["transcripts", "path", "--dir", "/some/where"]).out == "/some/where\n")
        #expect(ReviewCLI.run(["transcripts", "path"]).out.hasSuffix("attune/transcripts\n"))
    }

    @Test func generatedSamplesReviewCleanly() throws {
        let folder = NSTemporaryDirectory() + "attune-sample-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generated = ReviewCLI.run(["transcripts", "generate-sample", "--sessions", "5", "--turns", "20", "--dir", folder])
        #expect(generated.status == 0)
        #expect(generated.out.hasPrefix("Wrote 5 sessions"))
        let review = ReviewCLI.run(["review", folder, "--format", "json"])
        #expect(review.status == 0)
        #expect(review.err.isEmpty)
    }
}

/// The built binary, run as a user would, for what in-process runs cannot show: standard input
/// and the real exit status.
@Suite("attune review, the binary")
struct ReviewBinaryTests {
    @Test func readsStandardInput() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: ReviewCLI.path("couple/2026-11-03T20-00-00Z-bbbbbb.jsonl")))
        let result = try Attune.run(["review", "-", "--format", "json"], input: String(decoding: data, as: UTF8.self))
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["safety"] as? [[String: Any]])?.first?["kind"] as? String == "abuse")
        #expect(((json["sessions"] as? [[String: Any]])?.first?["source"] as? String) == "-")
    }

    @Test func exitStatusesReachTheShell() throws {
        #expect(try Attune.run(["review", ReviewCLI.path("missing.jsonl")]).status == 66)
        #expect(try Attune.run(["review", ReviewCLI.path("unknown-version.jsonl")]).status == 65)
        #expect(try Attune.run(["transcripts", "forget", "--all", "--dir", ReviewCLI.path("couple")]).status == 64)
        #expect(try Attune.run(["review", "-"], input: "garbage\n").status == 0)
    }
}

@Suite struct LocalClockTests {
    @Test func theSystemTimeZoneGivesEveryDaylightSavingChange() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let offsets = TranscriptConsole.localOffsets(in: berlin)
        #expect(offsets.seconds(at: TranscriptTimestamp(rfc3339: "2026-01-10T12:00:00Z")!) == 3600)
        #expect(offsets.seconds(at: TranscriptTimestamp(rfc3339: "2026-07-01T12:00:00Z")!) == 7200)
        #expect(offsets.day(of: TranscriptTimestamp(rfc3339: "2026-03-29T22:30:00Z")!) == CivilDay(parsing: "2026-03-30"))
        #expect(offsets.seconds(at: TranscriptTimestamp(rfc3339: "2009-07-01T12:00:00Z")!) == 7200)
        let utc = TranscriptConsole.localOffsets(in: TimeZone(identifier: "UTC")!)
        #expect(utc == .fixed(0))
    }
}
