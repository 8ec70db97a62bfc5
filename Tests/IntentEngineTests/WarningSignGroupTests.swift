import Testing
@testable import IntentEngine

/// A crisis template's warning-sign group is data (`- group: NAME` in its intent's templates):
/// it travels with the template through the start-up cache, and lint refuses a crisis template
/// outside any group.
@Suite struct WarningSignGroupTests {
    static let content = """
    intents:
      crisis_self_harm:
        safety: self_harm
        templates:
          - group: suicide-wanting-to-die
          - "want to die"
          - group: self-harm-acts
          - "cut my wrists"
          - template: "relapsed"
            coverage: 1
    """

    @Test func aCrisisMatchNamesItsGroup() throws {
        let crisis = matcher(Self.content)
        #expect(crisis.match("i want to die").best?.template?.group == "suicide-wanting-to-die")
        #expect(crisis.match("i cut my wrists").best?.template?.group == "self-harm-acts")
        #expect(crisis.match("relapsed").best?.template?.group == "self-harm-acts")
        var writer = ByteWriter()
        crisis.write(to: &writer)
        var reader = ByteReader(writer.bytes)
        let restored = try Matcher.read(from: &reader)
        #expect(restored.match("i want to die").best?.template?.group == "suicide-wanting-to-die")
    }

    @Test func lintRefusesACrisisTemplateOutsideAnyGroup() {
        let text = """
        intents:
          crisis_self_harm:
            safety: self_harm
            templates:
              - "want to die"
              - group: self-harm-acts
              - "cut my wrists"
        """
        let (content, _) = ContentLoader.load(files: [("test.yaml", text)])
        let (compiled, _) = IntentCompiler.compile(content)
        let problems = IntentLinter(content: content, matcher: compiled).check()
        #expect(problems.filter { $0.message.contains("outside any warning-sign group") }.count == 1)
    }
}
