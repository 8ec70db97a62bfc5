import Foundation
import Testing
@testable import IntentEngine

/// A template's own `coverage` (a warning sign that counts only said alone) and the
/// `no_safety` fixture form (lines that must raise no safety event, whatever else they are).
@Suite struct SafetyExpectationTests {
    static let crisisContent = """
    intents:
      crisis_self_harm:
        safety: self_harm
        templates:
          - "(cut|cutting) my wrists"
          - template: "i relapsed"
            coverage: 1
      none:
        templates: ["on my diet"]
    """

    @Test func aTemplateCoverageHoldsEvenForACrisisIntent() {
        let crisis = matcher(Self.crisisContent)
        #expect(crisis.match("i relapsed").intent == "crisis_self_harm")
        #expect(crisis.match("i relapsed on my diet").intent != "crisis_self_harm")
        // Without its own coverage, a crisis template still counts inside any longer line.
        #expect(crisis.match("last night i was cutting my wrists again after the fight").intent == "crisis_self_harm")
    }

    /// A template's own share replaces its intent's: a long, specific template of a short
    /// answer may stand inside a long line where the intent's other templates may not.
    @Test func aTemplateCoverageReplacesItsIntents() {
        let answers = matcher("""
        intents:
          partly:
            coverage: 1
            templates:
              - "sort of"
              - template: "the part about * is right but"
                coverage: 0.3
          none:
            templates: ["the weather"]
        """)
        #expect(answers.match("sort of").intent == "partly")
        #expect(answers.match("sort of like the weather we had last spring in the hills").intent != "partly")
        #expect(answers.match("the part about the money is right but you missed how tired i was after the long week").intent == "partly")
    }

    @Test func aTemplateCoverageSurvivesTheStartUpCache() throws {
        let original = matcher(Self.crisisContent)
        var writer = ByteWriter()
        original.write(to: &writer)
        var reader = ByteReader(writer.bytes)
        let restored = try Matcher.read(from: &reader)
        #expect(restored.match("i relapsed").intent == "crisis_self_harm")
        #expect(restored.match("i relapsed on my diet").intent != "crisis_self_harm")
    }

    @Test func aTemplateMappingIsCheckedWithItsPlace() {
        let text = diagnostics("""
        intents:
          crisis_self_harm:
            safety: self_harm
            templates:
              - template: "i relapsed"
                coverage: 2
              - coverage: 1
              - template: "i slipped"
                share: 1
              - [nested]
        """).map(\.description)
        #expect(text.contains { $0.hasPrefix("test.yaml:6:19: error: 'coverage' must be a share of the line") })
        #expect(text.contains { $0.hasPrefix("test.yaml:7:9: error: a template mapping needs 'template'") })
        #expect(text.contains { $0.hasPrefix("test.yaml:9:9: error: unknown key 'share' in a template") })
        #expect(text.contains { $0.hasPrefix("test.yaml:10:9: error: each of 'templates' must be text or {template, coverage}") })
    }

    @Test func noSafetyIsAReservedNameForIntents() {
        let text = diagnostics("intents:\n  no_safety:\n    templates: [hi]\n").map(\.description)
        #expect(text.contains { $0.hasPrefix("test.yaml:2:3: error: 'no_safety' is a reserved name") })
    }

    @Test func aNoSafetyFixtureFailsOnlyWhenACrisisIntentWins() {
        let yaml = """
        no_safety:
          - i cut my hair short
          - i cut my wrists again
          - text: i relapsed on my diet
        """
        let (fixtures, problems) = IntentFixtureReader.read(data: Data(yaml.utf8), file: "figures.yaml")
        #expect(problems.isEmpty)
        #expect(fixtures.count == 3 && fixtures.allSatisfy(\.expectsNoSafety))
        let report = FixtureRunner(matcher: matcher(Self.crisisContent)).run(fixtures)
        #expect(report.passed == 2)
        #expect(report.failures.map(\.fixture.text) == ["i cut my wrists again"])
        #expect(report.failures.first?.reason == "expected no safety event, got crisis_self_harm (self_harm)")
        #expect(report.scores["crisis_self_harm"]?.falsePositives == 1)
        #expect(report.scores[IntentFixture.noSafetyKey] == nil)
    }
}
