/// A way to draw a review for people (text for a terminal, Markdown for notes).
///
/// A renderer writes in pieces, the summary and then one piece per session, so a report over
/// thousands of sessions is never held in memory whole; tests and small callers take the
/// whole string.
public protocol ReviewRenderer {
    /// Writes the report in pieces, each passed to `write`.
    func render(_ review: Review, to write: (String) -> Void)
}

extension ReviewRenderer {
    /// The whole report, ending with a newline.
    public func render(_ review: Review) -> String {
        var out = ""
        render(review) { out += $0 }
        return out
    }
}
