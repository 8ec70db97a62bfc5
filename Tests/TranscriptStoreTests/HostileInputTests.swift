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
