/// Something a couple made in an exercise and will want to see again: an "I feel" statement,
/// the repair phrases they chose, a date plan, a long-distance ritual.
///
/// Recorded as an `artifact` event (format version 2) so review and progress can show it
/// without re-running the exercise: the flow that made it, what kind of thing it is (a name
/// the flow declares, such as `i_feel_statement`), who made it (partner names: one, or both),
/// and its value as named text fields in the order the flow declares them.
public struct Artifact: Sendable, Equatable {
    /// One named part of the value, such as `when: "friday after 7"`.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var text: String

        public init(_ name: String, _ text: String) {
            self.name = name
            self.text = text
        }
    }

    /// The flow that made it (`date-night`).
    public var flow: String
    /// What it is (`date_plan`).
    public var kind: String
    /// The partners who made it, by name.
    public var by: [String]
    /// The structured value, field by field.
    public var value: [Field]

    public init(flow: String, kind: String, by: [String], value: [Field]) {
        self.flow = flow
        self.kind = kind
        self.by = by
        self.value = value
    }

    /// The kind of an "I feel" statement built in `i-feel`, which progress counts as a skill.
    public static let iFeelStatement = "i_feel_statement"
    /// The kind of the repair phrases a couple chose in `repair`, which progress counts.
    public static let repairPhrases = "repair_phrases"
    /// The kinds Swift counts by name; lint checks that some exercise records each.
    public static let countedKinds = [iFeelStatement, repairPhrases]

    /// The text of the field called `name`, if the value has it.
    public subscript(field name: String) -> String? {
        value.first { $0.name == name }?.text
    }
}
