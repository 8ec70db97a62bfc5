import Foundation
import Testing
import TranscriptFormat
@testable import TranscriptStore
import TranscriptTestSupport

func record(_ seq: Int, session: String = "s", text: String = "I feel heard when you put your phone away") -> TranscriptRecord {
    TranscriptRecord(session: session, seq: seq, timestamp: ts("2026-11-29T10:51:33Z"),
                     body: .partner(PartnerTurn(speaker: "Alex", text: text, intent: "express_feeling", confidence: 0.9,
                                                slots: ["feeling": "heard"], flags: ["i_statement"])))
}

@Suite("Durable transcript writing")
struct JSONLFileSinkTests {
    @Test func createsFolders0700AndFile0600AndWritesOneLinePerRecord() throws {
        let temp = TemporaryFolder()
        let folder = temp.sub("state/attune/transcripts")
        let sink = JSONLFileSink(folder: folder, startedAt: ts("2026-11-29T10:51:33.250Z"), suffix: "k3x9qa")
        #expect(sink.status == .saved)
        #expect(sink.sessionID == "2026-11-29T10-51-33Z-k3x9qa")
        #expect(sink.path == folder + "/2026-11-29T10-51-33Z-k3x9qa.jsonl")
        #expect(mode(temp.sub("state")) == 0o700)
        #expect(mode(temp.sub("state/attune")) == 0o700)
        #expect(mode(folder) == 0o700)
        #expect(mode(sink.path) == 0o600)
        #expect(sink.append(record(1, session: sink.sessionID)) == .saved)
        #expect(sink.append(record(2, session: sink.sessionID)) == .saved)
        #expect(sink.sync() == .saved)
        let report = sink.close()
        #expect(report.isComplete)
        #expect(report.savedLines == 2)
        let (records, _, diagnostics) = readAll(try TranscriptReader(path: sink.path))
        #expect(records == [record(1, session: sink.sessionID), record(2, session: sink.sessionID)])
        #expect(diagnostics.isEmpty)
    }

    @Test func existingFoldersAreLeftAsTheyAre() throws {
        let temp = TemporaryFolder()
        chmod(temp.path, 0o755)
        let sink = JSONLFileSink(folder: temp.path, suffix: "aaaaaa")
        #expect(sink.status == .saved)
        #expect(mode(temp.path) == 0o755)
        #expect(mode(sink.path) == 0o600)
        _ = sink.close()
    }

    @Test func exclusiveCreationNeverOverwrites() throws {
        let temp = TemporaryFolder()
        let start = ts("2026-11-29T10:51:33Z")
        let first = JSONLFileSink(folder: temp.path, startedAt: start, suffix: "same00")
        #expect(first.append(record(1, text: "first session")) == .saved)
        _ = first.close()

        let second = JSONLFileSink(folder: temp.path, startedAt: start, suffix: "same00")
        #expect(second.status.failure?.errno == EEXIST)
        #expect(second.status.failure?.operation == .create)
        #expect(second.append(record(1, text: "second session")).failure?.pendingLines == 1)
        let report = second.close()
        #expect(report.unsavedLines == 1)
        #expect(!report.isComplete)
        let (records, _, _) = readAll(try TranscriptReader(path: first.path))
        #expect(records.count == 1)
        #expect(records.first == record(1, text: "first session"))

        // Without a fixed suffix, sessions started in the same second get distinct files.
        let a = JSONLFileSink(folder: temp.path, startedAt: start, durable: false)
        let b = JSONLFileSink(folder: temp.path, startedAt: start, durable: false)
        #expect(a.path != b.path)
        #expect(a.status == .saved && b.status == .saved)
    }

