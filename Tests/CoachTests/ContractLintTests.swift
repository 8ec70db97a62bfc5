import Foundation
import IntentEngine
import Testing
@testable import Coach

/// The contract between Swift and content: lint names every intent, response and lexicon list
/// the session relies on when content lacks it, and every variable an action reads that its
/// flow never sets, each at its file:line:col.
@Suite struct ContractLintTests {
    /// The shipped files, in memory, so one can be edited per test.
    static let shipped: [(name: String, text: String)] = {
        let root = URL(fileURLWithPath: ShippedContent.directory)
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") }.sorted() ?? []
        return paths.map { ("Intents/" + $0, (try? String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) ?? "") }
    }()

    /// Lint's errors for the shipped content with `edit` applied to the named file, and
    /// `extra` files added.
    func lint(editing file: String? = nil, _ edit: (String) -> String = { $0 },
              adding extra: [(name: String, text: String)] = []) -> [String] {
        let files = Self.shipped.map { $0.name == file ? ($0.name, edit($0.text)) : $0 } + extra
        let (content, loadDiagnostics) = ContentLoader.load(files: files)
        let (matcher, compileDiagnostics) = IntentCompiler.compile(content)
        let (script, buildDiagnostics) = CoachScript.build(content: content, matcher: matcher)
        let all = loadDiagnostics + compileDiagnostics + buildDiagnostics + script.lint()
        return all.filter { $0.severity == .error }.map(\.description)
    }

