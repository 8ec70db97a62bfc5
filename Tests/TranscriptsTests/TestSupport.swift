import Foundation
@testable import Transcripts

/// Paths of the hand-made fixtures in `Tests/Fixtures/transcripts`.
enum Fixtures {
    static let folder: String = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/transcripts").path
    }()

    static func path(_ name: String) -> String { folder + "/" + name }
}

/// A fresh folder under the system's temporary folder, removed when the value is dropped.
final class TemporaryFolder {
    let path: String

    init() {
        var template = Array((NSTemporaryDirectory() + "attune-transcripts-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = made.map { String(cString: $0) } ?? NSTemporaryDirectory() + "attune-transcripts-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func sub(_ name: String) -> String { path + "/" + name }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Reads everything from a reader into records and diagnostics.
func readAll(_ reader: TranscriptReader) -> (records: [TranscriptRecord], lines: [Int], diagnostics: [TranscriptDiagnostic]) {
    var reader = reader
    var records: [TranscriptRecord] = []
    var lines: [Int] = []
    var diagnostics: [TranscriptDiagnostic] = []
    while let item = reader.next() {
        switch item {
        case .record(let record, let line): records.append(record); lines.append(line)
        case .diagnostic(let diagnostic): diagnostics.append(diagnostic)
        }
    }
    return (records, lines, diagnostics)
}

func ts(_ text: String) -> TranscriptTimestamp { TranscriptTimestamp(rfc3339: text)! }

func day(_ text: String) -> CivilDay { CivilDay(parsing: text)! }

/// The permission bits of a path.
func mode(_ path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { return -1 }
    return Int(info.st_mode & 0o7777)
}

/// Reviews paths (files or folders) with default options unless given.
func reviewOf(_ paths: [String], today: String = "2026-11-11", since: String? = nil, redact: Bool = false) throws -> (Review, DiagnosticSummary) {
    var accumulator = ReviewAccumulator()
    var summary = DiagnosticSummary()
    for input in try TranscriptInputs.expand(paths) {
        var reader = try input.open()
        accumulator.read(&reader, summary: &summary) { _ in }
    }
    let options = Review.Options(since: since.map(day), redact: redact, today: day(today))
    return (Review(accumulator, options: options), summary)
}
