import Testing
@testable import Coach

/// The fight coach's memory: heat over the last few lines, who carried it, when a break is
/// offered, and what `repair` is told of the fight.
@Suite struct ConflictWatchTests {
    static let lexicon: Lexicon = {
        var lexicon = Lexicon()
        lexicon.absolutes = ["always", "never"]
        lexicon.conflict = ["criticism": 2, "contempt": 3, "defensiveness": 2, "stonewalling": 3, "absolute": 1, "shouting": 1,
                            "window": 4, "break_at": 5, "offer_again_after": 6, "remember_for": 12]
        return lexicon
    }()

    @Test func heatAddsTheHorsemenAbsolutesAndShouting() {
        #expect(ConflictWatch.heat(of: "you are selfish", flags: ["criticism"], lexicon: Self.lexicon) == 2)
        #expect(ConflictWatch.heat(of: "you never listen", flags: ["criticism"], lexicon: Self.lexicon) == 3)
        #expect(ConflictWatch.heat(of: "you NEVER EVER listen!!", flags: ["criticism"], lexicon: Self.lexicon) == 4)
        // A calm line carries none, whatever its words.
        #expect(ConflictWatch.heat(of: "I ALWAYS LOVE THIS!!", flags: ["i_statement"], lexicon: Self.lexicon) == 0)
    }

    @Test func aBreakIsOfferedOnceTheHeatOfTheWindowReachesTheThreshold() {
        var watch = ConflictWatch()
        watch.hear(turn: 1, speaker: 0, text: "you never listen", flags: ["criticism"], lexicon: Self.lexicon)
        #expect(!watch.shouldOfferBreak(turn: 1, lexicon: Self.lexicon))
        #expect(!watch.bothHeated)
        watch.hear(turn: 2, speaker: 1, text: "its not my fault", flags: ["defensiveness"], lexicon: Self.lexicon)
        #expect(watch.heat == 5)
        #expect(watch.bothHeated)
        #expect(!watch.saidBefore(1), "the newest line is not its own earlier one")
        #expect(watch.shouldOfferBreak(turn: 2, lexicon: Self.lexicon))
        watch.breakOfferedTurn = 2
        watch.hear(turn: 3, speaker: 0, text: "you are selfish", flags: ["criticism"], lexicon: Self.lexicon)
        #expect(!watch.shouldOfferBreak(turn: 3, lexicon: Self.lexicon), "not offered again at once")
        #expect(watch.saidBefore(0))
    }

    @Test func linesOutsideTheWindowCoolDown() {
        var watch = ConflictWatch()
        watch.hear(turn: 1, speaker: 0, text: "you never listen", flags: ["criticism"], lexicon: Self.lexicon)
        for turn in 2...5 { watch.hear(turn: turn, speaker: turn % 2, text: "okay", flags: [], lexicon: Self.lexicon) }
        #expect(watch.heat == 0)
        #expect(watch.lines.isEmpty)
    }

    @Test func repairIsToldTheFreshBlameAndDefenceByName() {
        var watch = ConflictWatch()
        watch.hear(turn: 1, speaker: 0, text: "\"you never listen!\"", flags: ["criticism"], lexicon: Self.lexicon)
        watch.hear(turn: 2, speaker: 1, text: "stop attacking me.", flags: ["defensiveness"], lexicon: Self.lexicon)
        let variables = watch.flowVariables(turn: 3, partners: ["Alex", "Sam"], lexicon: Self.lexicon)
        #expect(variables == ["conflict_blame": "you never listen", "conflict_blame_by": "Alex", "conflict_blamed": "Sam",
                              "conflict_defence": "stop attacking me", "conflict_defence_by": "Sam"])
        #expect(watch.flowVariables(turn: 20, partners: ["Alex", "Sam"], lexicon: Self.lexicon).isEmpty, "a stale fight is let go")
        watch.forgetFight()
        #expect(watch.flowVariables(turn: 3, partners: ["Alex", "Sam"], lexicon: Self.lexicon).isEmpty)
    }

    @Test func eachHeatedLineIsAnsweredByWhatItDid() {
        #expect(Turn.conflictKind(of: ["criticism"]) == "blame")
        #expect(Turn.conflictKind(of: ["criticism", "defensiveness"]) == "counter_blame")
        #expect(Turn.conflictKind(of: ["defensiveness"]) == "defence")
        #expect(Turn.conflictKind(of: ["contempt", "criticism"]) == "contempt")
        #expect(Turn.conflictKind(of: ["stonewalling", "criticism"]) == "withdrawal")
    }

    @Test func repeatAfterStopStartsTheStoppedExerciseAndSaysSoWhenThereIsNone() {
        var chat = Conversation()
        chat.say("/repeat")
        #expect(chat.responses == ["repeat.nothing"])
        chat.say("/start check-in")
        chat.say("/stop")
        chat.say("/repeat")
        #expect(chat.flow == "check-in")
    }

    @Test func aloneAHeatedLineIsHelpedTowardsIFeelWithNoBreakOffered() {
        var chat = Conversation(partners: ["Dana"])
        chat.say("you never listen to me")
        #expect(chat.responses == ["conflict.solo"])
        chat.say("you are so selfish")
        #expect(chat.responses == ["conflict.solo"])
        #expect(chat.state.pending != .breakOffer)
    }
}
