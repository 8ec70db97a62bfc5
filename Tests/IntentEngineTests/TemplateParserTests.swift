import Testing
@testable import IntentEngine

@Suite struct TemplateParserTests {
    @Test func parsesAlternativesOptionalsListsRulesAndWildcards() throws {
        let node = try TemplateParser.parse("(hi|hello there) [friend] {feeling:mood} <greeting> *").get()
        #expect(node == .sequence([
            .alternatives([.word("hi"), .sequence([.word("hello"), .word("there")])]),
            .optional(.word("friend")),
            .list(name: "feeling", slot: "mood", offset: 26),
            .rule(name: "greeting", offset: 41),
            .wildcard,
        ]))
    }

    @Test func parsesAnyOrderGroups() throws {
        let node = try TemplateParser.parse("(tonight;please)").get()
        #expect(node == .permutation([.word("tonight"), .word("please")]))
    }

    @Test func normalisesWordsInsideTemplates() throws {
        let node = try TemplateParser.parse("I DON'T self-harm").get()
        #expect(node == .sequence([.word("i"), .word("dont"), .word("self"), .word("harm")]))
    }

    @Test(arguments: [
        ("i (feel|am sad", 2, "unclosed '('"),
        ("i [really feel", 2, "unclosed '['"),
        ("(a;;b)", 3, "empty any-order part"),
        ("(;a)", 1, "empty any-order part"),
        ("(a;)", 3, "empty any-order part"),
        ("i feel)", 6, "unexpected ')' with nothing open"),
        ("()", 0, "empty group '()'"),
        ("(a|b;c)", 4, "'|' and ';' mixed in one group"),
        ("{feeling", 0, "unclosed '{'"),
        ("a; b", 1, "';' outside parentheses"),
        ("", 0, "empty template"),
    ])
    func reportsSyntaxErrorsWithTheirOffset(template: String, offset: Int, message: String) {
        guard case .failure(let error) = TemplateParser.parse(template) else {
            Issue.record("\(template) parsed")
            return
        }
        #expect(error.offset == offset)
        #expect(error.message == message)
    }
}

@Suite struct TextNormalizerTests {
    @Test func removesApostrophesAndSplitsOnPunctuation() {
        #expect(TextNormalizer.words("I don’t know—it's SELF-harm, ok?") == ["i", "dont", "know", "its", "self", "harm", "ok"])
        #expect(TextNormalizer.words("dont") == TextNormalizer.words("don't"))
        #expect(TextNormalizer.words("im") == TextNormalizer.words("I'm"))
    }

    @Test func keepsCharacterOffsets() {
        let tokens = TextNormalizer.tokenize("Hi, Zoë!")
        #expect(tokens.map(\.word) == ["hi", "zoë"])
        #expect(tokens[1].start == 4 && tokens[1].end == 7)
    }

    @Test func emptyAndSymbolOnlyTextHasNoWords() {
        #expect(TextNormalizer.words("").isEmpty)
        #expect(TextNormalizer.words("?!… --").isEmpty)
    }
}
