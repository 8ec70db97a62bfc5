import Foundation
import TranscriptFormat

/// Small wording helpers shared by the text and Markdown reports, so both say numbers alike.
enum ReviewFormatting {
    /// "1 h 05 min", "23 min", "40 s".
    static func duration(milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        if seconds < 60 { return "\(seconds) s" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes) min" }
        return "\(minutes / 60) h \(CivilDay.pad(Int(minutes % 60), 2)) min"
    }

    /// A share as a whole percentage with a percent sign, zero when the whole is zero.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        return "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
    }

    static func share(_ part: Int, of whole: Int) -> Double {
        whole > 0 ? Double(part) / Double(whole) : 0
    }

    /// "2026-11-29 10:51 UTC".
    static func moment(_ ts: TranscriptTimestamp) -> String {
        "\(ts.day()) \(ts.timeOfDay) UTC"
    }

    /// "1 session" / "3 sessions".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// One decimal: "12.5".
    static func oneDecimal(_ value: Double) -> String {
        let text = JSONOutput.decimal(value, places: 1)
        return text.contains(".") ? text : text + ".0"
    }

    /// Text from a transcript, safe for the terminal.
    static func shown(_ text: String) -> String {
        TerminalText.sanitize(text)
    }

    /// An artifact's kind as words: `date_plan` → "date plan".
    static func kind(_ kind: String) -> String {
        shown(kind).split(separator: "_").map { $0 == "i" ? "I" : String($0) }.joined(separator: " ")
    }

    /// An artifact's value on one line: "when: friday after 7; plan: thai", a list's items
    /// joined by " / ".
    static func artifactValue(_ artifact: Artifact) -> String {
        artifact.value.map { field in
            kind(field.name) + ": " + shown(field.text.split(separator: "\n").joined(separator: " / "))
        }.joined(separator: "; ")
    }

    /// Who made it: "Alex and Sam".
    static func makers(_ artifact: Artifact) -> String {
        artifact.by.map(shown).joined(separator: " and ")
    }

    /// Pads to `width` columns (counting characters; names are short).
    static func padRight(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : String(repeating: " ", count: width - count) + text
    }
}
