import IntentEngine

/// An exercise as data: a state machine the coach walks a couple through. A new exercise is
/// a new entry under `flows:` in `Intents/`, not new Swift.
public struct Flow: Sendable {
    public var name: String
    public var location: SourceLocation
    public var title: String
    /// One line on what it is for, shown by `/exercises`.
    public var summary: String
    /// Role names bound when the flow starts: the first to the partner who is speaking, the
    /// second to the other partner (the same partner in solo use).
    public var roles: [String]
    /// Whether it was written for two partners; `solo` says what one person alone gets.
    public var needsCouple: Bool
    /// What one person alone gets: a version of their own, or the exercise to try instead.
    public var solo = SoloUse.none
    public var start: String
    public var states: [String: FlowState]
    /// State names in the order written, for stable output.
    public var stateOrder: [String]
}

extension Flow {
    /// Whether one person alone can do it: written for anyone, or with a solo version.
    public var worksAlone: Bool {
        if case .version = solo { return true }
        return !needsCouple
    }

    /// The state a session starts in: the solo version's first state for one person.
    public func start(solo isSolo: Bool) -> String {
        if isSolo, case .version(let start, _) = solo { return start }
        return start
    }

    /// What `/exercises` says it is for, in a solo session the solo version's summary.
    public func summary(solo isSolo: Bool) -> String {
        if isSolo, case .version(_, let summary) = solo, !summary.isEmpty { return summary }
        return summary.isEmpty ? title : summary
    }
}

/// What an exercise offers one person alone (`solo:` in its flow).
public enum SoloUse: Sendable, Equatable {
    /// Nothing said: fine for an exercise written for anyone (no `couple: true`).
    case none
    /// `solo: {start: STATE, summary: …}`: a version of its own, starting at `start` among
    /// the flow's states.
    case version(start: String, summary: String)
    /// `solo: {instead: FLOW}`: it truly needs two; the refusal suggests this exercise.
    case instead(String)
}

/// One step of an exercise.
public struct FlowState: Sendable {
    public var name: String
    public var location: SourceLocation
    /// Who the coach expects to speak: a role name, `either` (whoever answers first) or `both`
    /// (each partner answers before the step moves on). nil for a passing state that waits for
    /// no one and moves on at once through `then`.
    public var speaker: String?
    /// What the coach says to a line from the partner whose turn it isn't, instead of the
    /// general `turn.wrong_speaker` ("That's {listener}'s part; {listener}, what did you hear?").
    public var redirect: ResponseReference?
    /// In a `both` step: what the coach asks the second partner once the first has answered,
    /// instead of the general `turn.ask_other`.
    public var askOther: ResponseReference?
    /// What the coach says to a question back at this step ("what do you mean?", "like
    /// what?"): the question put more plainly, or an example. Without one, the general
    /// `step.question_back`. The step stays where it was.
    public var hint: ResponseReference?
    /// Intents of lines that are usually not answers (see `StepLine`), or commands said in
    /// words, which this step takes as answers all the same: "not sure" is a fine answer to
    /// a true-or-false myth, and "timeout pls" is a repair phrase being written down.
    public var takes: [String] = []
    /// Whether a line that moves the step on without a reply of its own is acknowledged first
    /// (its feeling or content reflected). Off where the other partner's job is to say it back.
    public var acknowledges: Bool = true
    /// Words the step's own sentence already supplies ("when", "because", "I need"): a line
    /// that repeats them has them dropped when it is captured, so the statement reads once.
    /// Each is a word sequence; `*` stands for one to three words ("i feel * when").
    public var supplies: [[String]] = []
    /// What the coach says on entering.
    public var say: ResponseReference?
    /// A built-in action run on each line before the transitions, whose result they can test.
    public var action: FlowAction?
    /// Transitions tried in order on each line said here.
    public var on: [FlowTransition]
    /// Transitions tried in order right after entering, without waiting for a line.
    public var then: [FlowTransition]
    /// Reaching this state finishes the exercise.
    public var isFinal: Bool
    /// A final state that asks how the exercise was: the next lines are heard as each
    /// partner's debrief.
    public var asksDebrief: Bool = false
    /// What the couple made, recorded as `artifact` events on entering the state.
    public var artifacts: [FlowArtifact] = []
}

/// Something an exercise records for the couple to see again (`artifacts:` on a state): an
/// "I feel" statement, a date plan. Declared in YAML so a new exercise needs no Swift.
public struct FlowArtifact: Sendable {
    public var location: SourceLocation
    /// What it is, such as `date_plan`: the `kind` review and progress group by.
    public var kind: String
    /// Who made it: a role of the flow, `both` (every partner), or a variable holding a name
    /// (each `capture: NAME` keeps who said it in `NAME_by`).
    public var by: String
    /// The value's fields in order: each a field name and the flow variable it is read from.
    /// A field whose variable is unset or empty is left out; with none left, nothing is recorded.
    public var fields: [(name: String, variable: String)]
}

