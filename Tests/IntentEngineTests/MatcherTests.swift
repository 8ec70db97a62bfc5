import Testing
@testable import IntentEngine

@Suite struct MatcherTests {
    let sample = matcher(sampleContent)

    @Test func contentCompilesCleanly() {
        #expect(diagnostics(sampleContent).isEmpty)
    }

    @Test func listSlotsMapSpokenWordsToValues() {
        let result = sample.match("honestly I'm just feeling so down today")
        #expect(result.intent == "express_feeling")
        #expect(result.slots == ["feeling": "sad"])
        let slot = result.best!.slots[0]
        #expect(slot.text == "down")
        #expect(slot.start == 29 && slot.end == 33)
    }

    @Test func multiWordListValues() {
        #expect(sample.match("I feel left out").slots == ["feeling": "excluded"])
    }

    @Test func wildcardListCapturesTheSpokenText() {
        let result = sample.match("hey, we are Alex Smith and Sam")
        #expect(result.intent == "give_names")
        #expect(result.slots == ["first": "Alex Smith", "second": "Sam"])
    }

    @Test func skipWordsMayAppearBetweenTemplateWords() {
        #expect(sample.match("i um really just feel lonely").intent == "express_feeling")
    }

    @Test func aTemplateMayStartWithASkipWord() {
        let withSkip = matcher("skip_words: [uh]\nintents:\n  affirm: {templates: [\"uh huh\"]}\n")
        #expect(withSkip.match("uh huh").intent == "affirm")
        #expect(withSkip.match("uh, uh huh").intent == "affirm")
    }

    @Test func anyOrderGroupsMatchEitherOrder() {
        #expect(sample.match("mirroring please start").slots == ["exercise": "mirroring"])
        #expect(sample.match("start mirroring").intent == "start_exercise")
    }

    @Test func theMoreSpecificTemplateWins() {
        // "hello there" matches greet; the feeling template matches more literal words.
        let result = sample.match("hello there, I'm feeling lonely")
        #expect(result.intent == "express_feeling")
        #expect(result.candidates.map(\.intent).contains("greet"))
        #expect(sample.match("no, not really").intent == "deny")
    }

    @Test func crisisOutranksEverything() {
        let result = sample.match("hi, I'm so exhausted, I don't want to live anymore")
        #expect(result.intent == "crisis_self_harm")
        #expect(result.safety == "self_harm")
    }

    @Test func crisisKeywordsAreLookedAtEvenWhenATemplateMatched() {
        #expect(sample.match("hello, I keep thinking about suicide").intent == "crisis_self_harm")
    }

    @Test func typosAreCorrectedAndFlaggedFuzzy() {
        let result = sample.match("i feel so lonley")
        #expect(result.intent == "express_feeling")
        #expect(result.isFuzzy)
        #expect(result.slots == ["feeling": "lonely"])
        #expect(result.corrections.first?.typed == "lonley")
        #expect(result.confidence < sample.match("i feel so lonely").confidence)
    }

    @Test func intentsSharingAStateRuleAreDecidedAlike() {
        let states = matcher("""
            intents:
              listen: {templates: ["you should rest"], requires_state: [talk.reply], priority: 2}
              advise: {templates: ["you should *"], requires_state: [talk.reply]}
              chat: {templates: ["you should (rest|go)"], excludes_state: [talk.reply], priority: 1}
              other: {templates: ["you should go"], requires_state: [walk.reply], priority: 3}
            """)
        let inTalk = MatchContext(parsing: "talk.reply")
        #expect(states.match("you should rest", context: inTalk).intent == "listen")
        #expect(states.match("you should eat", context: inTalk).intent == "advise")
        #expect(states.match("you should go", context: inTalk).intent == "advise")
        #expect(states.match("you should rest").intent == "chat")
        #expect(states.match("you should eat").intent == "none")
        #expect(states.match("you should go", context: MatchContext(parsing: "walk.reply")).intent == "other")
    }

    @Test func concurrentMatchesEachGetTheirOwnWorkingMemory() async {
        // The runner pool lends working memory to one match at a time; matches on many
        // threads at once must read exactly as they do one by one.
        let lines = ["i feel so lonely when you work late", "it makes me feel exhausted", "hi there",
                     "i feel so lonley lately", "we are Jo and Max", "no", "i dont want to live anymore"]
        let expected = lines.map { sample.match($0) }
        let matcher = sample
        let results = await withTaskGroup(of: (Int, String, Double, [String: String]).self) { group in
            for round in 0..<200 {
                let index = round % lines.count
                group.addTask {
                    let result = matcher.match(lines[index])
                    return (index, result.intent, result.confidence, result.slots)
                }
            }
            var all: [(Int, String, Double, [String: String])] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 200)
        for (index, intent, confidence, slots) in results {
            #expect(intent == expected[index].intent && confidence == expected[index].confidence && slots == expected[index].slots)
        }
    }

    @Test func coverageKeepsShortAnswersOutOfLongerLines() {
        let yaml = """
            intents:
              done: {templates: ["(i|we) finished"], coverage: 0.5}
              news: {templates: ["(i|we) finished *"], priority: -1}
            """
        let strict = matcher(yaml)
        #expect(strict.match("we finished").intent == "done")
        #expect(strict.match("we finished the kitchen tiles this weekend").intent == "news")
        let loose = matcher(yaml.replacingOccurrences(of: ", coverage: 0.5", with: ""))
        #expect(loose.match("we finished the kitchen tiles this weekend").intent == "done")
    }

