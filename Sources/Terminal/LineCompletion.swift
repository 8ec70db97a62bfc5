/// What Tab offers for the word under the cursor, decided from the line typed so far: after
/// `/start ` only exercise names; at the start of a line `/commands`, or a partner's name
/// followed by ": " (so Tab turns "Sa" into "Sam: ", speaking as Sam); elsewhere partner and
/// exercise names. A pure value, so the readline bridge only asks it and the rules are tested
/// without a terminal.
public struct LineCompletion: Sendable, Equatable {
    public var commands: [String]
    public var exercises: [String]
    public var partners: [String]

    /// What a partner's name is completed with at the start of a line.
    public static let speakerSuffix = ": "

    public init(commands: [String] = [], exercises: [String] = [], partners: [String] = []) {
        self.commands = commands
        self.exercises = exercises
        self.partners = partners
    }

    /// The completions of `word`, the text from the start of the word being completed to the
    /// cursor, with `before` the line in front of it. Each is the whole replacement for the
    /// word, suffix included; matching ignores case.
    public func candidates(before: String, word: String) -> [String] {
        let lead = before.split(whereSeparator: \.isWhitespace)
        let atLineStart = lead.isEmpty
        let pool: [String]
        if lead.count == 1, lead[0].lowercased() == "/start" {
            pool = exercises
        } else if atLineStart {
            pool = word.hasPrefix("/") ? commands : partners.map { $0 + Self.speakerSuffix }
        } else if lead.count == 1, lead[0].hasSuffix(":"), partners.contains(where: { "\($0):".lowercased() == lead[0].lowercased() }) {
            // "Sam: /sta" — a command typed as a partner.
            pool = word.hasPrefix("/") ? commands : partners + exercises
        } else {
            pool = partners + exercises
        }
        let wanted = word.lowercased()
        var seen: Set<String> = []
        return pool.filter { $0.lowercased().hasPrefix(wanted) && seen.insert($0).inserted }
    }

    /// Whether readline should add a space after a single completion: not after "Sam: ",
    /// which already ends in one.
    public static func needsSpace(after completion: String) -> Bool {
        !completion.hasSuffix(speakerSuffix)
    }
}
