import Foundation
import Testing
import TranscriptFormat
@testable import TranscriptStore
import TranscriptTestSupport

/// Inputs a careless or hostile machine hands the reader: FIFOs, devices, binary files, floods of
/// bad lines. Each must end promptly with one clear message, never a hang or a flood.
@Suite("Reading hostile inputs")
struct HostileInputTests {
    @Test func binaryDataIsRefusedAsNotATranscript() {
        let bytes = Array(#"{"v":1,"#.utf8) + [0, 0, 0] + Array("\n".utf8)
        let (records, _, diagnostics) = readAll(TranscriptReader(bytes: bytes, name: "blob"))
        #expect(records.isEmpty)
        #expect(diagnostics.map(\.kind) == [.notATranscript])
        #expect(diagnostics.first?.description.hasPrefix("blob:1: error: not a transcript") == true)
    }

    @Test func anEndlessDeviceIsRefusedAtOnce() throws {
        // /dev/zero has no end and no newline: before, the reader skipped its "long line" forever.
        let (records, _, diagnostics) = readAll(try TranscriptReader(path: "/dev/zero"))
        #expect(records.isEmpty)
        #expect(diagnostics.map(\.kind) == [.notATranscript])
    }

    @Test func readingStopsAfterABoundedNumberOfErrorsWithACount() {
        let text = String(repeating: "not json at all\n", count: 5_000)
        let (_, _, diagnostics) = readAll(TranscriptReader(text: text, name: "noise"))
        #expect(diagnostics.count == TranscriptReader.maximumErrors + 1)
        #expect(diagnostics.last?.kind == .tooManyErrors(TranscriptReader.maximumErrors))
        #expect(diagnostics.last?.line == TranscriptReader.maximumErrors)
    }

    @Test func warningsDoNotCountTowardsTheBound() {
        let good = #"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"coach","text":"hi"}"#
        let text = String(repeating: good + "\n", count: 500) + String(repeating: "bad\n", count: 10)
        let (records, _, diagnostics) = readAll(TranscriptReader(text: text))
        #expect(records.count == 500)
        #expect(diagnostics.count == 10)
    }

    @Test func aFIFOInAFolderIsSkippedWithAWarningAndNeverOpened() throws {
        let folder = NSTemporaryDirectory() + "attune-fifo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/x.jsonl", 0o600) == 0)
        try #"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"coach","text":"hi"}"#
            .write(toFile: folder + "/y.jsonl", atomically: true, encoding: .utf8)
        var warnings: [String] = []
        let inputs = try TranscriptInputs.expand([folder]) { warnings.append($0) }
        #expect(inputs == [.file(folder + "/y.jsonl")])
        #expect(warnings == [folder + "/x.jsonl: skipped, not a regular file (a FIFO)"])
        var listed: [String] = []
        #expect(TranscriptInputs.transcriptFiles(in: folder) { listed.append($0) } == [folder + "/y.jsonl"])
        #expect(listed.count == 1)
    }

    @Test func openingAFIFONeverWaitsForAWriter() throws {
        let path = NSTemporaryDirectory() + "attune-fifo-\(UUID().uuidString).jsonl"
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        #expect(throws: TranscriptInputError(path: path, errno: EINVAL)) {
            _ = try TranscriptReader(path: path, regularFileOnly: true)
        }
        // Named directly it is read (process substitution hands review a pipe); with no writer it is empty.
        #expect(readAll(try TranscriptReader(path: path)).records.isEmpty)
    }
}

/// Transcripts edited by hand: what a writer could not have produced is reported where it is.
@Suite("Reading hand-edited transcripts")
struct HandEditedTranscriptTests {
    static let head = #"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","#

    func diagnostics(_ text: String) -> [TranscriptDiagnostic] {
        readAll(TranscriptReader(text: text, name: "t.jsonl")).diagnostics
    }

    @Test func aDuplicateKeyIsBadDataAtTheSecondKey() {
        let line = Self.head + #""role":"partner","speaker":"Alex","text":"hi","role":"coach"}"#
        let found = diagnostics(line + "\n")
        let column = Array(line.utf8).count - #""role":"coach"}"#.utf8.count + 1
        #expect(found.map(\.description) == ["t.jsonl:1:\(column): error: duplicate key \"role\"; expected each key once; line skipped"])
    }

    @Test func aSeqGoingBackwardsIsBadDataAtTheSeq() {
        func line(_ seq: Int) -> String {
            #"{"v":1,"session":"s","seq":\#(seq),"ts":"2026-11-29T10:51:33Z","role":"coach","text":"hi"}"# + "\n"
        }
        let (records, _, found) = readAll(TranscriptReader(text: line(1) + line(5) + line(3) + line(6), name: "t.jsonl"))
        #expect(records.map(\.seq) == [1, 5, 6])
        #expect(found.map(\.description) == ["t.jsonl:3:28: error: seq 3 comes after seq 5 in session s; expected seq never to go back; line skipped"])
    }

    @Test(arguments: [
        ([0xC0, 0xAF], "C0"),        // overlong '/'
        ([0xED, 0xA0, 0x80], "ED"),  // a UTF-16 surrogate encoded as UTF-8
        ([0xFF], "FF"),              // never valid
        ([0xE2, 0x80], "E2"),        // cut short
    ] as [([UInt8], String)])
    func invalidUTF8InAStringIsReportedAtItsColumn(bad: [UInt8], hex: String) {
        let before = Array((Self.head + #""role":"coach","text":"ab"#).utf8)
        let bytes = before + bad + Array(#"c"}"#.utf8) + [0x0A]
        let found = readAll(TranscriptReader(bytes: bytes, name: "t.jsonl")).diagnostics
        #expect(found.map(\.description) == [
            "t.jsonl:1:\(before.count + 1): error: expected UTF-8 text (byte 0x\(hex) does not begin a valid UTF-8 sequence); line skipped",
        ])
    }

    @Test func validUTF8IsReadAsIs() {
        let line = Self.head + #""role":"coach","text":"café — 日本 👍"}"#
        let (records, _, found) = readAll(TranscriptReader(text: line + "\n"))
        #expect(found.isEmpty)
        #expect(records.first.map { if case .coach(let text, _) = $0.body { return text } else { return "" } } == "café — 日本 👍")
    }
}
