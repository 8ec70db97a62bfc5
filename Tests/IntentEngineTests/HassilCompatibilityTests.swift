import Foundation
import Testing
@testable import IntentEngine

/// hassil's template syntax as its documentation and the Home Assistant intents repository
/// write it, one construct a test, and where Attune's stretch matching reads it the same way.
@Suite struct HassilCompatibilityTests {
    private func parsed(_ template: String) throws -> TemplateNode {
        try TemplateParser.parse(template).get()
    }

    @Test func alternativesMaySitBetweenSpaces() throws {
        #expect(try parsed("(red | green | blue)") == .alternatives([.word("red"), .word("green"), .word("blue")]))
        let colours = matcher("intents:\n  set_colour: {templates: [\"set the light to (red | green | blue)\"]}\n")
        #expect(colours.match("set the light to green").intent == "set_colour")
    }

    @Test func anEmptyAlternativeMeansOrNothing() throws {
        #expect(try parsed("(a|) b") == .sequence([.optional(.word("a")), .word("b")]))
        #expect(try parsed("( |-) b") == .word("b"))
        let lamps = matcher("intents:\n  lamp_on: {templates: [\"turn on the (reading|) lamp\"]}\n")
        #expect(lamps.match("turn on the lamp").intent == "lamp_on")
        #expect(lamps.match("turn on the reading lamp").intent == "lamp_on")
    }

    @Test func anEmptyAlternativeGluedBetweenWordsJoinsThem() throws {
        // hassil's `( |-)` between two halves of a word: "wi fi" or "wi-fi", one spelling here.
        #expect(try parsed("wi( |-)fi") == .sequence([.word("wi"), .word("fi")]))
        let wifi = matcher("intents:\n  wifi_on: {templates: [\"turn on the wi( |-)fi\"]}\n")
        #expect(wifi.match("turn on the wi-fi").intent == "wifi_on")
        #expect(wifi.match("turn on the wi fi").intent == "wifi_on")
    }

    @Test func optionalWordsAndOptionalAlternatives() throws {
        #expect(try parsed("[the]") == .optional(.word("the")))
        #expect(try parsed("[this | that]") == .optional(.alternatives([.word("this"), .word("that")])))
    }

    @Test func anOptionalPartGluedToAWordIsPartOfThatWord() throws {
        #expect(try parsed("fan[s]") == .alternatives([.word("fans"), .word("fan")]))
        #expect(try parsed("in 2 hour[s]") == .sequence([.word("in"), .word("2"), .alternatives([.word("hours"), .word("hour")])]))
        // `[the ]` keeps its space: "the brightness" or "brightness", never "thebrightness".
        #expect(try parsed("[the ]brightness") == .alternatives([.sequence([.word("the"), .word("brightness")]), .word("brightness")]))
    }

    @Test func alternativesGluedToAWordArePartOfThatWord() throws {
        #expect(try parsed("(light|lamp)s") == .alternatives([.word("lights"), .word("lamps")]))
        #expect(try parsed("turn(s|ed|ing)") == .alternatives([.word("turns"), .word("turned"), .word("turning")]))
        // Read as "lamp" then a word "s", this could never match "lamps".
        let lights = matcher("intents:\n  lights_on: {templates: [\"turn on the (light|lamp)s\"]}\n")
        let result = lights.match("turn on the lamps")
        #expect(result.intent == "lights_on")
        #expect(result.confidence == 1)
    }

    @Test func emptyOptionalPartsParse() throws {
        #expect(try parsed("[%| percent]") == .optional(.word("percent")))
        #expect(try parsed("[([ ]%)| percent]") == .optional(.word("percent")))
        let brightness = matcher("""
            lists:
              brightness: {values: ["10", "50", "100"]}
            intents:
              set_brightness:
                templates:
                  - "set [the ]brightness to {brightness}[%| percent]"
                  - "{brightness}[([ ]%)| percent] brightness"
            """)
        for line in ["set the brightness to 50%", "set brightness to 50 percent", "set brightness to 50", "100 % brightness"] {
            let result = brightness.match(line)
            #expect(result.intent == "set_brightness", "\(line)")
            #expect(result.confidence == 1, "\(line)")
        }
    }

