import Foundation
import Testing
@testable import AttuneCLI
import Coach

/// A coach that says the same sentence again a moment later sounds canned: in every script
/// in Scripts/, no coach reply is repeated word for word within five turns.
@Suite struct NoRepeatedRepliesTests {
    static let window = 5

    /// The replies of a replayed conversation, each with the number of the turn it answered
    /// (0 for the opening), up to a safety event: from there the coach keeps to the safety
    /// conversation, which says its steady lines again on purpose and has scripts of its own.
    /// The answer to `/repeat` inside an exercise is left out: it was asked to say the same.
    static func replies(in transcript: [String]) -> [(turn: Int, text: String)] {
        var turn = 0
        var replies: [(Int, String)] = []
        var askedToRepeat = false
        for line in transcript {
            if line.hasPrefix("— safety:") { break }
            if line.hasPrefix("Coach: ") {
                if !askedToRepeat { replies.append((turn, String(line.dropFirst(7)))) }
            } else if !line.hasPrefix("— ") {
                turn += 1
                askedToRepeat = line.trimmingCharacters(in: .whitespaces).lowercased() == "/repeat"
            } else {
                // An exercise started again by /repeat is a fresh start, heard as such.
                askedToRepeat = false
            }
        }
        return replies
    }

    /// Pairs of identical replies fewer than `window` turns apart.
    static func repeats(in replies: [(turn: Int, text: String)]) -> [String] {
        var lastSaid: [String: Int] = [:]
        var found: [String] = []
        for (turn, text) in replies {
            if let earlier = lastSaid[text], turn - earlier < window {
                found.append("turn \(turn) repeats turn \(earlier): \"\(text)\"")
            }
            lastSaid[text] = turn
        }
        return found
    }

    @Test func theCheckFindsARepeatAndAllowsOneFarApart() {
        let near = Self.replies(in: ["Coach: hi", "a", "Coach: same", "b", "Coach: same"])
        #expect(Self.repeats(in: near).count == 1)
        let far = Self.replies(in: ["Coach: same", "a", "b", "c", "d", "e", "Coach: same"])
        #expect(Self.repeats(in: far).isEmpty)
        let safety = Self.replies(in: ["Coach: a", "b", "— safety: abuse —", "Coach: same", "c", "Coach: same"])
        #expect(Self.repeats(in: safety).isEmpty)
        let asked = Self.replies(in: ["Coach: question", "/repeat", "Coach: question", "b", "Coach: question"])
        #expect(Self.repeats(in: asked).count == 1, "only the repeat nobody asked for counts")
    }

    @Test(arguments: ShippedContentTests.scripts)
    func noReplyRepeatsWithinFiveTurns(_ name: String) throws {
        let loaded = ShippedContentTests.loaded
        let (script, _) = CoachScript.build(content: loaded.content, matcher: loaded.matcher)
        let outcome = try ReplayInputs.replay(ShippedContentTests.root + "/Scripts/" + name, runner: ReplayRunner(script: script))
        for problem in Self.repeats(in: Self.replies(in: outcome.transcript)) {
            Issue.record("Scripts/\(name): \(problem)")
        }
    }
}
