import Testing
import TranscriptFormat

@Suite("Cleaning text for the terminal")
struct TerminalTextTests {
    @Test(arguments: [
        ("\u{202E}maS", "maS"),            // right-to-left override: "Sam" shown reversed
        ("A\u{2066}le\u{2069}x", "Alex"),  // isolates
        ("A\u{2067}l\u{2068}ex", "Alex"),
        ("Al\u{200B}ex", "Alex"),          // zero-width space
        ("Al\u{200D}ex", "Alex"),          // zero-width joiner
        ("\u{FEFF}Alex", "Alex"),          // byte-order mark / zero-width no-break space
        ("Al\u{200E}ex\u{061C}", "Alex"),  // marks
    ])
    func bidiAndZeroWidthControlsAreRemoved(raw: String, shown: String) {
        #expect(TerminalText.sanitize(raw) == shown)
    }

    @Test func ordinaryTextIsKeptWhole() {
        let text = "It’s fine — café, naïve, 日本語, 👍"
        #expect(TerminalText.sanitize(text) == text)
    }
}
