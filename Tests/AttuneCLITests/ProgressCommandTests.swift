import Foundation
import Testing
@testable import AttuneCLI
import TranscriptFormat
import TranscriptStore

/// `attune progress` and `/progress`, as a user runs them.
@Suite("attune progress")
struct ProgressCommandTests {
    static let exercises = ["active-listening", "appreciation", "barriers", "check-in", "date-night", "deep-questions", "i-feel",
                            "just-like-me", "long-distance", "mirroring", "myths", "repair", "stages", "stress-talk", "touch"]

    /// Runs `progress ARGS` in-process with this clock.
    func progress(_ arguments: [String], offsets: UTCOffsets, today: String) throws -> (status: Int32, out: String) {
        let captured = CapturedConsole()
        var console = captured.console(today: today)
        console.utcOffsets = offsets
        let command = try ProgressCommand.parse(arguments)
        do {
            try command.run(console: console, exercises: Self.exercises)
            return (0, captured.out)
        } catch {
            return (ReviewCommand.exitCode(for: error).rawValue, captured.out)
        }
    }

    /// A check-in just after midnight local time on each day of the week around the night
    /// Berlin's clocks go forward (2026-03-29, 02:00 → 03:00), except the 30th.
    func berlinWeek() throws -> TranscriptFolder {
        let folder = try TranscriptFolder()
        // 00:30 local: CET (UTC+1) until the 29th, CEST (UTC+2) after; the UTC day is the day before.
        let starts = ["2026-03-25T23:30:00Z", "2026-03-26T23:30:00Z", "2026-03-27T23:30:00Z", "2026-03-28T23:30:00Z",
                      "2026-03-30T22:30:00Z", "2026-03-31T22:30:00Z"]
        for (index, start) in starts.enumerated() {
            let stem = JSONLFileSink.fileStem(startedAt: TranscriptTimestamp(rfc3339: start)!, suffix: "wk000\(index)")
            var text = ""
            for (seq, body) in [#""event":"session_start","partners":["Mia","Noor"],"version":"0.1.0","seed":1"#,
                                #""event":"flow_start","flow":"check-in""#, #""event":"flow_end","flow":"check-in","completed":true"#,
                                #""event":"session_end","reason":"quit""#].enumerated() {
                text += #"{"v":2,"session":"\#(stem)","seq":\#(seq + 1),"ts":"\#(start)","role":"event",\#(body)}"# + "\n"
            }
            try text.write(toFile: folder.path + "/" + stem + ".jsonl", atomically: false, encoding: .utf8)
        }
        return folder
    }

    @Test func aWeekAcrossADaylightSavingChangeKeepsItsStreakWithAGraceDay() throws {
        let folder = try berlinWeek()
        let berlin = TranscriptConsole.localOffsets(in: try #require(TimeZone(identifier: "Europe/Berlin")))
        let local = try progress(["--dir", folder.path, "--format", "json"], offsets: berlin, today: "2026-04-01")
        #expect(local.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(local.out.utf8)) as? [String: Any])
        let couple = try #require((json["couples"] as? [[String: Any]])?.first)
        let streak = try #require(couple["streak"] as? [String: Any])
        #expect(streak["days"] as? Int == 6)
        #expect(streak["first"] as? String == "2026-03-26")
        #expect(streak["last"] as? String == "2026-04-01")
        #expect(streak["grace_day"] as? String == "2026-03-30")
        #expect(streak["current"] as? Bool == true)
        #expect(couple["finished"] as? [String: Int] == ["check-in": 6])
        #expect((couple["untried"] as? [String])?.count == 14)

        // Filed under UTC days instead, every session would move to the day before.
        let utc = try progress(["--dir", folder.path, "--format", "json"], offsets: .fixed(0), today: "2026-04-01")
        #expect(!utc.out.contains("\"grace_day\": \"2026-03-30\""))
        #expect(utc.out.contains("\"first\": \"2026-03-25\""))

        let text = try progress(["--dir", folder.path], offsets: berlin, today: "2026-04-01")
        #expect(text.out.contains("Mia & Noor · 6 sessions\n"))
        #expect(text.out.contains("  Streak          6 days (2026-03-26 to 2026-04-01, grace day 2026-03-30) · still going\n"))
        // Two days later with nothing new the run has ended.
        let later = try progress(["--dir", folder.path], offsets: berlin, today: "2026-04-04")
        #expect(later.out.contains("· ended;"))
    }

    @Test func theBinaryUsesTheLocalTimeZone() throws {
        let folder = try berlinWeek()
        let result = try Attune.run(["progress", "--dir", folder.path], environment: ["TZ": "Europe/Berlin"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(2026-03-26 to 2026-04-01, grace day 2026-03-30)"))
    }

    @Test func threeCouplesAreThreeSections() throws {
        let result = try progress([ReviewCLI.path("three-couples")], offsets: .fixed(0), today: "2026-11-11")
        #expect(result.status == 0)
        for title in ["Jordan & Priya · 2 sessions", "Dana · 1 session", "Alex & Sam · 1 session"] {
            #expect(result.out.contains(title + "\n"))
        }
        #expect(try progress(["/no/such/folder"], offsets: .fixed(0), today: "2026-11-11").status == 66)
    }

    @Test func progressInTheSessionShowsThisCoupleFromTheSavedSessions() throws {
        let folder = try TranscriptFolder()
        for name in ["2026-11-02T19-00-00Z-jp0001.jsonl", "2026-11-10T20-00-00Z-jp0002.jsonl", "2026-11-05T21-00-00Z-as0001.jsonl"] {
            try FileManager.default.copyItem(atPath: ReviewCLI.path("three-couples/" + name), toPath: folder.path + "/" + name)
        }
        let slash = try Attune.run(["--names", "Priya,Jordan", "--seed", "1", "--transcript-dir", folder.path], input: "/progress\n")
        #expect(slash.status == 0, "\(slash.stderr)")
        #expect(slash.stdout.contains("Coach: Priya & Jordan · 3 sessions") || slash.stdout.contains("Coach: Jordan & Priya · 3 sessions"))
        #expect(slash.stdout.contains("repair phrases by Jordan and Priya: phrases: can we start over?"))
        #expect(!slash.stdout.contains("Alex"))
        let words = try Attune.run(["--names", "Alex,Sam", "--seed", "1", "--transcript-dir", folder.path], input: "how are we doing?\n")
        #expect(words.stdout.contains("Coach: Alex & Sam · 2 sessions"))
        #expect(words.stdout.contains("1 mirror confirmed · 1 \"I feel\" statement built"))
        let newcomers = try Attune.run(["--names", "Kim,Lee", "--seed", "1", "--transcript-dir", folder.path], input: "/progress\n")
        // A new couple's progress is this session alone, as far as it is saved.
        #expect(newcomers.stdout.contains("Coach: Kim & Lee · 1 session\n"))
        #expect(newcomers.stdout.contains("Finished        none yet"))
    }
}

/// A temporary transcript folder, removed afterwards.
final class TranscriptFolder {
    let path = NSTemporaryDirectory() + "attune-progress-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