    @Test func partsInAnyOrder() {
        let order = matcher("intents:\n  lights_on: {templates: [\"(turn on;the lights)\"]}\n")
        #expect(order.match("the lights turn on").intent == "lights_on")
        #expect(order.match("turn on the lights").intent == "lights_on")
    }

    @Test func slotListsMapSpokenTextToValues() {
        let rooms = matcher("""
            lists:
              area:
                values:
                  - in: (living room|lounge)
                    out: living_room
                  - kitchen
            intents:
              lights_on: {templates: ["turn on the lights in the {area}", "light up the {area:room}"]}
            """)
        #expect(rooms.match("turn on the lights in the lounge").slots == ["area": "living_room"])
        #expect(rooms.match("light up the kitchen").slots == ["room": "kitchen"])
    }

    @Test func expansionRulesExpandInPlace() {
        let rules = matcher("""
            rules:
              turn: "(turn | switch)"
            intents:
              lights_off: {templates: ["<turn> off the lights"]}
            """)
        #expect(rules.match("switch off the lights").intent == "lights_off")
    }

    @Test func aTrailingWildcardListTakesTheRestOfTheLine() {
        let broadcast = matcher("""
            lists:
              message: {wildcard: true}
            intents:
              broadcast: {templates: ["broadcast {message}"]}
            """)
        let result = broadcast.match("broadcast dinner is ready in five minutes")
        #expect(result.slots == ["message": "dinner is ready in five minutes"])
        #expect(result.best?.wildcardWords == 6)
    }

    @Test func aTrailingStarTakesTheRestOfTheLine() {
        let note = matcher("intents:\n  note: {templates: [\"remember that *\"]}\n")
        let result = note.match("remember that the plumber comes on tuesday")
        #expect(result.best?.span == 0..<42)
    }

    @Test func skipWordsAreSkipped() {
        let lights = matcher("skip_words: [please]\nintents:\n  lights_on: {templates: [\"turn on the lights\"]}\n")
        let result = lights.match("please turn on the lights please")
        #expect(result.intent == "lights_on")
        #expect(result.confidence == 1)
    }

    @Test func aSkipWordOfSeveralWordsIsSkippedAsAPhrase() {
        let lights = matcher("skip_words: [\"please could you\"]\nintents:\n  lights_on: {templates: [\"turn on the lights\"]}\n")
        // The whole phrase is skipped: the template explains every other word.
        #expect(lights.match("please could you turn on the lights").confidence == 1)
        // Its words alone are no skip words: "could you" is a part of the line left unexplained.
        #expect(lights.match("could you turn on the lights").confidence < 1)
        #expect(lights.match("please turn on the lights").confidence < 1)
    }

    @Test func aWholeLineMatchOutranksAStretchWithMoreLiteralWords() {
        // hassil's delayed command: the timer template explains the whole line, the plain one
        // only "turn off the lights" (four literal words against the timer's three).
        let timers = matcher("""
            lists:
              command: {wildcard: true}
              minutes: {values: ["1", "5", "10", "five", "ten"]}
            intents:
              lights_off: {templates: ["turn off [the] lights"]}
              delayed_command: {templates: ["{command} in {minutes} minute[s]"]}
            """)
        let result = timers.match("turn off the lights in 5 minutes")
        #expect(result.intent == "delayed_command")
        #expect(result.slots == ["command": "turn off the lights", "minutes": "5"])
        #expect(timers.match("turn off the lights").intent == "lights_off")
    }

    @Test func aTrailingWildcardReachingTheEndIsNoWholeLineMatch() {
        // A trailing wildcard takes the rest of any line, so it explains the end by taking it:
        // the template that reads more of the line still wins.
        let greetings = matcher("""
            lists:
              name: {wildcard: true}
            intents:
              greet: {templates: ["(hey|hi) its us [again]"]}
              give_names: {templates: ["(hey|hi) its {name}"]}
            """)
        #expect(greetings.match("hey its us again, hi").intent == "greet")
        #expect(greetings.match("hi its Alex").intent == "give_names")
    }