    /// Lint's errors for the shipped content with each replacement made in `file` must include
    /// each of `messages`.
    /// The 1-based line of the shipped `file` that starts with `prefix`, so a message's place
    /// follows the content as it grows.
    static func line(of prefix: String, in file: String) -> Int {
        let text = shipped.first { $0.name == file }?.text ?? ""
        return (text.components(separatedBy: "\n").firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1
    }

    @discardableResult
    func expectErrors(editing file: String, replacing edits: KeyValuePairs<String, String>, include messages: [String],
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        let errors = lint(editing: file) { text in edits.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) } }
        for message in messages {
            #expect(errors.contains { $0.contains(message) }, "no \"\(message)\" in \(errors)", sourceLocation: sourceLocation)
        }
        return errors
    }

    @Test func theShippedContentKeepsTheContract() {
        #expect(lint() == [])
    }

    /// `clearers_where_they_meet` names horsemen and intents lint checks, and only clearers
    /// `flag_clearers` gives the same horseman.
    @Test func clearersWhereTheyMeetAreChecked() {
        expectErrors(editing: "Intents/lexicon.yaml",
                     replacing: ["    criticism: [express_feeling, express_need]\n": "    criticism: [express_feeling, feelings_typo, advice]\n    sulking: [express_need]\n"],
                     include: ["clearers_where_they_meet: 'criticism' is cleared by unknown intent 'feelings_typo'",
                               "clearers_where_they_meet: 'advice' does not clear 'criticism' under flag_clearers",
                               "clearers_where_they_meet names 'sulking', which is not a flag"])
    }

    /// The new lexicon lists written in the wrong shape are refused at their own line, by name.
    @Test func theNewLexiconListsInTheWrongShapeSayWhere() {
        let file = "Intents/lexicon.yaml"
        let clearers = Self.line(of: "  clearers_where_they_meet:", in: file)
        let restating = Self.line(of: "  restating_negations:", in: file)
        let objects = Self.line(of: "  feeling_objects:", in: file)
        #expect(clearers > 0 && restating > 0 && objects > 0)
        let errors = lint(editing: file) { text in
            text.replacingOccurrences(of: "  clearers_where_they_meet:\n", with: "  clearers_where_they_meet: [express_feeling]\n  clearers_old:\n")
                .replacingOccurrences(of: "  restating_negations: [", with: "  restating_negations: {not even: once}\n  restating_old: [")
                .replacingOccurrences(of: "  feeling_objects: [me, us]", with: "  feeling_objects: {me: us}")
        }
        // The restating_negations edit adds a line above the other two.
        #expect(errors.contains { $0.hasPrefix("\(file):\(clearers + 1):") && $0.contains("'clearers_where_they_meet' must map a word to a list") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("\(file):\(restating):") && $0.contains("'restating_negations' must be text or a list of text") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("\(file):\(objects + 1):") && $0.contains("'feeling_objects' must be text or a list of text") }, "\(errors)")
    }

    @Test func aMissingIntentTheCoachNamesIsAnError() {
        expectErrors(editing: "Intents/social.yaml", replacing: ["\n  affirm:\n": "\n  agree_renamed:\n"],
                     include: ["Intents:1:1: error: missing intent 'affirm'"])
    }

    @Test func everyIntentTheCoachNamesIsRequired() {
        let required = Set(CoachScript.requiredIntents)
        #expect(required.count == CoachScript.requiredIntents.count, "an intent is listed twice")
        // The short answers and the debrief intents the turn logic reads are required too.
        #expect(Turn.shortAnswers.isSubset(of: required))
        #expect(Turn.debriefIntents.subtracting([MatchResult.noneIntent]).isSubset(of: required))
        #expect(required.isSuperset(of: ["affirm", "deny", "thanks", "done", "validate", "safety_yes"]))
        // So are the intents a step hears as non-answers (a question back, not knowing, a pause,
        // push-back, pressure on a no, a question mid-exercise).
        #expect(Set(StepLine.intents.keys).isSubset(of: required))
        // And the vulnerable share, which a step acknowledges warmly.
        #expect(required.contains(Turn.vulnerableShareIntent))
        #expect(CoachScript.requiredIntents.count == 34 + SafetyIntent.all.count)
    }

    @Test func aMissingNonAnswerIntentIsAnError() {
        expectErrors(editing: "Intents/step-lines.yaml", replacing: ["\n  hold_on:\n": "\n  hold_on_renamed:\n"],
                     include: ["error: missing intent 'hold_on'"])
    }

    @Test func aStepsHintAndTakesAreChecked() {
        // A hint on a state that waits for no one is never said; `takes:` names only non-answers.
        expectErrors(editing: "Intents/flows/date-night.yaml",
                     replacing: ["      intro:\n": "      intro:\n        hint: \"Like this.\"\n",
                                 "      decide:\n": "      decide:\n        takes: [affirm, unsure]\n"],
                     include: ["state 'intro' gives a hint but waits for no one", "state 'decide' takes 'affirm'"])
        let fine = lint(editing: "Intents/flows/date-night.yaml") { $0.replacingOccurrences(of: "      decide:\n", with: "      decide:\n        takes: [unsure]\n") }
        #expect(fine == [])
        // A hint's variables are checked like any other line the step says.
        expectErrors(editing: "Intents/flows/date-night.yaml",
                     replacing: ["        hint: \"Just the plan": "        hint: \"{nobody}: just the plan"],
                     include: ["nobody"])
    }

    @Test func theFightCoachsSettingsAreChecked() {
        expectErrors(editing: "Intents/lexicon.yaml", replacing: ["    break_at: 5\n": "    break_soon: 5\n", "    window: 4\n": "    window: four\n"],
                     include: ["lexicon 'conflict' has no 'break_at'", "unknown setting 'break_soon'", "'conflict.window' must be a whole number"])
    }

    @Test func soloUseIsChecked() {
        let noSolo = lint(editing: "Intents/flows/mirroring.yaml") { $0.replacingOccurrences(of: "    solo:\n      instead: i-feel\n", with: "") }
        #expect(noSolo.contains { $0.contains("flow 'mirroring' is for two but says nothing for one person alone") }, "\(noSolo)")
        let insteadForTwo = lint(editing: "Intents/flows/mirroring.yaml") { $0.replacingOccurrences(of: "instead: i-feel", with: "instead: repair") }
        #expect(insteadForTwo.contains { $0.contains("solo: instead names 'repair', which doesn't work alone either") }, "\(insteadForTwo)")
        let badStart = lint(editing: "Intents/flows/check-in.yaml") { $0.replacingOccurrences(of: "start: solo_high", with: "start: solo_hi") }
        #expect(badStart.contains { $0.contains("solo start state 'solo_hi' is not defined in flow 'check-in'") }, "\(badStart)")
        let noSoloReply = lint(editing: "Intents/solo-replies.yaml") { $0.replacingOccurrences(of: "  global.mirror.solo:", with: "  global.mirroring_renamed.solo:") }
        #expect(noSoloReply.contains { $0.contains("response 'global.mirror' suggests 'mirroring', which needs two, and has no 'global.mirror.solo'") },
                "\(noSoloReply)")
        let soloSuggestsTwo = lint(editing: "Intents/solo-replies.yaml") {
            $0.replacingOccurrences(of: "/start just-like-me is a gentle practice", with: "/start mirroring is a gentle practice")
        }
        #expect(soloSuggestsTwo.contains { $0.contains("response 'topic.empathy.solo' is said to one person alone but suggests 'mirroring'") },
                "\(soloSuggestsTwo)")
    }

    @Test func aMissingOrEmptyLexiconListIsAnError() {
        expectErrors(editing: "Intents/lexicon.yaml", replacing: ["  advice: [": "  advice_gone: [", "  first_person: [i, im, ive, my]": "  first_person: []",
                                                                    "  feeling_joins: [and, or]": "  feeling_joins: []"],
                     include: ["Intents:1:1: error: missing or empty lexicon list 'advice'", "Intents:1:1: error: missing or empty lexicon list 'first_person'",
                               "Intents:1:1: error: missing or empty lexicon list 'feeling_joins'",
                               "Intents/lexicon.yaml:\(Self.line(of: "  advice: [", in: "Intents/lexicon.yaml")):3: error: unknown lexicon list 'advice_gone'"])
    }

    @Test func anActionReadingAVariableItsFlowNeverSetsIsAnError() {
        let flow = """
        flows:
          echo:
            roles: [speaker, listener]
            states:
              listen:
                speaker: listener
                action: mirror_check
                on:
                  - finish: true

        """
        let errors = lint(adding: [("Intents/flows/echo.yaml", flow)])
        #expect(errors == ["Intents/flows/echo.yaml:5:7: error: action 'mirror_check' in state 'listen' reads variable 'message', which flow 'echo' never sets\n  hint: capture: message (or set it) in an earlier state"])
        let fixed = flow.replacingOccurrences(of: "        on:\n          - finish: true", with: "        on:\n          - capture: message\n            finish: true")
        #expect(lint(adding: [("Intents/flows/echo.yaml", fixed)]) == [])
    }

    @Test func theQuestionWordsComeFromTheLexicon() {
        let lexicon = ShippedContent.script.lexicon
        #expect(QuestionKind.classify("so, what was that like for you?", lexicon: lexicon) == .open)
        #expect(QuestionKind.classify("could you tell me more", lexicon: lexicon) == .open)
        #expect(QuestionKind.classify("could we talk later", lexicon: lexicon) == .closed)
        var edited = lexicon
        edited.openQuestionStarts = [["que"]]
        #expect(QuestionKind.classify("what was that like", lexicon: edited) == .statement)
    }
}

