import Testing
@testable import IntentEngine

/// Content with the language layer: a few WordNet forms, a small dictionary, chat spellings.
private func languageMatcher(_ yaml: String, irregular: [String: [String]] = ["felt": ["feel"], "went": ["go"], "children": ["child"]],
                             dictionary: [String] = []) -> (Matcher, [Diagnostic]) {
    var (content, diagnostics) = ContentLoader.load(files: [("test.yaml", yaml)])
    content.language.irregularForms = irregular
    if !dictionary.isEmpty {
        content.language.dictionary = try! WordDictionary(text: dictionary.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.joined(separator: "\n") + "\n")
    }
    let (matcher, compileDiagnostics) = IntentCompiler.compile(content)
    return (matcher, diagnostics + compileDiagnostics)
}

@Suite struct SnowballStemmerTests {
    let stemmer = SnowballStemmer()!

    @Test func regularInflectionsShareAStem() {
        #expect(stemmer.stem("cuts") == stemmer.stem("cut"))
        #expect(stemmer.stem("cutting") == stemmer.stem("cut"))
        #expect(stemmer.stem("mornings") == stemmer.stem("morning"))
        #expect(stemmer.stem("phones") == "phone")
    }

    @Test func irregularFormsAreLeftToWordNet() {
        #expect(stemmer.stem("felt") != stemmer.stem("feel"))
    }

    @Test func nonASCIIWordsStemWithoutCrashing() {
        #expect(!stemmer.stem("café").isEmpty)
        #expect(stemmer.stem("") == "")
    }
}

@Suite struct WordDictionaryTests {
    @Test func findsEveryWordAndNothingElse() throws {
        let words = ["a", "apple", "ready", "really", "zebra"]
        let dictionary = try WordDictionary(text: "# comment\n" + words.joined(separator: "\n") + "\n")
        #expect(dictionary.count == 5)
        for word in words { #expect(dictionary.contains(word)) }
        for word in ["realy", "", "b", "zebras", "aa"] { #expect(!dictionary.contains(word)) }
    }

    @Test func anUnsortedFileNamesTheLine() {
        #expect(throws: DictionaryError.self) { try WordDictionary(text: "# x\nbeta\nalpha\n") }
        do { _ = try WordDictionary(text: "# x\nbeta\nalpha\n") } catch { #expect(error.line == 3) }
    }
}

@Suite struct MorphologyTests {
    let yaml = """
    intents:
      cut_off:
        templates: ["cut me off"]
      feel:
        templates: ["i feel lonely"]
      mornings:
        templates: ["every morning"]
      go:
        templates: ["we go out"]
      ask:
        templates: ["you never ask"]
      asked:
        templates: ["you never asked"]
    """

    @Test func inflectedAndIrregularFormsMatch() {
        let (matcher, diagnostics) = languageMatcher(yaml)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(matcher.match("you cut me off").intent == "cut_off")
        #expect(matcher.match("you keep cutting me off").intent == "cut_off")
        #expect(matcher.match("you cut me off").best?.inflectedWords == 0)
        #expect(matcher.match("you keep cutting me off").best?.inflectedWords == 1)
        #expect(matcher.match("he cuts me off").intent == "cut_off")
        #expect(matcher.match("i felt lonely").intent == "feel")
        #expect(matcher.match("we went out").intent == "go")
        #expect(matcher.match("every mornings").intent == "mornings")
    }

    @Test func anExactFormOutranksAnotherForm() {
        let (matcher, _) = languageMatcher(yaml)
        let asked = matcher.match("you never asked")
        #expect(asked.intent == "asked")
        #expect(!asked.isAmbiguous)
        #expect(asked.best?.inflectedWords == 0)
        let ask = matcher.match("you never ask")
        #expect(ask.intent == "ask")
        #expect(!ask.isAmbiguous)
        // "asks" is written by neither: both match it as another form, and they tie.
        #expect(matcher.match("you never asks").isAmbiguous)
    }

    @Test func explainSaysHowEachWordMatched() {
        let (matcher, _) = languageMatcher(yaml)
        let result = matcher.match("i felt lonely")
        let kinds = matcher.wordMatches(of: result.best!, in: result).map(\.kind)
        #expect(kinds == [.exact, .inflected, .exact])
    }

    @Test func wordsKeptAsWrittenAreNotStemmed() {
        let yaml = """
        word_forms:
          as_written: [means]
        intents:
          mean:
            templates: ["that is mean"]
        """
        let (matcher, _) = languageMatcher(yaml, dictionary: ["is", "mean", "means", "that"])
        #expect(matcher.match("that is means").intent == "none")
        let (plain, _) = languageMatcher(yaml.replacingOccurrences(of: "as_written: [means]", with: "as_written: []"),
                                         dictionary: ["is", "mean", "means", "that"])
        #expect(plain.match("that is means").intent == "mean")
    }
}

@Suite struct TypoTierTests {
    let yaml = """
    intents:
      tired:
        templates: ["really tired", "ready to go"]
      give:
        templates: ["give me a break"]
    """
    let dictionary = ["a", "break", "give", "gives", "go", "me", "ready", "really", "relay", "tired", "to", "phone", "phones"]

    @Test func aRealWordIsNeverCorrected() {
        let (matcher, _) = languageMatcher(yaml, dictionary: dictionary)
        let result = matcher.match("she gives me a break")
        #expect(result.corrections.isEmpty)
        #expect(result.intent == "give")
    }

    @Test func theLikelySlipWins() {
        let (matcher, _) = languageMatcher(yaml, dictionary: dictionary)
        let result = matcher.match("realy tired")
        #expect(result.corrections.map(\.known) == ["really"])
    }

    /// A double letter typed on the wrong letter of a long word is mended (blind safety sets
    /// 7 and 8: "dissapointed"); a short word, or one two words could be, is left alone.
    @Test func aDoubleOnTheWrongLetterOfALongWordIsMended() {
        let (matcher, _) = languageMatcher("""
        intents:
          feeling:
            templates: ["i was disappointed", "see you tomorrow", "im bitter", "im better"]
        """, dictionary: ["i", "was", "disappointed", "see", "you", "tomorrow", "im", "bitter", "better"])
        #expect(matcher.match("i was dissapointed").corrections.map(\.known) == ["disappointed"])
        #expect(matcher.match("see you tommorow").corrections.map(\.known) == ["tomorrow"])
        #expect(matcher.match("im bbiter").corrections.isEmpty)
    }

    @Test func slipCostsFollowTheKeyboard() {
        #expect(SlipCost.of("realy", "really") == 0)
        #expect(SlipCost.of("teh", "the") == 1)
        #expect(SlipCost.of("realy", "ready") == 3)
        #expect(SlipCost.of("fesl", "feel") == 1)
    }
}

@Suite struct ChatSpellingTests {
    let yaml = """
    chat_spellings:
      u: you
      idk: i dont know
    intents:
      unsure:
        templates: ["i dont know"]
      blame:
        templates: ["you never listen"]
    """

    @Test func chatSpellingsReadAsTheirWords() {
        let (matcher, diagnostics) = languageMatcher(yaml)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(matcher.match("idk").intent == "unsure")
        let result = matcher.match("u never listen")
        #expect(result.intent == "blame")
        #expect(result.best?.span == 0..<14)
    }

    @Test func badChatSpellingsAreNamedWithTheirPlace() {
        let (_, diagnostics) = languageMatcher("""
        chat_spellings:
          two words: you
          u: [you]
          me: me
        intents:
          x:
            templates: ["u there"]
        """)
        let messages = diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("2:3 ") && $0.contains("must be one word") })
        #expect(messages.contains { $0.hasPrefix("3:6 ") && $0.contains("must stand for words") })
        #expect(messages.contains { $0.hasPrefix("4:7 ") && $0.contains("stands for itself") })
        #expect(!messages.contains { $0.contains("template word 'u'") })
    }

    @Test func aTemplateWordThatIsAChatSpellingIsAnError() {
        let (_, diagnostics) = languageMatcher("""
        chat_spellings:
          u: you
        intents:
          x:
            templates: ["are u there"]
        """)
        #expect(diagnostics.contains { $0.location.line == 5 && $0.location.column == 22 && $0.message.contains("chat spelling") })
    }
}

@Suite struct ConceptTests {
    let yaml = """
    concepts:
      fight: [fight, argument, row, falling out]
    intents:
      had_fight:
        templates: ["we had (a|an) {~fight}"]
      topic:
        templates: ["about the {~fight:what}"]
      mention:
        keywords: {~fight: 2}
    """

