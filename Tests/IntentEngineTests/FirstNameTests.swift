import Testing
@testable import IntentEngine

/// A partner's first name stands where "he" stands (`first_name: true` lists), and a template
/// with `forms: exact` matches only the forms it writes. The dictionary and proper-noun cases
/// ("mateo", "jordan" in lower case) run with the shipped content, in
/// Tests/Fixtures/intents/safety.yaml.
@Suite struct FirstNameTests {
    static let content = """
    lists:
      first_name:
        first_name: true
    rules:
      abuser: "(he|she|{first_name})"
    intents:
      crisis_abuse:
        safety: abuse
        templates:
          - "<abuser> grabbed my neck"
          - template: "(slapped|strangled) me"
            forms: exact
      gym:
        templates: ["hit the gym"]
      advice:
        templates: ["will you (help|grab) my"]
    """

    @Test func aNameTypedWithACapitalIsTheSubjectAsHeIs() {
        let crisis = matcher(Self.content)
        #expect(crisis.match("he grabbed my neck").safety == "abuse")
        #expect(crisis.match("last night Mateo grabbed my neck").safety == "abuse")
        #expect(crisis.match("last night Mateo grabbed my neck").slots["first_name"] == "Mateo")
        // Without a dictionary, a lower-case word is a name only when the session knows it.
        #expect(crisis.match("last night mateo grabbed my neck").safety == nil)
        #expect(crisis.match("last night mateo grabbed my neck", context: MatchContext(names: ["mateo"])).safety == "abuse")
    }

    @Test func aWordTheTemplatesWriteIsNeverAName() {
        let crisis = matcher(Self.content)
        // "Will" is a template word: it stays the word it is, capital or not.
        #expect(crisis.match("then Will grabbed my neck").safety == nil)
        #expect(crisis.match("then Jordan hit the gym").safety == nil)
        #expect(crisis.match("then Jordan hit the gym").intent == "gym")
    }

    @Test func aNameSurvivesTheStartUpCache() throws {
        var writer = ByteWriter()
        matcher(Self.content).write(to: &writer)
        var reader = ByteReader(writer.bytes)
        let restored = try Matcher.read(from: &reader)
        #expect(restored.match("then Priya grabbed my neck").safety == "abuse")
        #expect(restored.match("my mom is going to strangle me").safety == nil)
        #expect(restored.match("she strangled me").safety == "abuse")
    }

    @Test func exactFormsMatchOnlyTheFormsWritten() {
        let crisis = matcher(Self.content)
        #expect(crisis.match("she strangled me").safety == "abuse")
        #expect(crisis.match("my mom is going to strangle me for missing her call").safety == nil)
        #expect(diagnostics("""
        intents:
          x:
            templates:
              - template: "hello"
                forms: sometimes
        """).contains { $0.message.contains("'forms' must be exact or any") })
    }
}
