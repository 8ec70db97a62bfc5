import Foundation
import TranscriptFormat
import TranscriptStore

/// Paths of the hand-made fixtures in `Tests/Fixtures/transcripts`, shared by every transcript
/// test target so each one reads the same files.
public enum Fixtures {
    public static let folder: String = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/Fixtures/transcripts").path
    }()

    public static func path(_ name: String) -> String { folder + "/" + name }
}

/// A fresh folder under the system's temporary folder, removed when the value is dropped, so a
/// test never leaves transcripts behind.
public final class TemporaryFolder {
    public let path: String

    public init() {
        var template = Array((NSTemporaryDirectory() + "attune-transcripts-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = made.map { String(cString: $0) } ?? NSTemporaryDirectory() + "attune-transcripts-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func sub(_ name: String) -> String { path + "/" + name }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Reads everything from a reader into records and diagnostics, so a test can compare whole
/// results rather than step an iterator.
public func readAll(_ reader: TranscriptReader) -> (records: [TranscriptRecord], lines: [Int], diagnostics: [TranscriptDiagnostic]) {
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

/// A timestamp from RFC 3339 text a test knows to be valid.
public func ts(_ text: String) -> TranscriptTimestamp { TranscriptTimestamp(rfc3339: text)! }

/// A day from `YYYY-MM-DD` text a test knows to be valid.
public func day(_ text: String) -> CivilDay { CivilDay(parsing: text)! }

/// The permission bits of a path (-1 when it cannot be read), for the 0600/0700 checks.
public func mode(_ path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { return -1 }
    return Int(info.st_mode & 0o7777)
}