    @Test func aConceptTakesEveryMemberInEveryForm() {
        let (matcher, diagnostics) = languageMatcher(yaml)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        for line in ["we had a fight", "we had a row", "we had an argument", "we had a falling out", "we had a arguments"] {
            #expect(matcher.match(line).intent == "had_fight", "\(line)")
        }
        let result = matcher.match("we had a row")
        #expect(matcher.wordMatches(of: result.best!, in: result).map(\.kind) == [.exact, .exact, .exact, .concept])
    }

    @Test func aConceptCanFillASlotWithItsName() {
        let (matcher, _) = languageMatcher(yaml)
        #expect(matcher.match("about the argument").slots == ["what": "fight"])
    }

    @Test func conceptKeywordsCountEachMember() {
        let (matcher, _) = languageMatcher(yaml)
        #expect(matcher.match("there was another quarrel no argument").intent == "mention")
    }

    @Test func badConceptsAreNamedWithTheirPlace() {
        let (_, diagnostics) = languageMatcher("""
        concepts:
          lonely: [alone]
          fight: [fight, row, row]
          bad-name: [a, b]
        intents:
          x:
            templates: ["we had a {~fihgt}"]
            keywords: {~nothing: 1}
        """)
        let messages = diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(messages.contains("2:3 concept 'lonely' needs at least two words"))
        #expect(messages.contains("3:23 'row' is in concept 'fight' twice"))
        #expect(messages.contains { $0.hasPrefix("4:3 ") && $0.contains("bad-name") })
        #expect(messages.contains("7:27 unknown concept 'fihgt'"))
        #expect(diagnostics.contains { $0.message == "unknown concept 'fihgt'" && $0.hint == "did you mean 'fight'?" })
        #expect(messages.contains("8:16 unknown concept 'nothing'"))
    }
}
