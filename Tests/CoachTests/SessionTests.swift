import Testing
@testable import Coach

@Suite struct SessionTests {
    @Test func opensWithTheNotTherapyNoteAndAsksNames() {
        let chat = Conversation(partners: nil)
        #expect(chat.events == [.sessionStart(partners: [], version: "", seed: 1, firstSession: false)])
        #expect(chat.responses == ["onboarding.not_therapy", "onboarding.ask_names"])
        #expect(chat.state.pending == .names)
    }

    @Test func namesTypedAtTheStart() {
        var chat = Conversation(partners: nil)
        chat.say("we're Jordan and Riley")
        #expect(chat.state.partners == ["Jordan", "Riley"])
        #expect(chat.responses == ["onboarding.welcome", "menu.hint"])
        #expect(chat.coachText.contains("Jordan and Riley"))
        #expect(chat.state.expectedSpeaker == "Jordan")
    }

    @Test func oneNameIsSoloUse() {
        var chat = Conversation(partners: nil)
        chat.say("Priya")
        #expect(chat.state.isSolo)
        chat.say("/start mirroring")
        #expect(chat.flow == nil)
        #expect(chat.responses == ["flow.needs_couple"])
    }

    @Test func theFirstSessionIsDecidedPerCoupleOnceTheNamesAreKnown() {
        let before: Set<String> = [SessionConfig.coupleKey(["Jordan", "Priya"])]
        // The couple who has been here, in any order or case: welcomed, not asked again.
        var again = Conversation(partners: nil, pastCouples: before)
        #expect(again.events == [.sessionStart(partners: [], version: "", seed: 1, firstSession: false)])
        again.say("priya and JORDAN")
        // (A name typed in capitals is written as a name: NameParser.tidy.)
        #expect(again.events == [.namesGiven(partners: ["Priya", "Jordan"], firstSession: false)])
        #expect(again.state.pending != .firstSessionSafety)
        // Another couple at the same computer is new here, and so is one partner alone.
        for (typed, expected) in [("hi we're dana and lee", ["Dana", "Lee"]), ("just me, priya", ["Priya"])] {
            var new = Conversation(partners: nil, pastCouples: before)
            new.say(typed)
            #expect(new.events == [.namesGiven(partners: expected, firstSession: true)], "\(typed)")
            #expect(new.state.pending == .firstSessionSafety, "\(typed)")
            #expect(new.responses.last == (expected.count == 1 ? "onboarding.safety_question_solo" : "onboarding.safety_question"))
        }
        // Names given up front: session_start records the decision, and no names event follows.
        let upFront = Conversation(partners: ["Lee", "Dana"], pastCouples: [SessionConfig.coupleKey(["dana", "lee"])])
        #expect(upFront.events == [.sessionStart(partners: ["Lee", "Dana"], version: "", seed: 1, firstSession: false)])
        #expect(upFront.state.pending != .firstSessionSafety)
    }

    @Test func firstSessionAsksNeutrallyAboutSafety() {
        var chat = Conversation(firstSession: true)
        #expect(chat.state.pending == .firstSessionSafety)
        #expect(chat.responses.last == "onboarding.safety_question")
        #expect(chat.events == [.sessionStart(partners: ["Alex", "Sam"], version: "", seed: 1, firstSession: true)])
        chat.say("no")
        #expect(chat.responses == ["onboarding.safety_clear", "menu.hint"])
        #expect(chat.state.pending == nil)
        #expect(chat.events.isEmpty)
    }

    @Test func aYesToTheSafetyQuestionBlocksCouplesExercises() {
        var chat = Conversation(firstSession: true)
        chat.say("yes")
        #expect(chat.events == [.safety(kind: "unsafe")])
        #expect(chat.responses == ["safety.unsafe"])
        chat.say("/start mirroring")
        #expect(chat.flow == nil)
        #expect(chat.state.pending == .safety(SafetyConversation(kind: "unsafe")))
        chat.say("yes I'm safe")
        chat.say("/start mirroring")
        #expect(chat.flow == nil)
        #expect(chat.responses == ["flow.blocked"])
    }

    @Test func aCrisisLineStopsTheExerciseAndKeepsOnlyTheKind() {
        var chat = Conversation()
        chat.say("/start check-in")
        #expect(chat.flow == "check-in")
        chat.say("honestly I don't want to live anymore")
        #expect(chat.flow == nil)
        #expect(chat.events == [.flowEnd(flow: "check-in", completed: false), .safety(kind: "self_harm")])
        #expect(chat.responses == ["safety.self_harm"])
        // The resources come from content, filled into the reply.
        #expect(chat.coachText.contains("988"))
        chat.say("yes")
        #expect(chat.responses == ["safety.safe_yes"])
    }

    @Test func anAbuseDisclosureEndsCouplesExercisesForTheSession() {
        var chat = Conversation()
        chat.say("Sam: my partner hits me when they're angry")
        #expect(chat.events == [.safety(kind: "abuse")])
        chat.say("/start check-in")
        #expect(chat.flow == nil)
    }

    @Test func figuresOfSpeechRaiseNoAlarm() {
        var chat = Conversation()
        chat.say("this traffic is killing me")
        #expect(chat.events.isEmpty)
        #expect(!chat.responses.contains { $0.hasPrefix("safety.") })
    }

    @Test func aFullCheckInFinishes() {
        var chat = Conversation()
        chat.say("let's do a check-in")
        #expect(chat.flow == "check-in")
        #expect(chat.state.expectedSpeaker == "Alex")
        for line in ["I finished the report", "the bus was late", "I appreciate that you made coffee"] { chat.say(line) }
        #expect(chat.state.expectedSpeaker == "Sam")
        chat.say("I went for a run")
        #expect(chat.responses.contains("check-in.second_high.on.2"))
        #expect(chat.coachText.lowercased().contains("you went for a run"))
        chat.say("work was stressful")
        chat.say("I appreciate you listening")
        #expect(chat.flow == nil)
        #expect(chat.all.contains(.event(.flowEnd(flow: "check-in", completed: true))))
    }

