import Review
import TranscriptFormat
import TranscriptStore

/// Any bytes as a transcript: the streaming reader and decoder, then review in every format.
/// Bad lines become diagnostics; review must render whatever was read.
enum TranscriptHarness {
    static func run(_ input: FuzzInput) {
        var reader = TranscriptReader(bytes: Array(input.bytes), name: "fuzz.jsonl", pieceSize: 977)
        var accumulator = ReviewAccumulator()
        var summary = DiagnosticSummary()
        accumulator.read(&reader, summary: &summary) { diagnostic in
            precondition(diagnostic.line >= 1, "a diagnostic before the first line")
        }
        let today = CivilDay(parsing: "2026-11-11")!
        for redact in [false, true] {
            let review = Review(accumulator, options: Review.Options(redact: redact, today: today))
            var size = 0
            ReviewTextRenderer(colour: true).render(review) { size += $0.utf8.count }
            ReviewMarkdownRenderer().render(review) { size += $0.utf8.count }
            ReviewJSONRenderer().render(review, since: nil) { size += $0.utf8.count }
            precondition(size > 0, "review rendered nothing")
        }
    }
}
