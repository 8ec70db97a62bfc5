import Testing
@testable import IntentEngine

/// A figure of speech takes away only the crisis reading it covers, is never an answer, and
/// keeps doing so after the start-up cache.
@Suite struct FigureOfSpeechTests {
    static let content = """
    intents:
      crisis_self_harm:
        safety: self_harm
        templates:
          - "going to end it"
          - "want to die"
      goodbye:
        templates:
          - "[ok] [so] end it here for today"
      crisis_figure:
        figure_of_speech: true
        templates:
          - "we are going to end it here for today"
    """

    @Test func aFigureTakesAwayTheCrisisReadingItCovers() {
        let figures = matcher(Self.content)
        #expect(figures.match("we are going to end it here for today").safety == nil)
        #expect(figures.match("we are going to end it here for today").intent != "crisis_figure")
        #expect(figures.match("ok so we are going to end it here for today").intent == "goodbye")
        // Not covered: the same words without the figure's own, or a sign elsewhere in the line.
        #expect(figures.match("im going to end it tonight").safety == "self_harm")
        #expect(figures.match("we are going to end it here for today and i want to die").safety == "self_harm")
    }

    @Test func aFigureSurvivesTheStartUpCache() throws {
        let restored = try throughCache(matcher(Self.content))
        #expect(restored.match("we are going to end it here for today").safety == nil)
        #expect(restored.match("im going to end it tonight").safety == "self_harm")
    }

    @Test func figureOfSpeechMustBeTrueOrFalse() {
        let (_, problems) = compile([("figures.yaml", Self.content.replacingOccurrences(of: "figure_of_speech: true", with: "figure_of_speech: maybe"))])
        #expect(problems.map(\.description).contains { $0.hasPrefix("figures.yaml:11:23: error: 'figure_of_speech' must be true or false") },
                "\(problems)")
    }
}
