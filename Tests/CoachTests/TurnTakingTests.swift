import IntentEngine
import Testing
@testable import Coach

@Suite struct TurnTakingTests {
    @Test func aLineFromTheWrongPartnerIsRedirectedAndNotTaken() {
        var talk = Conversation()
        talk.say("/start mirroring")
        talk.say("I feel tired when we rush in the morning")
        #expect(talk.state.flowRun?.state == "mirror")
        talk.say("Alex: what I heard is I feel tired")
        #expect(talk.state.flowRun?.state == "mirror")
        #expect(talk.state.expectedSpeaker == "Sam")
        #expect(talk.partnerLine?.mirror == nil)
        #expect(talk.responses == ["mirroring.mirror.redirect"])
        #expect(talk.coachText.contains("Sam"))
    }

    @Test func soloUseHasNoWrongPartner() {
        var talk = Conversation(partners: ["Alex"])
        talk.say("/start myths")
        talk.say("no")
        #expect(talk.state.flowRun?.state == "myth2")
    }

    @Test func aStepForBothMovesOnOnlyAfterEachHasAnswered() {
        var talk = Conversation()
        talk.say("/start touch")
        for _ in 0..<6 { talk.say("/skip") }
        #expect(talk.state.flowRun?.state == "offer")
        talk.say("yes")
        #expect(talk.state.flowRun?.state == "offer")
        #expect(talk.state.flowRun?.answers.count == 1)
        talk.say("Sam: yes please")
        #expect(talk.responses.last == "turn.both_waiting")
        #expect(talk.coachText.contains("Alex"))
        #expect(talk.state.flowRun?.state == "offer")
        talk.say("Alex: yes")
        #expect(talk.flow == nil)
        #expect(talk.responses.contains("touch.offer.on.1"))
    }

    @Test func aStepForBothNeedsEveryAnswerToHoldAnIntent() {
        var talk = Conversation()
        talk.say("/start touch")
        for _ in 0..<6 { talk.say("/skip") }
        talk.say("yes")
        talk.say("Alex: no thanks")
        #expect(talk.flow == nil)
        #expect(!talk.responses.contains("touch.offer.on.1"))
        #expect(talk.responses.contains("touch.offer.on.3"))
    }

    @Test(arguments: [
        ("when you joked about my job", "you joked about my job"),
        ("I feel hurt when you joked about my job", "you joked about my job"),
        ("you joked about my job", "you joked about my job"),
        ("when", "when"),
    ])
    func wordsTheStepSuppliesAreDropped(line: String, kept: String) {
        let supplies = [["i", "feel", "*", "when"], ["when"]]
        #expect(Turn.dropSupplied(line, supplies: supplies) == kept)
    }

    @Test func aFeelingSaidOfSomeoneElseIsNotTheSpeakers() {
        let lexicon = ShippedContent.script.lexicon
        #expect(Turn.namedFeeling(in: "I was so nervous beforehand", lexicon: lexicon) == "nervous")
        #expect(Turn.namedFeeling(in: "I'm not angry at all", lexicon: lexicon) == nil)
        #expect(Turn.namedFeeling(in: "you were bored of me", lexicon: lexicon) == nil)
        #expect(Turn.namedFeeling(in: "lonely", lexicon: lexicon) == "lonely")
    }
}

@Suite struct RepeatAvoidanceTests {
    @Test func aVariantSaidAMomentAgoGivesWayToAnother() {
        let book = ShippedContent.script.responses
        var random = SeededGenerator(seed: 1)
        let first = book.render(.named("ack.plain", SourceLocation(file: "", line: 0, column: 0)), random: &random,
                                lookup: { $0 == "said_by" ? "Alex" : nil })
        var again = SeededGenerator(seed: 1)
        let second = book.render(.named("ack.plain", SourceLocation(file: "", line: 0, column: 0)), random: &again,
                                 avoiding: { $0 == first }, lookup: { $0 == "said_by" ? "Alex" : nil })
        #expect(first != nil && second != nil && first != second)
    }

    @Test func theDebriefIsHeardFromEachPartnerAndThenClosed() {
        var talk = Conversation()
        talk.say("/start appreciation")
        // One real answer, then the rest skipped: it finishes (all skipped would not).
        talk.say("you picked up my prescription without being asked, and I felt cared for")
        for _ in 0..<5 { talk.say("/skip") }
        #expect(talk.flow == nil)
        #expect(talk.state.pending == .debrief(exercise: "Appreciation", heard: []))
        talk.say("it was sweet, kinda awkward at first")
        #expect(talk.state.pending != nil)
        talk.say("Sam: honestly really nice")
        #expect(talk.state.pending == nil)
        #expect(!talk.coachText.contains("outside what I know"))
    }
}
