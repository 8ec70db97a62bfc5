import Testing
@testable import Coach

/// The one question a session waits on: which line answers it, and what survives a command.
@Suite struct PendingQuestionTests {
    @Test func unclearNamesAreAskedAgainAndClearNamesEndTheQuestion() {
        var chat = Conversation(partners: nil)
        chat.say("hi")
        #expect(chat.state.pending == .names)
        chat.say("/help")
        #expect(chat.state.pending == .names)
        chat.say("Jordan and Riley")
        #expect(chat.state.pending == nil)
        #expect(chat.state.partners == ["Jordan", "Riley"])
    }

    @Test func namesOnAFirstSessionLeadToTheSafetyQuestion() {
        var chat = Conversation(partners: nil, firstSession: true)
        chat.say("Jordan and Riley")
        #expect(chat.state.pending == .firstSessionSafety)
        chat.say("/exercises")
        #expect(chat.state.pending == nil)
    }

    @Test func aCrisisLineAsksWhetherTheyAreSafeAndACommandLeavesTheQuestionStanding() {
        var chat = Conversation()
        chat.say("I want to kill myself")
        #expect(chat.state.pending == .safety(SafetyConversation(kind: "self_harm")))
        chat.say("/help")
        #expect(chat.state.pending == .safety(SafetyConversation(kind: "self_harm")))
        chat.say("no")
        #expect(chat.state.pending == .safety(SafetyConversation(kind: "self_harm", step: .notSafe)))
        #expect(chat.events.isEmpty)
    }

    @Test func aLineThatDoesNotAnswerTheSafetyQuestionKeepsItStanding() {
        var chat = Conversation()
        chat.say("I want to kill myself")
        chat.say("/start check-in")
        chat.say("I slept well")
        #expect(chat.flow == nil)
        #expect(chat.state.pending == .safety(SafetyConversation(kind: "self_harm")))
    }

    @Test func aMirrorWaitsForItsConfirmationAndTheAnswerIsRecordedOnce() {
        var chat = Conversation()
        chat.say("/start mirroring")
        chat.say("I feel lonely when you work late")
        chat.say("What I heard is you feel lonely when I work late")
        #expect(chat.state.pending == .mirrorConfirmation(waitingFor: 0))
        chat.say("not quite")
        let partners = chat.last.filter { if case .partner = $0 { return true } else { return false } }
        #expect(partners.count == 1)
        #expect(chat.last.first == partners.first)
        #expect(chat.partnerLine?.confirmed == false)
        #expect(chat.state.pending == nil)
    }

    @Test func aTypoReadingHeldDuringAMirrorCheckStillConfirmsTheMirror() {
        var chat = Conversation()
        chat.say("/start mirroring")
        chat.say("I miss you")
        chat.say("you miss me")
        chat.say("yeahh")
        guard case .typoReading(let held, let interrupted) = chat.state.pending else {
            Issue.record("expected a held typo reading, got \(String(describing: chat.state.pending))")
            return
        }
        #expect(held.text == "yeahh")
        #expect(held.match.intent == "affirm")
        #expect(interrupted == .mirrorConfirmation(waitingFor: 0))
        chat.say("yes")
        #expect(chat.partnerLine?.confirmed == true)
        #expect(chat.state.flowRun?.state == "more")
        #expect(chat.state.pending == nil)
    }

    @Test func stoppingTheExerciseDropsTheQuestionsAskedInIt() {
        var chat = Conversation()
        chat.say("/start mirroring")
        chat.say("I miss you")
        chat.say("you miss me")
        #expect(chat.state.pending == .mirrorConfirmation(waitingFor: 0))
        chat.say("/stop")
        #expect(chat.state.pending == nil)
    }

    @Test func onlyTheWordingStepsCoachTheWording() {
        #expect(FlowAction.allCases.filter(\.coachesWording) == [.feelingCheck, .absoluteCheck])
    }
}
