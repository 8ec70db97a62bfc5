import IntentEngine

/// The talk after an exercise: "How was that for each of you?" is a question like any other,
/// so the answers to it are heard as a debrief ("it was good actually, kinda awkward at
/// first"), never as out of scope, until each partner has said how it was.
extension Turn {
    /// Hears a line as an answer to "how was that?"; false when the line is something else
    /// (a request, a question, a command said in words), which lets the question go.
    mutating func answerDebrief(_ match: MatchResult, text: String, speaker: Int, exercise: String, heard: [Int]) -> Bool {
        guard state.flowRun == nil, Self.debriefIntents.contains(match.intent), !flip(for: speaker).asksQuestion(text)
        else { return false }
        let answered = heard.contains(speaker) ? heard : heard + [speaker]
        acknowledge(match, text: text, speaker: speaker, kind: "debrief", extra: ["exercise": exercise])
        if let other = otherIndex(of: speaker), !answered.contains(other) {
            state.currentSpeaker = other
            say("debrief.ask_other", extra: ["exercise": exercise])
            state.pending = .debrief(exercise: exercise, heard: answered)
        } else {
            say("debrief.close", extra: ["exercise": exercise])
        }
        return true
    }

    /// What an answer to "how was that?" is read as: feelings, yes and no, thanks, or
    /// nothing the matcher knows. Requests and commands are not answers.
    static let debriefIntents: Set<String> = [MatchResult.noneIntent, "express_feeling", "express_need", "appreciation",
                                              "affirm", "deny", "partly", "thanks", "unsure", "validate", "empathize",
                                              "done", "greet"]
}
