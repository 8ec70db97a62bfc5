import IntentEngine

/// Replies that offer an exercise, and the quiet forms said instead while offers are held.
///
/// After a crisis, and for the rest of a session whose exercises were narrowed by what was
/// disclosed (`ExerciseGate`), no reply may nudge anyone towards an exercise: not the crisis
/// replies, and not the ordinary ones either ("try /start mirroring" after "I feel unsafe").
/// Rather than each path remembering to check, every named reply goes through one place
/// (`Turn.reply`): while offers are held, a reply `NAME` that has a twin `NAME.quiet` is said
/// as the twin. An offer in Attune's content always names the command that takes it, so lint
/// finds every reply that offers one by its text and requires the twin (and that the twin
/// offers nothing), which keeps a new reply from reopening the gap.
enum ExerciseOffer {
    /// What a reply's quiet twin is called: `NAME.quiet`.
    static let quietSuffix = ".quiet"

    /// The commands an offer names.
    static let commands = ["/start", "/exercises"]

    /// Replies said only because someone asked for exercises (`/exercises`, `/start NAME`,
    /// an exercise for two asked for alone),
    /// which may name the commands: they answer, they do not offer.
    static let answersARequest: Set<String> = ["exercises.intro", "flow.unknown", "flow.needs_couple"]

    /// Whether a text offers an exercise: it names a command that starts or lists one.
    static func offers(_ text: String) -> Bool {
        commands.contains { text.contains($0) }
    }

    static func quietName(of name: String) -> String { name + quietSuffix }

    /// Lint: every reply that offers an exercise has a quiet twin that offers none, and a
    /// flow that can run while offers are held (one for a single person) offers nothing in
    /// its inline text, where no twin can be given.
    static func check(_ script: CoachScript) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entry in script.responses.entries.values.sorted(by: { $0.name < $1.name }) {
            let offering = entry.variants.contains(where: offers)
            if entry.name.hasSuffix(quietSuffix) {
                let base = String(entry.name.dropLast(quietSuffix.count))
                if !script.responses.has(base) {
                    diagnostics.append(.error(at: entry.location, "response '\(entry.name)' is the quiet form of '\(base)', which does not exist",
                                              hint: "name it after the reply it stands in for"))
                }
                if offering {
                    diagnostics.append(.error(at: entry.location, "response '\(entry.name)' is a quiet form but offers an exercise",
                                              hint: "it is said while offers are held (after a disclosure); leave out \(commands.joined(separator: " and "))"))
                }
                continue
            }
            // A version for one person (`NAME.solo`) is never said while offers are held:
            // `NAME.quiet` is said instead.
            let soloOf = String(entry.name.dropLast(".solo".count))
            let base = entry.name.hasSuffix(".solo") && script.responses.has(soloOf) ? soloOf : entry.name
            guard offering, !answersARequest.contains(base), !script.responses.has(quietName(of: base)) else { continue }
            diagnostics.append(.error(at: entry.location, "response '\(entry.name)' offers an exercise but has no quiet form",
                                      hint: "add '\(quietName(of: base))': the same reply without the offer, said after a disclosure"))
        }
        for flow in script.flows.values.sorted(by: { $0.name < $1.name }) where !flow.needsCouple {
            for stateName in flow.stateOrder {
                guard let state = flow.states[stateName] else { continue }
                var references = [state.say, state.redirect, state.askOther, state.hint].compactMap { $0 }
                for transition in state.on + state.then {
                    for effect in transition.effects { if case .say(let reference) = effect { references.append(reference) } }
                }
                for case .inline(let variants, _, let location) in references where variants.contains(where: offers) {
                    diagnostics.append(.error(at: location, "flow '\(flow.name)' can run after a disclosure, but this text offers an exercise",
                                              hint: "say a named response instead, with a '.quiet' form"))
                }
            }
        }
        return diagnostics
    }
}

extension Turn {
    /// Whether replies may offer an exercise now: not inside the safety conversation, and
    /// not for the rest of a session whose exercises were narrowed by a disclosure.
    var exerciseOffersHeld: Bool {
        if case .safety = state.pending { return true }
        return state.exerciseGate != .open
    }

    /// The reply to say for `name`: its quiet twin while offers are held, if it has one.
    func spoken(_ name: String) -> String {
        guard exerciseOffersHeld else { return name }
        let quiet = ExerciseOffer.quietName(of: name)
        return script.responses.has(quiet) ? quiet : name
    }
}
