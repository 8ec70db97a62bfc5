import Coach
import Foundation
import Testing
import TranscriptFormat
import TranscriptStore
import TranscriptTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The faults a hostile machine brings, against the real binary: a full disk, a read-only
/// folder, `kill -9` at any moment, links planted where Attune writes. (Signals while the
/// output is stalled are in `StalledOutputTests`.) Each prints its figures.
@Suite(.serialized) struct FaultInjectionTests {
    static let runs = 100

    @Test func kill9AtRandomPointsLosesNoAcknowledgedLine() throws {
        var random = SeededGenerator(seed: 14)
        var acknowledged = 0, lost = 0, killedMidLine = 0, tornLines = 0
        for run in 0..<Self.runs {
            let session = try LiveSession(folder: Attune.temporaryFolder("kill9"), seed: run)
            try #require(session.opening() != nil, "run \(run): no opening")
            var answered: [String] = []
            for turn in 0..<Int.random(in: 0...8, using: &random) {
                let text = "I felt unheard at dinner, note \(run)-\(turn)"
                if session.say("\(turn % 2 == 0 ? "Alex" : "Sam"): \(text)") != nil { answered.append(text) }
            }
            // The kill comes after an answer, or while a line is being taken in, at a random delay.
            if Bool.random(using: &random) {
                session.send("Alex: this line was never answered \(run)")
                usleep(UInt32.random(in: 0..<3000, using: &random))
                killedMidLine += 1
            }
            session.kill9()
            let saved = Set(session.savedPartnerLines)
            acknowledged += answered.count
            lost += answered.filter { !saved.contains($0) }.count
            // What is on disk reads back: at most the last line torn by the kill.
            for file in try FileManager.default.contentsOfDirectory(atPath: session.folder) {
                for item in try TranscriptReader(path: session.folder + "/" + file) {
                    guard case .diagnostic(let diagnostic) = item else { continue }
                    #expect(diagnostic.kind == .tornLastLine, "run \(run): \(diagnostic)")
                    tornLines += 1
                }
            }
        }
        print("fault: kill -9 at random points over \(Self.runs) runs (\(killedMidLine) mid-line): \(acknowledged) acknowledged lines, \(lost) lost, \(tornLines) torn last lines")
        #expect(lost == 0)
        #expect(acknowledged > Self.runs)
    }

