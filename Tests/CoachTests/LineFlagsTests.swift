import IntentEngine
import Testing
@testable import Coach

/// The four horsemen flagged from what a line does to the partner, with the shipped content.
struct LineFlagsTests {
    func horsemen(_ text: String) -> [String] {
        let script = ShippedContent.script
        return LineFlags.horsemen(in: script.matcher.match(text), lexicon: script.lexicon, language: script.matcher.language).map(\.flag)
    }

    @Test(arguments: [
        ("you are the laziest person i know", "criticism"),
        ("dont put this on me", "defensiveness"),
        ("talk to the wall", "stonewalling"),
        ("sure, because you're so perfect", "contempt"),
    ])
    func aHorsemanAimedAtThePartnerIsFlagged(text: String, flag: String) {
        #expect(horsemen(text) == [flag])
    }

    @Test(arguments: [
        "you always make the best coffee",
        "you never fail to make me laugh",
        "my boss is such an idiot",
        "our landlord is pathetic",
        "it's not your fault the train was late",
        "it wasnt my fault the train was late lol, the whole line was down",
        "i'm not talking about work tonight",
        "leave me alone for 5 min while i finish this email",
    ])
    func aWarmLineOrSomeoneElseIsNoFlag(text: String) {
        #expect(horsemen(text).isEmpty)
    }

    @Test func aLoneKeywordNeverFlags() {
        let match = ShippedContent.script.matcher.match("that movie was so stupid it was actually great")
        #expect(!match.candidates.filter { $0.tier != .keyword }.contains { LineFlags.horsemen.contains($0.intent) })
        #expect(horsemen("that movie was so stupid it was actually great").isEmpty)
    }

    @Test func theTemplateThatRaisedAFlagIsKept() {
        let script = ShippedContent.script
        let flags = LineFlags.horsemen(in: script.matcher.match("dont put this on me"), lexicon: script.lexicon, language: script.matcher.language)
        #expect(flags.first?.template?.location.file.hasSuffix("horsemen.yaml") == true)
    }

    @Test func aClearerOnlyClearsTheHorsemenItIsNamedFor() {
        let script = ShippedContent.script
        let match = script.matcher.match("dont put this on me")
        var lexicon = script.lexicon
        lexicon.flagClearers = [:]
        #expect(LineFlags.horsemen(in: match, lexicon: lexicon, language: script.matcher.language).map(\.flag) == ["defensiveness"])
        lexicon.flagClearers = ["defensiveness": ["defensiveness"]]
        #expect(LineFlags.horsemen(in: match, lexicon: lexicon, language: script.matcher.language).isEmpty)
    }

    /// An "I" statement in another clause leaves a blame a blame (blind set 26): it outreads the
    /// criticism, but `clearers_where_they_meet` lets it clear only the stretch it shares.
    @Test func anIStatementInAnotherClauseLeavesTheBlame() {
        let script = ShippedContent.script
        let match = script.matcher.match("ur so careless with money, im sick of it")
        #expect(match.intent == "express_feeling")
        #expect(horsemen("ur so careless with money, im sick of it") == ["criticism"])
        var lexicon = script.lexicon
        lexicon.clearersWhereTheyMeet = [:]
        #expect(LineFlags.horsemen(in: match, lexicon: lexicon, language: script.matcher.language).isEmpty)
    }

    /// Aim, narrowing and softening are read from `lexicon:`: without them the same stretches flag.
    @Test(arguments: [
        ("the guy next door is such an idiot", "contempt"),
        ("im done talking about work, tell me about your day", "stonewalling"),
        ("haha you're ridiculous, i love it", "contempt"),
        ("leave it, i'll clean it up later, you go relax", "stonewalling"),
        ("it's not my fault i'm this cute", "defensiveness"),
    ])
    func theAimOfAStretchIsData(text: String, flag: String) {
        let script = ShippedContent.script
        let language = script.matcher.language
        var lexicon = script.lexicon
        let match = script.matcher.match(text)
        #expect(LineFlags.horsemen(in: match, lexicon: lexicon, language: language).isEmpty)
        lexicon.aimedHorsemen = []
        lexicon.flagNarrowing = [:]
        lexicon.flagSofteners = [:]
        #expect(LineFlags.horsemen(in: match, lexicon: lexicon, language: language).map(\.flag) == [flag])
    }

    @Test(arguments: [
        ("i felt like such an idiot at the meeting today", [String]()),
        ("ugh, such an idiot", ["contempt"]),
        ("i wont think ur needy, i promise", []),
        ("youre so needy", ["criticism"]),
        ("i dont care where we go as long as we're together", []),
        ("i dont care", ["stonewalling"]),
        // Warmth before a stretch softens nothing.
        ("i love it when we cook but youre ridiculous", ["contempt"]),
    ])
    func aStretchKeepsItsSenseInTheLine(text: String, flags: [String]) {
        #expect(horsemen(text) == flags)
    }
}
