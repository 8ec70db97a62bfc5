import Testing
import Terminal

/// Tab completion and word wrapping, the pure parts of the terminal.
@Suite struct TerminalLineTests {
    let rules = LineCompletion(commands: ["/start", "/stop", "/skip", "/switch", "/help"],
                               exercises: ["stages", "stress-talk", "mirroring", "i-feel"], partners: ["Sam", "Alex"])

    @Test func afterStartOnlyExerciseNamesAreOffered() {
        #expect(rules.candidates(before: "/start ", word: "s") == ["stages", "stress-talk"])
        #expect(rules.candidates(before: "/START  ", word: "") == ["stages", "stress-talk", "mirroring", "i-feel"])
        #expect(rules.candidates(before: "/start ", word: "sa").isEmpty, "a partner's name is not an exercise")
    }

    @Test func atTheStartOfALineANameGetsAColonAndACommandNone() {
        #expect(rules.candidates(before: "", word: "Sa") == ["Sam: "])
        #expect(rules.candidates(before: "", word: "al") == ["Alex: "])
        #expect(rules.candidates(before: "  ", word: "/s") == ["/start", "/stop", "/skip", "/switch"])
        #expect(!LineCompletion.needsSpace(after: "Sam: "))
        #expect(LineCompletion.needsSpace(after: "/start"))
    }

    @Test func midLineNamesAndExercisesAreOfferedWithoutAColon() {
        #expect(rules.candidates(before: "can we try ", word: "mir") == ["mirroring"])
        #expect(rules.candidates(before: "I love you ", word: "sa") == ["Sam"])
        #expect(rules.candidates(before: "Sam: ", word: "/he") == ["/help"])
    }

    @Test func wrappingBreaksAtSpacesNeverInsideAWord() {
        let text = "Let's pause. About twenty minutes doing something calming helps a racing body settle."
        let wrapped = WordWrap.wrap(text, width: 20)
        #expect(wrapped == "Let's pause. About\ntwenty minutes doing\nsomething calming\nhelps a racing body\nsettle.")
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == text, "nothing lost")
        for line in wrapped.split(separator: "\n") { #expect(line.count <= 20) }
    }

    @Test func wrappingKeepsLinesAndIndentsAndLongWords() {
        #expect(WordWrap.wrap("Here:\n  check-in — a high, a low and one thing", width: 20)
            == "Here:\n  check-in — a high,\n  a low and one\n  thing")
        #expect(WordWrap.wrap("see https://example.org/a/very/long/path ok", width: 12) == "see\nhttps://example.org/a/very/long/path\nok")
        #expect(WordWrap.wrap("short", width: 0) == "short")
    }
}
