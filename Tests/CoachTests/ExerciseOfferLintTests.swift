import IntentEngine
import Testing
@testable import Coach

/// After a disclosure no reply may offer an exercise: lint requires a quiet form for every
/// reply that names `/start` or `/exercises`, and keeps the quiet forms and the inline text of
/// flows for one person free of offers.
@Suite struct ExerciseOfferLintTests {
    let contract = ContractLintTests()

    @Test func aReplyThatOffersAnExerciseWithoutAQuietFormIsAnError() {
        let errors = contract.lint(adding: [("Intents/new.yaml", """
        responses:
          global.new_reply:
            - "Lovely. Try /start appreciation next."
        """)])
        #expect(errors.contains { $0.hasPrefix("Intents/new.yaml:2:3: error: response 'global.new_reply' offers an exercise but has no quiet form") },
                "\(errors)")
    }

    @Test func aQuietFormThatOffersAnExerciseIsAnError() {
        let errors = contract.lint(editing: "Intents/quiet-responses.yaml") {
            $0.replacingOccurrences(of: "\"Hi {partner}. What's on your mind?\"", with: "\"Hi {partner}. Type /exercises to pick one.\"")
        }
        #expect(errors.contains { $0.contains("error: response 'global.greet.quiet' is a quiet form but offers an exercise") }, "\(errors)")
    }

    @Test func aReplyThatAnswersARequestForExercisesNeedsNoQuietForm() {
        let errors = contract.lint()
        #expect(!errors.contains { $0.contains("'exercises.intro'") || $0.contains("'flow.unknown'") }, "\(errors)")
    }

    @Test func aFlowForOnePersonMayNotOfferAnExerciseInItsInlineText() {
        let errors = contract.lint(editing: "Intents/flows/myths.yaml") {
            $0.replacingOccurrences(of: "say: myths.done", with: "say: \"All done. Try /start deep-questions next.\"")
        }
        #expect(errors.contains { $0.contains("error: flow 'myths' can run after a disclosure, but this text offers an exercise") }, "\(errors)")
    }

    @Test func everyQuietFormOffersNothing() {
        let responses = ShippedContent.script.responses
        let quiet = responses.entries.values.filter { $0.name.hasSuffix(ExerciseOffer.quietSuffix) }
        #expect(quiet.count >= 40)
        for entry in quiet {
            #expect(!entry.variants.contains(where: ExerciseOffer.offers), "\(entry.name)")
            #expect(responses.has(String(entry.name.dropLast(ExerciseOffer.quietSuffix.count))), "\(entry.name) is the quiet form of nothing")
        }
    }
}
