import IntentEngine

/// What the coach asked and is waiting to hear answered: the one place a session remembers
/// a question. The next partner line takes it (a `/command` leaves most questions standing),
/// so no flag outlives the answer it waited for, and a new kind of question is a new case
/// here plus one branch where `Turn.hear` routes a line, never another flag.
public indirect enum PendingQuestion: Sendable, Equatable {
    /// "Who's here?": names at the start, when none were given.
    case names
    /// "Did I get that right: Jordan and Priya?": names read from a free introduction the
    /// coach was not sure of. A yes welcomes them, a no asks again, anything else is read as
    /// a fresh answer to "who's here?".
    case nameConfirmation([String])
    /// The first session's neutral question: does either partner feel unsafe?
    case firstSessionSafety
    /// After a crisis reply: the conversation that stays with the person.
    case safety(SafetyConversation)
    /// "Did {listener} get it?" after a mirror: the yes, no or partly of `waitingFor` (the
    /// speaker, a partner index) is recorded as the mirror's confirmation. A line typed without
    /// a name that reads as the listener's (more of the mirror) is not taken as that answer:
    /// the coach says whom the question waits for. Belongs to the exercise step, so it ends
    /// with the exercise.
    case mirrorConfirmation(waitingFor: Int)
    /// "Did you mean yes?": a typo-corrected reading that would move the exercise on, held
    /// (already matched) until it is confirmed. `interrupting` is the question the held line
    /// was answering, put back when the reading is confirmed or declined.
    case typoReading(HeldLine, interrupting: PendingQuestion?)
    /// "How was that for each of you?" at the end of an exercise: each partner's answer is
    /// heard as a debrief (not out of scope) until both have said how it was. `heard` lists
    /// the partners who have answered.
    case debrief(exercise: String, heard: [Int])
    /// "Would a break help?" after a heated stretch: yes takes the break, no goes on.
    case breakOffer
    /// On a break: "we're back" gets a fresh greeting and an offer to go on. `stopped` is
    /// the exercise the break stopped, where it stood, if any.
    case onBreak(stopped: FlowRun?)
    /// "Shall we go on with …?" after a break: yes picks the stopped exercise up where it
    /// stood.
    case resumeOffer(FlowRun)
    /// "Shall we look at what happened?" after a break that followed a fight: yes starts
    /// `repair` on the fight's words.
    case repairOffer

    /// The pseudo flow state lines are matched in while on a break, so "back" alone can mean
    /// "we're back" there and nowhere else (`requires_state: [break.taken]`).
    public static let breakContext = MatchContext(flow: "break", state: "taken")

    /// Whether the question belongs to the exercise step it was asked in (it is dropped when
    /// the exercise ends).
    var belongsToExercise: Bool {
        switch self {
        case .mirrorConfirmation, .typoReading: return true
        case .names, .nameConfirmation, .firstSessionSafety, .safety, .debrief, .breakOffer, .onBreak, .resumeOffer, .repairOffer: return false
        }
    }
}

/// Where a session stands after a crisis reply: the conversation that stays with the person
/// until they have said they are safe and asked to go on (after abuse, for the rest of the
/// session). Each answer to "are you safe right now?" moves `step`; every line, the partner's
/// too, is answered inside it by `Turn.converse`, so no reply in it suggests an exercise.
public struct SafetyConversation: Sendable, Equatable {
    /// The kind of the crisis (`self_harm`, `abuse`, `unsafe`), as the safety event records it.
    public var kind: String
    /// Index into the partners of who raised it: the person the coach stays with. The other
    /// partner's lines are answered as the partner's.
    public var person: Int
    public var step: Step

    /// How far "are you safe right now?" has been answered. The raw value names the state the
    /// conversation's lines are matched in (`safety.asked`, …), which intents can require.
    public enum Step: String, Sendable, Equatable, CaseIterable {
        /// "Are you safe right now?" was asked and not yet answered.
        case asked
        /// They said they are not safe: the emergency number was given.
        case notSafe = "not_safe"
        /// They were not sure, or did not know.
        case unsure
        /// They said they are safe: asking to go on can now end the conversation.
        case safe
    }

    public init(kind: String, person: Int = 0, step: Step = .asked) {
        self.kind = kind
        self.person = person
        self.step = step
    }

    /// The pseudo flow state this conversation's lines are matched in.
    public var matchContext: MatchContext { MatchContext(flow: Self.contextFlow, state: step.rawValue) }

    /// The flow name of that pseudo state, for `requires_state: [safety]`.
    public static let contextFlow = "safety"
}

/// A line kept aside, with the reading the matcher gave it, until that reading is confirmed.
public struct HeldLine: Sendable, Equatable {
    public var text: String
    public var speaker: Int
    public var match: MatchResult
}