    @Test(.enabled(if: TinyTmpfs.isAvailable, "needs permission to mount a tmpfs (root with CAP_SYS_ADMIN)"))
    func aFullDiskIsSaidAtOnceAndEveryLineIsSavedOnceThereIsRoom() throws {
        let disk = try #require(TinyTmpfs(size: "64k"))
        defer { withExtendedLifetime(disk) {} }
        let folder = disk.path + "/transcripts"
        #expect(mkdir(folder, 0o700) == 0)
        let filler = disk.fill()
        let session = try LiveSession(folder: folder)
        try #require(session.opening() != nil)
        let lines = ["I miss our walks", "Sam: I miss them too", "Alex: can we go on Sunday"]
        for line in lines { #expect(session.say(line) != nil, "the conversation goes on while the disk is full") }
        #expect(session.stderrText.contains("No space left on device"), "\(session.stderrText)")
        #expect(session.stderrText.contains("lost if there is none when the session ends"))
        unlink(filler)
        #expect(session.say("Sam: Sunday it is") != nil)
        let end = session.finish()
        #expect(end.status == 0, "\(end.stderr)")
        #expect(end.stderr.contains("the transcript is being saved again"))
        let saved = session.savedPartnerLines
        print("fault: full disk: \(lines.count + 1) lines typed, \(saved.count) saved once there was room")
        #expect(saved == ["I miss our walks", "I miss them too", "can we go on Sunday", "Sunday it is"])
    }

    @Test(.enabled(if: TinyTmpfs.isAvailable, "needs permission to mount a tmpfs (root with CAP_SYS_ADMIN)"))
    func aDiskStillFullAtTheEndExits74AndSaysHowManyLinesWereLost() throws {
        let disk = try #require(TinyTmpfs(size: "64k"))
        defer { withExtendedLifetime(disk) {} }
        let folder = disk.path + "/transcripts"
        #expect(mkdir(folder, 0o700) == 0)
        disk.fill()
        let session = try LiveSession(folder: folder)
        try #require(session.opening() != nil)
        #expect(session.say("I miss our walks") != nil)
        let end = session.finish()
        #expect(end.status == 74)
        #expect(end.stderr.contains("could not be saved: No space left on device"), "\(end.stderr)")
        #expect(!end.stderr.contains("nothing typed is lost"))
    }

    @Test(.enabled(if: TinyTmpfs.isAvailable, "needs permission to mount a tmpfs (root with CAP_SYS_ADMIN)"))
    func aReadOnlyFolderIsSaidAtOnceAndExits74() throws {
        // As root, a folder's mode bits do not stop writes; a read-only mount does.
        let disk = try #require(TinyTmpfs(size: "64k"))
        defer { withExtendedLifetime(disk) {} }
        let folder = disk.path + "/transcripts"
        #expect(mkdir(folder, 0o700) == 0)
        #expect(disk.remountReadOnly())
        let session = try LiveSession(folder: folder)
        try #require(session.opening() != nil)
        #expect(session.stderrText.contains("Read-only file system"), "\(session.stderrText)")
        #expect(session.say("I miss our walks") != nil, "the conversation goes on")
        let end = session.finish()
        #expect(end.status == 74)
        #expect(end.stderr.contains("could not be saved: Read-only file system"), "\(end.stderr)")
    }

    @Test func aTranscriptFolderLinkedToAFolderOthersCanWriteKeepsNothingThere() throws {
        let shared = Attune.temporaryFolder("shared")
        chmod(shared, 0o777)
        let state = Attune.temporaryFolder("plant")
        try FileManager.default.createDirectory(atPath: state + "/attune", withIntermediateDirectories: true)
        #expect(symlink(shared, state + "/attune/transcripts") == 0)
        let result = try Attune.run(["--names", "Alex,Sam"], input: "Alex: I miss our walks\n",
                                    environment: ["XDG_STATE_HOME": state])
        #expect(result.status == 0)
        #expect(result.stderr.contains("no transcript is kept of this session"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: shared).isEmpty)
    }

    @Test func aLinkPlantedAtTheTranscriptPathIsNeverFollowed() throws {
        let folder = TemporaryFolder()
        let victim = folder.sub("victim")
        try "keep me".write(toFile: victim, atomically: true, encoding: .utf8)
        chmod(victim, 0o644)
        let start = TranscriptTimestamp(millisecondsSinceEpoch: 1_764_000_000_000)
        let path = folder.sub("transcripts/" + JSONLFileSink.fileStem(startedAt: start, suffix: "plant0") + ".jsonl")
        try FileManager.default.createDirectory(atPath: folder.sub("transcripts"), withIntermediateDirectories: true)
        chmod(folder.sub("transcripts"), 0o700)
        #expect(symlink(victim, path) == 0)
        let sink = JSONLFileSink(folder: folder.sub("transcripts"), startedAt: start, suffix: "plant0")
        #expect(sink.status.failure?.errno == EEXIST)
        _ = sink.append(TranscriptRecord(session: "plant", seq: 1, timestamp: start,
                                         body: .partner(PartnerTurn(speaker: "Alex", text: "I miss our walks", intent: "none",
                                                                    confidence: 0, slots: [:], flags: []))))
        _ = sink.close()
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me")
        #expect((try FileManager.default.attributesOfItem(atPath: victim)[.posixPermissions] as? Int) == 0o644)
    }

    @Test func aCacheFolderOthersCanWriteIsNotUsed() throws {
        // A planted compiled cache could change what the coach says, safety replies included.
        let cache = Attune.temporaryFolder("cache-plant")
        try FileManager.default.createDirectory(atPath: cache + "/attune", withIntermediateDirectories: true)
        chmod(cache + "/attune", 0o777)
        let result = try Attune.run(["--names", "Alex,Sam", "--no-transcript"], input: "Alex: hi\n",
                                    environment: ["XDG_CACHE_HOME": cache])
        #expect(result.status == 0)
        #expect(result.stderr.contains("the compiled content is not cached"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache + "/attune").isEmpty)
    }

    @Test func aLinkPlantedAtTheCacheFileIsNeverRead() throws {
        // The cache file's name is the content's hash: a link to an endless device there must
        // not hang the start, and the link is replaced, not followed, when the cache is written.
        let cache = Attune.temporaryFolder("cache-link")
        let first = try Attune.run(["--names", "Alex,Sam", "--no-transcript"], input: "", environment: ["XDG_CACHE_HOME": cache])
        #expect(first.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache + "/attune").filter { $0.hasSuffix(".bin") }
        let name = try #require(files.first)
        unlink(cache + "/attune/" + name)
        #expect(symlink("/dev/zero", cache + "/attune/" + name) == 0)
        let second = try Attune.run(["--names", "Alex,Sam", "--no-transcript"], input: "Alex: hi\n",
                                    environment: ["XDG_CACHE_HOME": cache], timeout: 180)
        #expect(second.status == 0)
        #expect(second.stdout.contains("Coach: "))
        // Rebuilt and written over the link, which was never followed.
        var info = stat()
        #expect(lstat(cache + "/attune/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
    }
}