    @Test func diskFullKeepsTheLinesAndReportsThemAtClose() {
        let sink = JSONLFileSink(appendingTo: "/dev/full", sessionID: "s", durable: true)
        #expect(sink.status == .saved)
        for seq in 1...3 {
            let status = sink.append(record(seq))
            #expect(status.failure?.errno == ENOSPC)
            #expect(status.failure?.operation == .write)
            #expect(status.failure?.pendingLines == seq)
        }
        let synced = sink.sync()
        #expect(synced.failure?.pendingLines == 3)
        #expect(synced.failure?.description == "could not write to the transcript /dev/full: No space left on device; 3 lines kept, retrying each turn")
        #expect(sink.pendingLines == 3)
        let report = sink.close()
        #expect(report.unsavedLines == 3)
        #expect(report.savedLines == 0)
        #expect(report.failure?.errno == ENOSPC)
        #expect(report.description == "transcript /dev/full is incomplete: 3 lines could not be saved: No space left on device")
        // After close, appends are refused but still counted as unsaved.
        #expect(sink.append(record(4)).failure != nil)
        #expect(sink.close().unsavedLines == 4)
    }

    @Test func appendingThroughAPlantedLinkIsRefusedAndTheTargetUntouched() throws {
        let temp = TemporaryFolder()
        let target = temp.path + "/someone-elses-file"
        try "precious\n".write(toFile: target, atomically: true, encoding: .utf8)
        let link = temp.path + "/x.jsonl"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let sink = JSONLFileSink(appendingTo: link, sessionID: "s", durable: false)
        #expect(sink.status.failure?.errno == ELOOP)
        #expect(sink.append(record(1)).failure?.errno == ELOOP)
        #expect(sink.close().unsavedLines == 1)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious\n")
    }

    @Test func linesKeptDuringAFailureAreWrittenInOrderOnceItClears() throws {
        let temp = TemporaryFolder()
        let blocker = temp.sub("blocker")
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("a file, not a folder".utf8))
        let sink = JSONLFileSink(folder: blocker + "/transcripts", suffix: "retry0")
        #expect(sink.status.failure?.errno == ENOTDIR)
        #expect(sink.status.failure?.operation == .createFolder)
        #expect(sink.append(record(1)).failure?.pendingLines == 1)
        #expect(sink.sync().failure?.pendingLines == 1)
        #expect(sink.append(record(2)).failure?.pendingLines == 2)