    @Test func coverageCountsTheClausesTheMatchTouches() {
        let yaml = """
            intents:
              done: {templates: ["thats my bit"], coverage: 0.5}
              news: {templates: ["we finished *"], priority: -1}
            """
        let strict = matcher(yaml)
        // Said in a clause of its own, a short answer counts; inside one long clause it does not.
        #expect(strict.match("ok thats my bit, leo can go now and i will put the kettle on").intent == "done")
        #expect(strict.match("ok thats my bit and leo can go now and i will put the kettle on").intent == "none")
        // Words a chat spelling expands into share one place: no clause break between them.
        let spelled = matcher("chat_spellings: {idk: i dont know}\n" + yaml)
        #expect(spelled.match("idk, thats my bit").intent == "done")
        #expect(spelled.match("idk thats my bit or what comes after it").intent == "none")
    }

    @Test func oneSlipAgreesWithTheDistanceTable() {
        let words = ["lonely", "lonley", "lonly", "llonely", "tlak", "talk", "tal", "stalk", "feel", "feet", "fele",
                     "café", "cafe", "cafés", "ab", "ba", "abc", "acb", "bac", "", "a", "abcd", "abdc", "badc"]
        for a in words {
            for b in words {
                #expect(EditDistance.isOneSlip(a, b) == (EditDistance.damerau(a, b, limit: 1) == 1), "\(a) / \(b)")
            }
        }
    }

    @Test func shortWordsAreNeverTypoCorrected() {
        #expect(sample.match("yse").intent == "none")
    }

    @Test func keywordTierAnswersWhenNoTemplateMatches() {
        let result = sample.match("lonely again tonight")
        #expect(result.intent == "express_feeling")
        #expect(result.best?.tier == .keyword)
        #expect(result.confidence < 0.5)
    }

    @Test func belowTheThresholdTheIntentIsNone() {
        #expect(sample.match("what's the weather tomorrow").intent == "none")
        #expect(sample.match("feel").intent == "none")  // one weight-1 keyword is not enough
        #expect(sample.match("").intent == "none")
    }

    @Test func confidenceGrowsWithCoverage() {
        let full = sample.match("no not really")
        let partial = sample.match("no not really, I guess that could be how it went")
        #expect(full.confidence == 1)
        #expect(partial.intent == "deny")
        #expect(partial.confidence > 0.5 && partial.confidence < full.confidence)
    }

    @Test func aSingleWordCountsOnlyWhenItIsHalfTheLine() {
        #expect(sample.match("yes").intent == "affirm")
        #expect(sample.match("yes please").intent == "affirm")
        #expect(sample.match("my back is sore so no tight hugs today").intent == "none")
    }

    @Test func requiredAndExcludedStates() {
        #expect(sample.match("you feel lonely").intent != "mirror")
        #expect(sample.match("you feel lonely", context: MatchContext(flow: "mirroring", state: "mirror")).intent == "mirror")
        #expect(sample.match("thanks").intent == "thanks")
        #expect(sample.match("thanks", context: MatchContext(flow: "mirroring", state: "send")).intent == "none")
    }

    @Test func equalCandidatesOfDifferentIntentsAreAmbiguous() {
        let tied = matcher("""
        intents:
          a: {templates: ["open up"]}
          b: {templates: ["open up"]}
        """)
        let result = tied.match("open up")
        #expect(result.isAmbiguous)
        #expect(Set(result.candidates.prefix(2).map(\.intent)) == ["a", "b"])
    }

    @Test func priorityBreaksTies() {
        let prioritised = matcher("""
        intents:
          a: {templates: ["open up"]}
          b: {templates: ["open up"], priority: 2}
        """)
        let result = prioritised.match("open up")
        #expect(result.intent == "b")
        #expect(!result.isAmbiguous)
    }

    @Test func resultsNeverDependOnFileOrder() {
        let first = "intents:\n  a: {templates: [\"i feel (sad|low)\"]}\n"
        let second = "intents:\n  b: {templates: [\"i feel *\"]}\n"
        let forward = compile([("1.yaml", first), ("2.yaml", second)]).0
        let backward = compile([("1.yaml", second), ("2.yaml", first)]).0
        for text in ["i feel sad", "i feel odd", "i feel low today"] {
            #expect(forward.match(text).intent == backward.match(text).intent)
            #expect(forward.match(text).confidence == backward.match(text).confidence)
        }
        #expect(forward.match("i feel sad").intent == "a")  // literal beats wildcard
    }

    @Test func manyOptionalsAndAlternativesStayLinear() {
        // 20 optional alternatives: 3^20 sentences. A backtracking matcher would never finish
        // on a near-miss input; the word automaton visits each instruction once per word.
        let parts = (0..<20).map { "[(w\($0)|x\($0)|y\($0) z\($0))]" }.joined(separator: " ")
        let big = matcher("intents:\n  big: {templates: [\"start \(parts) end\"]}\n")
        let words = (0..<20).map { "y\($0) z\($0)" }.joined(separator: " ")
        #expect(big.match("start \(words) end").intent == "big")
        let nearMiss = "start " + String(repeating: "w1 x2 y3 ", count: 300) + "nope"
        #expect(big.match(nearMiss).intent == "none")
    }

    @Test func explainsWhichTemplateWon() {
        let result = sample.match("it makes me feel exhausted")
        #expect(result.best?.template?.text == "it makes me feel {feeling}")
        #expect(result.best?.template?.location.line == 25)
    }
}
