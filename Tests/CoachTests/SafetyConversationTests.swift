import Foundation
import Testing
import TranscriptFormat
@testable import Coach

/// The safety conversation: the state a session is in after a crisis reply.
@Suite struct SafetyConversationTests {
    static let selfHarm = "I keep thinking about killing myself"
    static let abuse = "he takes my whole paycheck and checks my phone"

    /// Lines people might type inside the conversation, from either partner, that are neither
    /// a crisis nor an answer that ends it.
    static let lines = [
        "I feel so lonely", "tell me more", "hi", "thanks", "bye", "can we try mirroring?", "let's do a check-in",
        "/exercises", "/start check-in", "/start", "/help", "/stop", "/skip", "/repeat", "what do we do?",
        "who can I call", "i dont know", "not sure", "no", "nothing helps, im so tired of everything", "lol whatever",
        "I need a break", "what's the weather tomorrow", "you always ignore me", "Sam: can we go on", "Sam: what do we do",
        "Sam: let's do the check-in", "Sam: /start mirroring", "Sam: yes", "Sam: I feel scared", "Alex: can we go on",
    ]

    /// Whether a coach line is one of the variants of `key`, with `{…}` standing for anything.
    static func isResponse(_ line: String, _ key: String) -> Bool {
        let variants = ShippedContent.script.responses.entries[key]?.variants ?? []
        return variants.contains { variant in
            var rest = Substring(line)
            for piece in variant.split(separator: "{", omittingEmptySubsequences: false).enumerated() {
                let fixed = piece.offset == 0 ? Substring(piece.element) : piece.element.drop { $0 != "}" }.dropFirst()
                guard !fixed.isEmpty else { continue }
                guard let found = rest.range(of: fixed) else { return false }
                if piece.offset == 0 && found.lowerBound != rest.startIndex { return false }
                rest = rest[found.upperBound...]
            }
            return true
        }
    }

    func said(_ chat: Conversation, _ key: String) -> Bool {
        chat.coach.contains { Self.isResponse($0, key) }
    }

    @Test(arguments: [selfHarm, abuse])
    func noReplyInsideTheConversationSuggestsAnExerciseOrRepeatsTheDisclosure(crisis: String) {
        var chat = Conversation()
        chat.say(crisis)
        for line in Self.lines {
            chat.say(line)
            guard case .safety = chat.state.pending else {
                Issue.record("\"\(line)\" ended the conversation before anyone said they were safe")
                return
            }
            #expect(chat.flow == nil, "\"\(line)\" started an exercise")
            let text = chat.coachText.lowercased()
            #expect(!text.isEmpty, "\"\(line)\" got no answer")
            for suggestion in ["/start", "/exercises", "tell me more", "so you"] {
                #expect(!text.contains(suggestion), "\"\(line)\" got \"\(chat.coachText)\"")
            }
            for word in ["killing", "paycheck", "whole", "takes"] {
                #expect(!text.contains(word), "\"\(line)\" got \"\(chat.coachText)\"")
            }
        }
    }

    @Test func eachAnswerToAreYouSafeHasItsOwnPath() {
        let answers: [(String, SafetyConversation.Step, String)] = [
            ("yes", .safe, "safety.safe_yes"), ("I'm safe", .safe, "safety.safe_yes"),
            ("no", .notSafe, "safety.safe_no"), ("not sure", .unsure, "safety.not_sure"),
            ("I don't know", .unsure, "safety.dont_know"), ("nothing helps anyway", .asked, "safety.stay"),
        ]
        for (answer, step, response) in answers {
            var chat = Conversation()
            chat.say(Self.selfHarm)
            chat.say(answer)
            #expect(chat.state.pending == .safety(SafetyConversation(kind: "self_harm", step: step)), "\(answer)")
            #expect(said(chat, response), "\"\(answer)\" got \"\(chat.coachText)\"")
        }
    }

    @Test func silenceIsWaitedForAndTheQuestionStands() {
        var chat = Conversation()
        chat.say(Self.selfHarm)
        chat.say("Alex:")
        #expect(said(chat, "safety.silence"))
        chat.send(.rejected(.empty))
        #expect(said(chat, "safety.silence"))
        chat.say("whatever")
        #expect(said(chat, "safety.stay"))
        #expect(chat.state.pending == .safety(SafetyConversation(kind: "self_harm")))
    }

    @Test func aSecondCrisisIsACrisisAgainAndAsksAfresh() {
        var chat = Conversation()
        chat.say(Self.selfHarm)
        chat.say("yes")
        chat.say("Sam: my partner hits me when he drinks")
        #expect(chat.events == [.safety(kind: "abuse")])
        #expect(said(chat, "safety.again"))
        #expect(chat.state.pending == .safety(SafetyConversation(kind: "abuse", person: 1)))
        #expect(chat.state.exerciseGate == .closed)
    }