        try FileManager.default.removeItem(atPath: blocker)
        #expect(sink.append(record(3)) == .recovered(linesCaughtUp: 3))
        #expect(sink.append(record(4)) == .saved)
        #expect(sink.sync() == .saved)
        let report = sink.close()
        #expect(report.isComplete)
        #expect(report.savedLines == 4)
        let (records, _, diagnostics) = readAll(try TranscriptReader(path: sink.path))
        #expect(records.map(\.seq) == [1, 2, 3, 4])
        #expect(diagnostics.isEmpty)
        #expect(mode(sink.path) == 0o600)
        #expect(mode(blocker + "/transcripts") == 0o700)
    }

    @Test(.enabled(if: TinyTmpfs.isAvailable, "needs permission to mount a tmpfs"))
    func diskFullMidLineIsCompletedNotRepeated() throws {
        let disk = try #require(TinyTmpfs(size: "16k"))
        defer { withExtendedLifetime(disk) {} }
        // Take one of the four pages so the transcript fills up sooner.
        let filler = disk.path + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: Data(repeating: 0x2E, count: 4096))
        let sink = JSONLFileSink(folder: disk.path + "/transcripts", durable: true, suffix: "full00")
        #expect(sink.status == .saved)
        var seq = 0
        var failure: TranscriptWriteFailure?
        while failure == nil, seq < 1000 {
            seq += 1
            failure = sink.append(record(seq, text: "line \(seq): " + String(repeating: "so much to say ", count: 7))).failure
        }
        let firstFailure = try #require(failure)
        #expect(firstFailure.errno == ENOSPC)
        // Keep talking while the disk is full.
        for _ in 0..<3 {
            seq += 1
            #expect(sink.append(record(seq)).failure?.errno == ENOSPC)
        }
        #expect(sink.sync().failure != nil)
        let onDisk = try Data(contentsOf: URL(fileURLWithPath: sink.path))
        // The page ran out mid-line: a short write left half a line on disk.
        #expect(onDisk.last != 0x0A, "expected the disk to fill in the middle of a line")

        try FileManager.default.removeItem(atPath: filler)
        guard case .recovered(let caughtUp) = sink.sync() else {
            Issue.record("expected recovery after freeing space")
            return
        }
        #expect(caughtUp == 4)  // the line that failed and the three after it
        #expect(sink.pendingLines == 0)
        let report = sink.close()
        #expect(report.isComplete)
        #expect(report.savedLines == seq)
        let (records, _, diagnostics) = readAll(try TranscriptReader(path: sink.path))
        #expect(records.map { $0.seq } == Array(1...seq))
        #expect(diagnostics.isEmpty, "a half-written line must be completed, not repeated")
    }

    @Test(.enabled(if: TinyTmpfs.isAvailable, "needs permission to mount a tmpfs"))
    func readOnlyFileSystemIsReportedAndLinesKept() throws {
        let disk = try #require(TinyTmpfs(size: "16k"))
        defer { withExtendedLifetime(disk) {} }
        #expect(disk.remountReadOnly())
        let sink = JSONLFileSink(folder: disk.path + "/transcripts", suffix: "ro0000")
        #expect(sink.status.failure?.errno == EROFS)
        #expect(sink.append(record(1)).failure?.errno == EROFS)
        #expect(sink.append(record(2)).failure?.pendingLines == 2)
        let report = sink.close()
        #expect(report.unsavedLines == 2)
        #expect(report.failure?.errno == EROFS)
    }

    @Test func memorySinkKeepsEverything() {
        var sink = MemoryTranscriptSink()
        #expect(sink.append(record(1)) == .saved)
        #expect(sink.sync() == .saved)
        #expect(sink.records == [record(1)])
        #expect(sink.close().isComplete)
    }

    @Test func defaultFolderFollowsXDG() {
        #expect(TranscriptLocation.defaultFolder(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/a"]) == "/x/state/attune/transcripts")
        #expect(TranscriptLocation.defaultFolder(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/a"]) == "/home/a/.local/state/attune/transcripts")
        #expect(TranscriptLocation.defaultFolder(environment: ["XDG_STATE_HOME": "", "HOME": "/home/a/"]) == "/home/a/.local/state/attune/transcripts")
        #expect(TranscriptLocation.defaultFolder(environment: [:]).hasSuffix("/.local/state/attune/transcripts"))
    }

    /// The cache and the history use the same resolver, with the same fallbacks.
    @Test func everyBaseFolderFallsBackTheSameWay() {
        #expect(XDGDirectories.cacheHome(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"]) == "/x/cache")
        #expect(XDGDirectories.cacheHome(environment: ["XDG_CACHE_HOME": "cache", "HOME": "/home/a"]) == "/home/a/.cache")
        // No HOME at all: the password database's home, never a relative or empty path.
        let passwordHome = XDGDirectories.home(environment: [:])
        #expect(passwordHome.hasPrefix("/"))
        #expect(XDGDirectories.home(environment: ["HOME": ""]) == passwordHome)
        #expect(XDGDirectories.stateHome(environment: ["HOME": ""]) == XDGDirectories.join(passwordHome, ".local/state"))
    }

    @Test func fileStemsSortByTime() {
        #expect(JSONLFileSink.fileStem(startedAt: ts("2026-01-02T03:04:05.678Z"), suffix: "abc123") == "2026-01-02T03-04-05Z-abc123")
        let suffix = JSONLFileSink.randomSuffix()
        #expect(suffix.count == 6)
        #expect(suffix.allSatisfy { $0.isLowercase || $0.isNumber })
    }
}