    @Test func theSentenceFileLoadsWithNoError() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hassil/home.hassil").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (content, loadProblems) = ContentLoader.load(files: [(name: "home.hassil", text: text)])
        #expect(loadProblems.isEmpty, "\(loadProblems)")
        let (sentences, problems) = IntentCompiler.compile(content)
        #expect(problems.isEmpty, "\(problems)")
        let expected: [(String, String, [String: String])] = [
            ("could you please turn on the kitchen lights", "HassTurnOn", ["area": "kitchen"]),
            ("switch the fans off in the living room", "HassTurnOff", ["area": "living_room"]),
            ("set the bedroom brightness to 40%", "HassLightSet", ["area": "bedroom", "brightness": "40"]),
            ("set brightness to 40 percent in the bedroom", "HassLightSet", ["area": "bedroom", "brightness": "40"]),
            ("turn off the lights in 5 minutes", "HassDelayedCommand", ["command": "turn off the lights", "minutes": "5"]),
            ("broadcast dinner is ready", "HassBroadcast", ["message": "dinner is ready"]),
            ("whats the wi-fi password", "HassWifiPassword", [:]),
            ("start a timer for 10 minutes", "HassStartTimer", ["minutes": "10"]),
            ("10 minute timer", "HassStartTimer", ["minutes": "10"]),
        ]
        for (line, intent, slots) in expected {
            let result = sentences.match(line)
            #expect(result.intent == intent, "\(line)")
            #expect(result.slots == slots, "\(line)")
        }
    }
}

/// A template that opens with `*` is started where its words are, not carried through the
/// line (see `WordProgram.opensWithWildcard`); it must still read exactly as written.
@Suite struct OpeningWildcardTests {
    let rules = matcher("""
        skip_words: [um, so]
        lists:
          topic: {values: [money, chores]}
        intents:
          advice: {templates: ["* we fight about {topic} * any advice"]}
          fight: {templates: ["we fight about {topic}"]}
        """)

    @Test func theWildcardTakesEveryWordBeforeTheTemplatesWords() {
        let result = rules.match("honestly lately we fight about money all the time, any advice")
        #expect(result.intent == "advice")
        #expect(result.best?.wholeLine == true)
        #expect(result.best?.wildcardWords == 5)
        #expect(result.slots == ["topic": "money"])
    }

    @Test func skipWordsBeforeItAreLetPass() {
        let result = rules.match("um so honestly we fight about chores a lot any advice")
        #expect(result.intent == "advice")
        #expect(result.best?.wildcardWords == 3)
        // The match starts at "honestly" (character 6): skip words at its edge are not its own.
        #expect(result.best?.span?.lowerBound == 6)
    }

    @Test func theWildcardNeedsAWordOfItsOwn() {
        // Nothing before "we": the opening `*` has no word, so only the other template reads it.
        #expect(rules.match("we fight about money, any advice").intent == "fight")
        #expect(rules.match("um we fight about money, any advice").intent == "fight")
    }
}

/// A template that opens with an optional wildcard (`[*] …`) is started where its words are,
/// as one opening with `*` is, and also reads a line that begins with them.
@Suite struct OptionalOpeningWildcardTests {
    let rules = matcher("""
        skip_words: [um, so]
        intents:
          stumped: {templates: ["[*] neither of us knows [the answer]"]}
          other: {templates: ["we (know|knows) the answer"]}
        """)

    @Test func itTakesEveryWordBeforeItsWords() {
        let result = rules.match("we went back and forth and neither of us knows the answer")
        #expect(result.intent == "stumped")
        #expect(result.best?.wildcardWords == 6)
        #expect(result.best?.wholeLine == true)
    }

    @Test func itNeedsNoWordBeforeThem() {
        let result = rules.match("neither of us knows the answer")
        #expect(result.intent == "stumped")
        #expect(result.best?.wildcardWords == 0)
        // Skip words before it are let pass, as for `*`.
        #expect(rules.match("um so neither of us knows").best?.wildcardWords == 0)
    }

    @Test func itStillNeedsItsWords() {
        #expect(rules.match("we went back and forth and we know the answer").intent == "other")
    }
}