    @Test func thePartnersAnswersAreTheirsNotThePersons() {
        var chat = Conversation()
        chat.say(Self.selfHarm)
        chat.say("Sam: yes")
        #expect(chat.state.pending == .safety(SafetyConversation(kind: "self_harm")))
        #expect(said(chat, "safety.partner"))
        chat.say("Sam: what do we do?")
        #expect(said(chat, "safety.partner_help"))
        #expect(chat.coachText.contains("Stay with Alex") || chat.coachText.contains("stay with Alex"))
        chat.say("Alex: what do I do?")
        #expect(said(chat, "safety.what_to_do"))
    }

    @Test func afterSelfHarmAnExerciseStartsOnlyOnceThePersonIsSafeAndAsks() {
        var chat = Conversation()
        chat.say(Self.selfHarm)
        chat.say("/start check-in")
        #expect(chat.flow == nil)
        #expect(said(chat, "safety.not_yet"))
        chat.say("yes")
        chat.say("Sam: /start check-in")
        #expect(chat.flow == nil)
        #expect(said(chat, "safety.not_yet_partner"))
        chat.say("Alex: /start check-in")
        #expect(chat.flow == "check-in")
        #expect(chat.state.pending == nil)
    }

    @Test func afterAbuseNoExerciseStartsThatSession() {
        var chat = Conversation()
        chat.say(Self.abuse)
        chat.say("yes I'm safe")
        for line in ["can we go on", "/start myths", "/exercises", "let's do a check-in", "Sam: /start check-in"] {
            chat.say(line)
            #expect(chat.flow == nil, "\(line)")
            #expect(said(chat, "safety.no_exercises"), "\(line): \(chat.coachText)")
        }
        #expect(chat.all.allSatisfy { if case .event(.flowStart) = $0 { return false } else { return true } })
    }

    @Test func theResourcesCanBeAskedForAgainInWordsOrWithHelp() {
        var chat = Conversation()
        chat.say(Self.selfHarm)
        chat.say("what was that number again?")
        #expect(said(chat, "safety.resources"))
        #expect(chat.coachText.contains("988"))
        chat.say("/help")
        #expect(said(chat, "safety.help"))
        #expect(chat.coachText.contains("988"))
    }

    @Test func aCrisisBeforeTheNamesAsksForThemOnceThePersonGoesOn() {
        var chat = Conversation(partners: nil)
        chat.say(Self.selfHarm)
        #expect(chat.state.pending == .safety(SafetyConversation(kind: "self_harm")))
        chat.say("yes")
        chat.say("can we go on")
        #expect(chat.state.pending == .names)
    }

    @Test func theResourcesCanBeAskedForWithoutACrisis() {
        var chat = Conversation()
        chat.say("who can I call?")
        #expect(said(chat, "safety.resources"))
        #expect(chat.coachText.contains("988") && chat.coachText.contains("1-800-799-7233"))
        #expect(chat.events.isEmpty && chat.state.pending == nil)
    }

    @Test(arguments: [EndReason.quit, .endOfInput])
    func theClosingFitsWhatHappened(reason: EndReason) {
        var chat = Conversation()
        chat.say(Self.selfHarm)
        if reason == .quit { chat.say("/quit") } else { chat.send(.end(.endOfInput)) }
        #expect(said(chat, "safety.closing"))
        #expect(!said(chat, "goodbye"))
    }

    @Test func anOrdinarySessionClosesAsBefore() {
        var chat = Conversation()
        chat.say("/quit")
        #expect(said(chat, "goodbye"))
        var quiet = Conversation()
        quiet.send(.end(.endOfInput))
        #expect(quiet.coach.isEmpty)
    }

    @Test func theLineThatRaisedItIsRecordedWithoutItsWords() throws {
        var chat = Conversation()
        chat.say("I feel lonely and I want to die")
        let line = try #require(chat.partnerLine)
        #expect(line == .withheld(speaker: "Alex", intent: "crisis_self_harm"))
        #expect(line.text.isEmpty && line.slots.isEmpty && line.flags.isEmpty)
    }

    @Test func aCrisisAfterASlashIsHeardBeforeCommands() throws {
        var chat = Conversation()
        chat.say("/i want to die tonight")
        #expect(chat.events == [.safety(kind: "self_harm")])
        #expect(chat.partnerLine == .withheld(speaker: "Alex", intent: "crisis_self_harm"))
        #expect(!chat.coachText.contains("don't know the command"))
        chat.say("/nonsense")
        #expect(chat.events == [.command("/nonsense", speaker: "Alex")])
    }

    @Test func theHistoryKeepsKnownCommandsWithoutTheirWords() {
        let exercises = ShippedContent.script.flowNames
        let cases: [(String, String?)] = [
            ("/names Alex,Sam", "/names"), ("/start mirroring", "/start mirroring"), ("/start Check-In", "/start check-in"),
            ("/start I want to kill myself", "/start"), ("/i want to die tonight", nil), ("hello there", nil),
            ("/HELP", "/help"), ("/quit now please", "/quit"), ("/", nil),
        ]
        for (line, kept) in cases {
            #expect(SlashCommand.historyEntry(for: line, exercises: exercises) == kept, "\(line)")
        }
    }
}
