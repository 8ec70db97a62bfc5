import Coach
import Foundation
import Testing
import TranscriptFormat
@testable import TranscriptStore
import TranscriptTestSupport

@Suite("Reading transcripts")
struct TranscriptReaderTests {
    @Test func tornLastLineIsAWarningAndTheRestIsRead() throws {
        let (records, _, diagnostics) = readAll(try TranscriptReader(path: Fixtures.path("torn-last-line.jsonl")))
        #expect(records.map(\.seq) == [1, 2])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].kind == .tornLastLine)
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].line == 3)
        #expect(diagnostics[0].description.hasPrefix(Fixtures.path("torn-last-line.jsonl") + ":3: warning: last line is incomplete"))
    }

    @Test func malformedMiddleLineIsSkippedWithFileLineAndColumn() throws {
        let (records, lines, diagnostics) = readAll(try TranscriptReader(path: Fixtures.path("malformed-middle.jsonl")))
        #expect(records.map(\.seq) == [1, 2, 4])
        #expect(lines == [1, 2, 4])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].kind == .malformedLine)
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].description == Fixtures.path("malformed-middle.jsonl") + ":3:106: error: expected ',' or '}'; line skipped")
    }

    @Test func unknownVersionIsAnError() throws {
        let (records, _, diagnostics) = readAll(try TranscriptReader(path: Fixtures.path("unknown-version.jsonl")))
        #expect(records.map(\.seq) == [1, 3])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].kind == .unsupportedVersion(9))
        #expect(diagnostics[0].isUnsupportedVersion)
        #expect(diagnostics[0].line == 2)
        #expect(diagnostics[0].column == 6)
    }

    @Test func emptyInputYieldsNothing() throws {
        let (records, _, diagnostics) = readAll(try TranscriptReader(path: Fixtures.path("empty.jsonl")))
        #expect(records.isEmpty)
        #expect(diagnostics.isEmpty)
        #expect(readAll(TranscriptReader(text: "")).records.isEmpty)
        #expect(readAll(TranscriptReader(text: "\n\n  \n")).diagnostics.isEmpty)
    }

    @Test func aCompleteLastLineWithoutNewlineIsARecord() {
        let text = #"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"coach","text":"hi"}"#
        let (records, _, diagnostics) = readAll(TranscriptReader(text: text))
        #expect(records.count == 1)
        #expect(diagnostics.isEmpty)
    }

    @Test func crlfLineEndingsAreAccepted() {
        let text = #"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"coach","text":"hi"}"# + "\r\n"
        #expect(readAll(TranscriptReader(text: text + text)).records.count == 2)
    }

    @Test func linesSplitAcrossEveryReadBoundaryStillParse() throws {
        let bytes = Array(try String(contentsOfFile: Fixtures.path("couple/2026-11-02T19-00-00Z-aaaaaa.jsonl"), encoding: .utf8).utf8)
        for piece in [1, 2, 3, 7, 64, 4096] {
            let (records, _, diagnostics) = readAll(TranscriptReader(bytes: bytes, pieceSize: piece))
            #expect(records.count == 12, "piece size \(piece)")
            #expect(diagnostics.isEmpty)
        }
    }

    @Test func aSmallChunkSizeGrowsForLongLines() {
        let long = String(repeating: "word ", count: 5_000)
        let line = #"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"coach","text":""# + long + "\"}\n"
        let reader = TranscriptReader(source: MemorySource(Array((line + line).utf8), pieceSize: 100), name: "m",
                                      chunkSize: 64, maximumLineLength: 1 << 20)
        let (records, _, diagnostics) = readAll(reader)
        #expect(records.count == 2)
        #expect(diagnostics.isEmpty)
    }

    @Test func overLongLinesAreSkippedWithoutBufferingThem() {
        let good = #"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"coach","text":"hi"}"# + "\n"
        let huge = String(repeating: "x", count: 50_000) + "\n"
        let reader = TranscriptReader(source: MemorySource(Array((good + huge + good + huge).utf8), pieceSize: 1000), name: "m",
                                      chunkSize: 1024, maximumLineLength: 4096)
        let (records, lines, diagnostics) = readAll(reader)
        #expect(records.count == 2)
        #expect(lines == [1, 3])
        #expect(diagnostics.map(\.kind) == [.lineTooLong, .lineTooLong])
        #expect(diagnostics.map(\.line) == [2, 4])
    }

    @Test func invalidUTF8IsReportedAndTheNextLineIsRead() {
        let good = Array(#"{"v":1,"session":"s","seq":2,"ts":"2026-11-29T10:51:33Z","role":"coach","text":"ok"}"#.utf8) + [0x0A]
        var bytes = Array(#"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"coach","text":"a"#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("b\"}\n".utf8)
        let (records, _, diagnostics) = readAll(TranscriptReader(bytes: bytes + good))
        #expect(diagnostics.map(\.kind) == [.malformedLine])
        #expect(diagnostics.first?.column == 82)
        #expect(records.map(\.seq) == [2])
    }

    @Test func binaryGarbageNeverCrashes() {
        var generator = SeededGenerator(seed: 99)
        var bytes: [UInt8] = []
        for _ in 0..<200_000 { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
        let (records, _, diagnostics) = readAll(TranscriptReader(bytes: bytes, pieceSize: 333))
        #expect(records.isEmpty)
        #expect(!diagnostics.isEmpty)
    }

    @Test func missingFilesAndFoldersAreInputErrors() {
        #expect(throws: TranscriptInputError(path: "/no/such/file.jsonl", errno: ENOENT)) {
            _ = try TranscriptReader(path: "/no/such/file.jsonl")
        }
        #expect(throws: TranscriptInputError(path: Fixtures.folder, errno: EISDIR)) {
            _ = try TranscriptReader(path: Fixtures.folder)
        }
    }

    @Test func foldersExpandToSortedJSONLFilesBelowThem() throws {
        let inputs = try TranscriptInputs.expand([Fixtures.path("couple"), "-"])
        #expect(inputs == [
            .file(Fixtures.path("couple/2026-11-02T19-00-00Z-aaaaaa.jsonl")),
            .file(Fixtures.path("couple/2026-11-03T20-00-00Z-bbbbbb.jsonl")),
            .file(Fixtures.path("couple/more/2026-11-10T18-30-00Z-cccccc.jsonl")),
            .standardInput,
        ])
        #expect(throws: TranscriptInputError.self) { _ = try TranscriptInputs.expand([Fixtures.path("nope")]) }
    }
}