/// Artifacts are declared in YAML; lint checks every name they use.
@Suite struct ArtifactLintTests {
    let lint = ContractLintTests()

    @Test func anArtifactReadingAnUnsetVariableOrByAnUnknownPartnerIsAnError() {
        let errors = lint.expectErrors(editing: "Intents/flows/date-night.yaml", replacing: ["by: both, value: {when: when,": "by: third, value: {when: when_typo,"],
                          include: ["error: artifact 'date_plan' reads variable 'when_typo', which flow 'date-night' never sets",
                                    "error: artifact 'date_plan' is by 'third', which is no role or variable of flow 'date-night'"])
        #expect(errors.contains { $0.hasPrefix("Intents/flows/date-night.yaml:") && $0.contains("'when_typo'") }, "\(errors)")
    }

    @Test func anArtifactNeedsAKindAndFieldsAndKnownKeys() {
        lint.expectErrors(editing: "Intents/flows/myths.yaml",
                          replacing: ["{kind: myth_recognised, by: recognised_by, value: {myth: recognised}}":
                                      "{kind: Myth Seen, value: {myth: recognised}}\n          - {kind: myth_seen, value: {}}\n          - {kind: myth_x, value: [recognised], colour: red}"],
                          include: ["error: an artifact needs a 'kind' of lowercase letters", "error: artifact 'myth_seen' has no 'value' fields",
                                    "error: unknown key 'colour' in an artifact"])
    }

    @Test func theKindsProgressCountsMustBeRecordedBySomeExercise() {
        lint.expectErrors(editing: "Intents/flows/repair.yaml", replacing: ["kind: repair_phrases": "kind: phrases"],
                          include: ["Intents:1:1: error: no exercise records an artifact of kind 'repair_phrases'"])
    }
}
