import IntentEngine
import Testing
@testable import Coach

/// The four horsemen flagged from what a line does to the partner, with the shipped content.
struct LineFlagsTests {
    func horsemen(_ text: String) -> [String] {
        let script = ShippedContent.script
        return LineFlags.horsemen(in: script.matcher.match(text), clearers: script.lexicon.flagClearers).map(\.flag)
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
        "it's not my fault the train was late",
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
        let flags = LineFlags.horsemen(in: script.matcher.match("dont put this on me"), clearers: script.lexicon.flagClearers)
        #expect(flags.first?.template?.location.file.hasSuffix("horsemen.yaml") == true)
    }

    @Test func aClearerOnlyClearsTheHorsemenItIsNamedFor() {
        let script = ShippedContent.script
        let match = script.matcher.match("dont put this on me")
        #expect(LineFlags.horsemen(in: match, clearers: [:]).map(\.flag) == ["defensiveness"])
        #expect(LineFlags.horsemen(in: match, clearers: ["defensiveness": ["defensiveness"]]).isEmpty)
    }
}
