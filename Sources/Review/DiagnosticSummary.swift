import TranscriptStore
import TranscriptFormat

/// How many problems of each kind reading turned up, so the CLI can choose its exit code after
/// printing every diagnostic as it came.
public struct DiagnosticSummary: Sendable, Equatable {
    /// Lines skipped as malformed or too long (exit code unchanged: the rest is still reported).
    public var malformedLines = 0
    /// Torn last lines (warnings).
    public var tornLastLines = 0
    /// Lines with an unknown `v` (exit 65).
    public var unsupportedVersions = 0
    /// Inputs whose reading failed part-way (exit 74).
    public var readFailures = 0
    /// Inputs refused as binary data, or abandoned after too many errors (exit 65).
    public var notTranscripts = 0

    /// Nothing yet.
    public init() {}

    /// Counts one diagnostic.
    public mutating func count(_ diagnostic: TranscriptDiagnostic) {
        switch diagnostic.kind {
        case .malformedLine, .lineTooLong: malformedLines += 1
        case .tornLastLine: tornLastLines += 1
        case .unsupportedVersion: unsupportedVersions += 1
        case .readFailed: readFailures += 1
        case .notATranscript, .tooManyErrors: notTranscripts += 1
        }
    }
}

extension ReviewAccumulator {
    /// Reads every record of `reader` into the accumulator, handing each diagnostic to
    /// `report` as it is found (so problems print in file order, before the report).
    public mutating func read(_ reader: inout TranscriptReader, summary: inout DiagnosticSummary,
                              report: (TranscriptDiagnostic) -> Void) {
        let source = reader.name
        while let item = reader.next() {
            switch item {
            case .record(let record, _):
                add(record, source: source)
            case .diagnostic(let diagnostic):
                summary.count(diagnostic)
                report(diagnostic)
            }
        }
    }
}