    @Test func mirroringJudgesTheMirrorAndRecordsTheConfirmation() {
        var chat = Conversation()
        chat.say("/start mirroring")
        chat.say("I feel lonely when you work late")
        #expect(chat.state.expectedSpeaker == "Sam")
        chat.say("What I heard is you feel lonely when I work late")
        #expect(chat.partnerLine?.mirror?.verdict == .faithful)
        #expect(chat.state.expectedSpeaker == "Alex")
        chat.say("yes")
        #expect(chat.partnerLine?.confirmed == true)
        chat.say("no, that's all")
        chat.say("it makes sense that you feel lonely")
        chat.say("I imagine you might feel sad")
        #expect(chat.state.expectedSpeaker == "Sam")
        #expect(chat.responses.contains("mirroring.switch.then.1"))
    }

    @Test func quickExitClearsAndEndsSayingNothing() {
        var chat = Conversation()
        chat.say("/start check-in")
        chat.say("/quick-exit")
        #expect(chat.coach.isEmpty)
        #expect(chat.last.first == .clearScreen)
        #expect(chat.last.last == .end(.quickExit))
        #expect(chat.events.contains(.flowEnd(flow: "check-in", completed: false)))
        #expect(chat.events.last == .sessionEnd(reason: .quickExit))
        #expect(chat.state.phase == .ended)
    }

    @Test func linesTheTerminalRefusedGetAClearReply() {
        var chat = Conversation()
        chat.send(.rejected(.tooLong))
        #expect(chat.responses == ["input.too_long"])
        chat.send(.rejected(.invalidUTF8))
        #expect(chat.responses == ["input.invalid_utf8"])
        chat.say("   ")
        #expect(chat.responses == ["input.empty"])
        #expect(chat.state.phase == .ready)
    }

    @Test func controlSequencesAreRemovedFromPartnerText() {
        var chat = Conversation()
        chat.say("hi \u{1B}[31mthere\u{1B}[0m\u{07}\u{1B}]0;title\u{07}!")
        #expect(chat.partnerLine?.text == "hi there!")
    }

    @Test func aNamePrefixSpeaksAsThatPartner() {
        var chat = Conversation()
        chat.say("Sam: I feel happy today")
        #expect(chat.partnerLine?.speaker == "Sam")
        #expect(chat.partnerLine?.text == "I feel happy today")
        chat.say("/switch")
        #expect(chat.state.expectedSpeaker == "Alex")
    }

    @Test func theSameSeedSaysTheSameThings() {
        func run(_ seed: UInt64) -> [SessionOutput] {
            var chat = Conversation(seed: seed)
            for line in ["/start check-in", "I slept well", "a meeting ran long", "thanks for the tea", "/help", "I feel sad"] { chat.say(line) }
            return chat.all
        }
        #expect(run(42) == run(42))
    }

    @Test func endingMidExerciseClosesItUnfinished() {
        var chat = Conversation()
        chat.say("/start check-in")
        chat.send(.end(.signal))
        #expect(chat.events == [.flowEnd(flow: "check-in", completed: false), .sessionEnd(reason: .signal)])
    }

    @Test func unknownCommandsAndExercisesAreNamed() {
        var chat = Conversation()
        chat.say("/dance")
        #expect(chat.responses == ["command.unknown"])
        #expect(chat.coachText.contains("/dance"))
        chat.say("/start juggling")
        #expect(chat.responses == ["flow.unknown"])
        #expect(chat.coachText.contains("juggling"))
        #expect(chat.flow == nil)
    }

    @Test func blameInsideAnExerciseIsNamedGentlyBeforeItMovesOn() {
        var chat = Conversation()
        chat.say("/start mirroring")
        chat.say("you always work late and you never care about me")
        #expect(chat.partnerLine?.flags.contains("criticism") == true)
        #expect(chat.coach.count == 2)
        #expect(chat.responses == ["pattern.criticism", "mirroring.mirror.say"])
        // The note goes right after the line, before the exercise moves on.
        guard chat.last.count > 1, case .coach(_, let noteKey) = chat.last[1] else {
            Issue.record("expected a note right after the line, got \(chat.last)")
            return
        }
        #expect(noteKey == "pattern.criticism")
        #expect(chat.state.flowRun?.state == "mirror")
        #expect(chat.coach.last?.contains("Sam") == true)
    }

    @Test func aTypoCorrectedAnswerIsConfirmedBeforeTheExerciseMoves() {
        var chat = Conversation()
        chat.say("/start mirroring")
        chat.say("I miss you")
        chat.say("you miss me")
        #expect(chat.state.flowRun?.state == "check")
        chat.say("yeahh")
        #expect(chat.partnerLine?.flags.contains("fuzzy") == true)
        #expect(chat.state.flowRun?.state == "check")
        #expect(chat.responses == ["fuzzy.confirm"])
        #expect(chat.coachText.contains("did you mean yes?"))
        chat.say("yes")
        #expect(chat.state.flowRun?.state == "more")
    }

    @Test func aLineThatIsNotAnAnswerToTheSafetyQuestionIsStillHeard() {
        var chat = Conversation(firstSession: true)
        chat.say("you never listen to me, you are so selfish")
        #expect(chat.state.pending == nil)
        #expect(chat.responses.first == "onboarding.safety_unclear")
        #expect(chat.responses.count == 2)
    }
}
