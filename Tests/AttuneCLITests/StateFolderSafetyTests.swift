import Foundation
import Testing
import Terminal

/// Symbolic links planted where Attune keeps its state, and state folders others can write.
@Suite("State folder safety")
struct StateFolderSafetyTests {
    func privateFolder() throws -> String {
        let folder = Attune.temporaryFolder("state") + "/attune"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return folder
    }

    func victim() throws -> String {
        let path = Attune.temporaryFolder("victim") + "/precious.txt"
        try "keep me\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        return path
    }

    func contentsAndMode(_ path: String) throws -> (String, Int) {
        (try String(contentsOfFile: path, encoding: .utf8),
         try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1)
    }

    @Test func savingNeverFollowsALinkPlantedAtTheHistory() throws {
        let folder = try privateFolder(), target = try victim()
        #expect(symlink(target, folder + "/history") == 0)
        var history = CommandHistory(path: folder + "/history")
        #expect(history.commands.isEmpty)  // the link's target was not read either
        history.add("/help")
        try history.save()
        #expect(try contentsAndMode(target) == ("keep me\n", 0o644))
        var info = stat()
        #expect(lstat(folder + "/history", &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        #expect(try contentsAndMode(folder + "/history") == ("/help\n", 0o600))
    }

    @Test func savingNeverFollowsALinkPlantedAtAGuessableTemporaryName() throws {
        let folder = try privateFolder(), target = try victim()
        // The names an attacker would guess: the history's own name with a pid (this one, and nearby).
        let pid = Int(getpid())
        for guess in (pid - 2)...(pid + 2) { _ = symlink(target, folder + "/history.tmp\(guess)") }
        var history = CommandHistory(path: folder + "/history")
        history.add("/help")
        try history.save()
        #expect(try contentsAndMode(target) == ("keep me\n", 0o644))
        #expect(try contentsAndMode(folder + "/history") == ("/help\n", 0o600))
    }

    @Test func aFolderOthersCanWriteKeepsNoHistory() throws {
        let folder = try privateFolder()
        chmod(folder, 0o777)
        var history = CommandHistory(path: folder + "/history")
        #expect(history.warning?.contains("can be written by others (mode 0777)") == true)
        history.add("/help")
        #expect(throws: (any Error).self) { try history.save() }
        #expect(!FileManager.default.fileExists(atPath: folder + "/history"))
    }

    @Test func aTranscriptFolderOthersCanWriteGetsNoTranscript() throws {
        let folder = Attune.temporaryFolder("open-transcripts")
        chmod(folder, 0o777)
        let result = try Attune.run(["--names", "Alex,Sam", "--transcript-dir", folder], input: "Alex: hi\n/quit\n", timeout: 30)
        #expect(result.status == 0)
        #expect(result.stderr.contains("no transcript is kept of this session"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aPrivateFolderIsFine() throws {
        #expect(PrivateFolder.check(try privateFolder()) == .fine)
        #expect(PrivateFolder.check("/no/such/folder") == .fine)
    }
}
