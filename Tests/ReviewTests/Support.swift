import Review
import TranscriptFormat
import TranscriptStore
import TranscriptTestSupport

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
