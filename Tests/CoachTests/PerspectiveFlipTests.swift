import Testing
@testable import Coach

extension FlipWords {
    /// The shipped words the flip reads (`Intents/perspective.yaml`).
    static var shipped: FlipWords { ShippedContent.script.lexicon.flipWords }
}

@Suite struct PerspectiveFlipTests {
    let toSam = PerspectiveFlip(otherName: "Sam", words: .shipped)

    @Test(arguments: [
        ("I feel lonely when you work late", "you feel lonely when Sam works late"),
        ("you don't call me", "Sam doesn't call you"),
        ("You never listen to me", "Sam never listens to you"),
        ("I am tired", "you are tired"),
        ("I was scared", "you were scared"),
        ("I'm exhausted", "you're exhausted"),
        ("im exhausted", "you're exhausted"),
        ("my job is hard", "your job is hard"),
        ("that's mine", "that's yours"),
        ("I hurt myself", "you hurt yourself"),
        ("I love you", "you love Sam"),
        ("your mother called", "Sam's mother called"),
        ("you are always on your phone", "Sam is always on Sam's phone"),
        ("you're never home", "Sam is never home"),
        ("you were late again", "Sam was late again"),
        ("you have no idea", "Sam has no idea"),
        ("when you do that I feel small", "when Sam does that you feel small"),
        ("you go out every night", "Sam goes out every night"),
        ("you try so hard", "Sam tries so hard"),
        ("you watch TV all evening", "Sam watches TV all evening"),
        ("you fix everything", "Sam fixes everything"),
        ("you can't hear me", "Sam can't hear you"),
        ("you should know", "Sam should know"),
        ("you didn't ask me", "Sam didn't ask you"),
        ("I need you to hold me", "you need Sam to hold you"),
        ("I wish you would talk to me", "you wish Sam would talk to you"),
        ("I think you care about me", "you think Sam cares about you"),
        ("because you work all the time", "because Sam works all the time"),
        ("and you just leave", "and Sam just leaves"),
        ("I've been waiting for you", "you've been waiting for Sam"),
        ("I'd like more time with you", "you'd like more time with Sam"),
        ("I'll try harder", "you'll try harder"),
        ("you've changed", "Sam has changed"),
        ("you'll see", "Sam will see"),
        ("you'd never say that", "Sam would never say that"),
        ("I feel like you don't care", "you feel like Sam doesn't care"),
        ("I miss you, and you miss me", "you miss Sam, and Sam misses you"),
        ("If you really loved me", "If Sam really loved you"),
        ("we argue and you walk away", "you both argue and Sam walks away"),
        ("I felt ignored when you were on your phone", "you felt ignored when Sam was on Sam's phone"),
        ("thank you for dinner", "thank Sam for dinner"),
        ("you aren't listening", "Sam isn't listening"),
    ])
    func flipsPerspectiveWithAgreement(statement: String, expected: String) {
        #expect(toSam.apply(statement) == expected)
    }

    @Test func withoutAPartnerYouBecomesThey() {
        let solo = PerspectiveFlip(otherName: nil, words: .shipped)
        #expect(solo.apply("you don't call me") == "they don't call you")
        #expect(solo.apply("I miss your voice") == "you miss their voice")
    }

    @Test func punctuationAndTextOutsideWordsAreKept() {
        #expect(toSam.apply("Honestly? I'm done, you know…") == "Honestly? you're done, Sam know…" || toSam.apply("Honestly? I'm done, you know…") == "Honestly? you're done, Sam knows…")
    }
}

@Suite struct EchoTests {
    let flip = PerspectiveFlip(otherName: "Sam", words: .shipped)

    @Test func weBecomesYouBoth() {
        #expect(flip.apply("we feel like roommates lately") == "you both feel like roommates lately")
        #expect(flip.apply("our evenings are gone") == "your evenings are gone")
    }

    @Test func aPastTenseVerbTakesNoS() {
        #expect(flip.apply("I didnt know you felt like this") == "you didnt know Sam felt like this")
    }

    @Test(arguments: ["sam are you ok", "are you ok?", "what do you think", "idk nothing really", "same", "ok cool"])
    func noEchoWhereOneWouldNotReadWell(line: String) {
        #expect(flip.echo(line) == nil)
    }

    @Test func aLeadingFillerIsLeftOff() {
        #expect(flip.echo("same, I felt heard") == "you felt heard")
        #expect(flip.echo("yeah the time difference is brutal.") == "the time difference is brutal")
    }

    @Test func questionsAreRecognised() {
        #expect(PerspectiveFlip.isQuestion("sam are you ok", words: .shipped) == false)
        #expect(flip.asksQuestion("sam are you ok"))
        #expect(PerspectiveFlip.isQuestion("are you ok", words: .shipped))
        #expect(PerspectiveFlip.isQuestion("so how was your day", words: .shipped))
        #expect(!PerspectiveFlip.isQuestion("I am tired", words: .shipped))
    }
}

@Suite struct SlottedEchoTests {
    @Test func aShortAnswerReadsInASentenceButNotOnItsOwn() {
        let flip = PerspectiveFlip(otherName: "Sam", words: .shipped)
        #expect(flip.echo("the gym", minimumWords: 1) == "the gym")
        #expect(flip.echo("the gym") == nil)
        #expect(flip.echo("idk nothing really", minimumWords: 1) == nil)
    }
}

/// The flip's words are data: without them nothing is turned around, and an added one is.
@Suite struct FlipWordsTests {
    @Test func theWordsTurnedAroundAreData() {
        var words = FlipWords.shipped
        #expect(PerspectiveFlip(otherName: "Sam", words: words).apply("I am tired") == "you are tired")
        words.firstPerson = [:]
        #expect(PerspectiveFlip(otherName: "Sam", words: words).apply("I am tired") == "I am tired")
        words.firstPerson = ["i": ["you"]]
        words.subjects = []
        #expect(PerspectiveFlip(otherName: "Sam", words: words).apply("I am tired") == "you am tired")
    }

    @Test func anIrregularVerbIsData() {
        var words = FlipWords.shipped
        #expect(PerspectiveFlip(otherName: "Sam", words: words).apply("you have no idea") == "Sam has no idea")
        words.thirdPersonForms["have"] = nil
        #expect(PerspectiveFlip(otherName: "Sam", words: words).apply("you have no idea") == "Sam haves no idea")
    }

    @Test func aQuestionsFirstWordIsData() {
        var words = FlipWords.shipped
        #expect(PerspectiveFlip.isQuestion("so how was your day", words: words))
        words.questionStarts.remove("how")
        #expect(!PerspectiveFlip.isQuestion("so how was your day", words: words))
    }
}
