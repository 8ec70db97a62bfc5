import IntentEngine

/// How heated the last few lines were, and by whom: what the fight coach reads to speak to
/// the right partner, to vary what it says as a fight goes on, and to offer a break early
/// instead of waiting for someone to say "I'm done talking". It also keeps the latest blame
/// and defence, so `repair` started after a fight can work on what was just said.
///
/// A value in `SessionState`, changed only by `hear`. Its weights and thresholds are content
/// (`conflict:` in the lexicon), so a coach can tune when the break is offered without Swift.
public struct ConflictWatch: Sendable, Equatable {
    /// One heard line and the heat it carried.
    public struct Line: Sendable, Equatable {
        public var turn: Int
        public var speaker: Int
        /// The horsemen the line carried.
        public var flags: [String]
        public var heat: Int
        public var text: String
    }

    /// The settings a lexicon's `conflict:` must give (lint checks): the horsemen's weights
    /// and `absolute`, `shouting`; how many turns back the heat counts (`window`); the heat
    /// at which a break is offered (`break_at`); how many turns pass before it is offered
    /// again (`offer_again_after`); and how many turns a blame stays fresh for `repair`
    /// (`remember_for`).
    public static let settings = LineFlags.horsemen + ["absolute", "shouting", "window", "break_at", "offer_again_after",
                                                       "remember_for"]

    /// The variables an exercise started after a fight is given (empty when none is fresh):
    /// the latest blame and who said it to whom, and the latest defence and who said it.
    public static let flowVariables = ["conflict_blame", "conflict_blame_by", "conflict_blamed", "conflict_defence",
                                       "conflict_defence_by"]

    /// The heated lines within the window, oldest first.
    public private(set) var lines: [Line] = []
    /// The latest line that blamed (criticism or contempt), and the latest defence.
    public private(set) var blame: Line?
    public private(set) var defence: Line?
    /// The turn a break was last offered in.
    public var breakOfferedTurn: Int?

    public init() {}

    /// How much heat a line carries: each horseman's weight, plus `absolute` for "always" or
    /// "never", plus `shouting` for a run of capitals or exclamation marks. 0 for a calm line.
    public static func heat(of text: String, flags: [String], lexicon: Lexicon) -> Int {
        let weights = lexicon.conflict
        let horsemen = flags.filter(LineFlags.horsemen.contains)
        guard !horsemen.isEmpty else { return 0 }
        var heat = horsemen.reduce(0) { $0 + (weights[$1] ?? 1) }
        if TextNormalizer.words(text).contains(where: lexicon.absolutes.contains) { heat += weights["absolute"] ?? 0 }
        if isShouted(text) { heat += weights["shouting"] ?? 0 }
        return heat
    }

    /// "!!", or two words of three letters or more in capitals.
    static func isShouted(_ text: String) -> Bool {
        if text.contains("!!") { return true }
        let shouted = text.split(whereSeparator: { !$0.isLetter }).filter { word in
            word.count >= 3 && word.allSatisfy { $0.isUppercase }
        }
        return shouted.count >= 2
    }

    /// Hears one partner line in turn `turn`; lines outside the window are let go.
    public mutating func hear(turn: Int, speaker: Int, text: String, flags: [String], lexicon: Lexicon) {
        let window = lexicon.conflict["window"] ?? 4
        lines.removeAll { turn - $0.turn >= window }
        let horsemen = flags.filter(LineFlags.horsemen.contains)
        guard !horsemen.isEmpty else { return }
        let line = Line(turn: turn, speaker: speaker, flags: horsemen, heat: Self.heat(of: text, flags: flags, lexicon: lexicon),
                        text: text)
        lines.append(line)
        if horsemen.contains("criticism") || horsemen.contains("contempt") { blame = line }
        if horsemen.contains("defensiveness") { defence = line }
    }

    /// The heat of the lines within the window.
    public var heat: Int { lines.reduce(0) { $0 + $1.heat } }

    /// Whether more than one partner carried heat within the window.
    public var bothHeated: Bool { Set(lines.map(\.speaker)).count > 1 }

    /// Whether `speaker` said a heated line before the newest one, within the window: the
    /// fight coach then says something new to them rather than the same first note.
    public func saidBefore(_ speaker: Int) -> Bool {
        lines.dropLast().contains { $0.speaker == speaker }
    }

    /// Whether the heat has reached `break_at` and no break was offered lately.
    public func shouldOfferBreak(turn: Int, lexicon: Lexicon) -> Bool {
        guard heat >= (lexicon.conflict["break_at"] ?? 5) else { return false }
        guard let offered = breakOfferedTurn else { return true }
        return turn - offered >= (lexicon.conflict["offer_again_after"] ?? 6)
    }

    /// What an exercise started in turn `turn` is told of the fight, if a blame is fresh:
    /// the words said, by whom and to whom (`partners` names them), and the latest defence.
    public func flowVariables(turn: Int, partners: [String], lexicon: Lexicon) -> [String: String] {
        let freshFor = lexicon.conflict["remember_for"] ?? 12
        guard let blame, turn - blame.turn <= freshFor else { return [:] }
        func name(_ index: Int) -> String { partners.indices.contains(index) ? partners[index] : "you" }
        let blamed = partners.count > 1 ? name(blame.speaker == 0 ? 1 : 0) : "your partner"
        var variables = ["conflict_blame": Self.quoted(blame.text), "conflict_blame_by": name(blame.speaker),
                         "conflict_blamed": blamed]
        if let defence, turn - defence.turn <= freshFor {
            variables["conflict_defence"] = Self.quoted(defence.text)
            variables["conflict_defence_by"] = name(defence.speaker)
        }
        return variables
    }

    /// A line as it is quoted back: without closing punctuation or surrounding quotes.
    static func quoted(_ text: String) -> String {
        var slice = Substring(text)
        while let last = slice.last, ".!?,;: \"".contains(last) { slice = slice.dropLast() }
        while let first = slice.first, "\" ".contains(first) { slice = slice.dropFirst() }
        return String(slice)
    }

    /// Lets the remembered fight go, once an exercise has taken it up.
    public mutating func forgetFight() {
        blame = nil
        defence = nil
    }
}
