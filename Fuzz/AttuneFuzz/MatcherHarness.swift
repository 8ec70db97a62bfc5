import IntentEngine

/// Any line against the shipped content, idle and inside a flow state, as `explain` does.
/// The first line of the input is the `FLOW.STATE` (possibly malformed), the rest the text.
enum MatcherHarness {
    static func run(_ input: FuzzInput) {
        let (state, text) = input.pair
        let matcher = ShippedCoach.shared.script.matcher
        let idle = matcher.match(text)
        if let best = idle.best { precondition(matcher.definition(of: best.intent) != nil, "an intent the content lacks") }
        _ = matcher.match(text, context: MatchContext(parsing: state))
        _ = matcher.match(state)
    }
}