extension FlowState {
    /// Who a step waits for.
    public enum Waiting: Equatable, Sendable {
        /// A passing state, or `either`: whoever speaks.
        case anyone
        /// The partner playing this role.
        case role(String)
        /// Each partner, one answer each.
        case both
    }

    public var waiting: Waiting {
        switch speaker {
        case nil, "either"?: return .anyone
        case "both"?: return .both
        case let role?: return .role(role)
        }
    }
}

/// One guarded move out of a state.
public struct FlowTransition: Sendable {
    public var location: SourceLocation
    public var conditions: [FlowCondition]
    public var effects: [FlowEffect]
    public var target: FlowTarget
}

/// What must hold for a transition to fire. All conditions of a transition must hold; a
/// transition without conditions always fires.
public enum FlowCondition: Sendable {
    /// The line's intent is one of these.
    case intent([String])
    /// The line filled this slot (any value), or filled it with one of these values.
    case slot(String, [String])
    /// The state's action returned one of these results.
    case result([String])
    /// A variable equals a value (an unset variable equals "").
    case variable(String, String)
}

/// What a transition does before moving.
public enum FlowEffect: Sendable {
    case say(ResponseReference)
    /// Keep the line's text in a variable (and its reflection in `NAME_reflected`).
    case capture(String)
    /// Add the line's text to a variable.
    case append(String)
    case set(String, String)
    /// Swap the first two roles (speaker and listener change places).
    case swapRoles
}

/// Where a transition goes.
public enum FlowTarget: Sendable, Equatable {
    case stay
    case state(String)
    case finish
}

/// The built-in actions a state may run; their results are what transitions test.
public enum FlowAction: String, Sendable, CaseIterable {
    /// Judges the line as a mirror of the variable `message`: faithful, partial or off.
    case mirrorCheck = "mirror_check"
    /// Sorts a question into open or closed.
    case questionKind = "question_kind"
    /// Whether the line names a feeling: feeling or none.
    case feelingCheck = "feeling_check"
    /// Whether the line uses "always" or "never": absolute or fine.
    case absoluteCheck = "absolute_check"

    /// The results the action can return, for lint.
    public var results: [String] {
        switch self {
        case .mirrorCheck: return ["faithful", "partial", "off"]
        case .questionKind: return ["open", "closed", "statement"]
        case .feelingCheck: return ["feeling", "pseudo", "none"]
        case .absoluteCheck: return ["absolute", "fine"]
        }
    }

    /// Whether the action coaches the wording itself (absolutes, feelings): then the line
    /// gets no second note on how it was said.
    public var coachesWording: Bool {
        switch self {
        case .feelingCheck, .absoluteCheck: return true
        case .mirrorCheck, .questionKind: return false
        }
    }

    /// The variables the action reads, which its flow must capture or set first (lint checks).
    public var needsVariables: [String] {
        switch self {
        case .mirrorCheck: return ["message"]
        case .questionKind, .feelingCheck, .absoluteCheck: return []
        }
    }

    /// The variables the action sets, for lint.
    public var setsVariables: [String] {
        switch self {
        case .mirrorCheck: return ["missed", "added", "kept"]
        case .questionKind: return []
        case .feelingCheck: return ["feeling", "felt"]
        case .absoluteCheck: return ["absolute"]
        }
    }
}

/// A line for the coach to say: a named response in `responses:`, or variants written inline.
public enum ResponseReference: Sendable {
    case named(String, SourceLocation)
    /// Text written in a flow step. `key` names where it is written (`FLOW.STATE.say`,
    /// `FLOW.STATE.on.N`; see `InlineResponseKey`), so the transcript and scripts can tell
    /// which line the coach said without matching its wording.
    case inline([String], key: String, SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .named(_, let location), .inline(_, _, let location): return location
        }
    }

    /// The response key a coach line said from this carries: the response's name, or the
    /// inline text's key.
    public var key: String {
        switch self {
        case .named(let name, _), .inline(_, let name, _): return name
        }
    }
}

/// The response keys of text written inline in a flow, by where it is written:
/// `FLOW.STATE.say` (said on entering the state), `FLOW.STATE.redirect`,
/// `FLOW.STATE.ask_other`, `FLOW.STATE.hint`, and `FLOW.STATE.on.N` / `FLOW.STATE.then.N` for the `say:` of the
/// state's Nth transition under `on:` or `then:` (counted from 1, as written). Each names one
/// place in one file, so it stays the same while that step does.
public enum InlineResponseKey {
    public static func state(_ flow: String, _ state: String, _ field: String) -> String {
        "\(flow).\(state).\(field)"
    }

    public static func transition(_ flow: String, _ state: String, list: String, position: Int) -> String {
        "\(flow).\(state).\(list).\(position)"
    }
}
