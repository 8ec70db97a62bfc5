import IntentEngine

/// Turns a partner's words around so the coach (or the other partner) can say them back:
/// "I feel lonely when you work late" said by Alex to Sam becomes "you feel lonely when Sam
/// works late". Word-level and rule-based: pronouns swap, the verb after a new third-person
/// subject agrees ("you don't call" → "Sam doesn't call"), and everything else is kept.
public struct PerspectiveFlip: Sendable {
    /// Who "you" referred to; nil turns "you" into "they" (solo use, or no partner named).
    public var otherName: String?

    public init(otherName: String?) {
        self.otherName = otherName
    }

    /// Flips `text` spoken to `otherName` into words said back to the speaker.
    public func apply(_ text: String) -> String {
        var pieces = Self.split(text)
        var index = 0
        var subjectPosition = true
        var pendingThirdPerson = false
        var pendingSecondPerson = false
        while index < pieces.count {
            guard pieces[index].isWord else {
                if pieces[index].text.contains(where: { ",.;:!?".contains($0) }) { subjectPosition = true }
                index += 1
                continue
            }
            let original = pieces[index].text
            let word = Self.normalised(original)
            var replacement: String?
            var nextSubject = Self.clauseOpeners.contains(word)
            if pendingThirdPerson, !Self.adverbs.contains(word) {
                replacement = Self.thirdPerson(word)
                pendingThirdPerson = false
            } else if pendingSecondPerson, !Self.adverbs.contains(word) {
                replacement = Self.secondPersonVerb[word]
                pendingSecondPerson = false
            }
            if replacement == nil {
                switch word {
                case "i":
                    replacement = "you"
                    pendingSecondPerson = true
                case "me": replacement = "you"
                case "my": replacement = "your"
                case "mine": replacement = "yours"
                case "myself": replacement = "yourself"
                case "im": replacement = "you're"
                case "ive": replacement = "you've"
                case "id": replacement = "you'd"
                case "ill" where original.contains("'") || original.contains("’"): replacement = "you'll"
                // The couple speaking of themselves, said back to both of them.
                case "we": replacement = "you both"
                case "were" where original.contains("'") || original.contains("’"): replacement = "you're both"
                case "weve" where original.contains("'") || original.contains("’"): replacement = "you've both"
                case "us": replacement = "you both"
                case "our": replacement = "your"
                case "ours": replacement = "yours"
                case "ourselves": replacement = "yourselves"
                case "you", "ya", "u":
                    if subjectPosition {
                        replacement = name
                        // "they" keeps the verb as it is: "they don't call".
                        pendingThirdPerson = otherName != nil
                    } else {
                        replacement = objectName
                    }
                case "your", "yours": replacement = possessive
                case "yourself": replacement = otherName == nil ? "themselves" : objectName
                case "youre": replacement = "\(name) \(otherName == nil ? "are" : "is")"
                case "youve": replacement = "\(name) \(otherName == nil ? "have" : "has")"
                case "youd": replacement = "\(name) would"
                case "youll": replacement = "\(name) will"
                default: break
                }
            }
            if Self.adverbs.contains(word) { nextSubject = subjectPosition && false }
            if let replacement { pieces[index].text = replacement }
            subjectPosition = nextSubject
            index += 1
        }
        return pieces.map(\.text).joined()
    }

    /// The line turned around for the coach to say back, or nil when an echo would not read
    /// well: a question (it wants an answer, not an echo), a line too short or too long to
    /// reflect, or one that says it doesn't know. A leading "yeah," or "same," is left off.
    /// `minimumWords` is 3 for a line said back on its own, 1 for an answer slotted into a
    /// sentence ("So a good moment: the gym").
    public func echo(_ text: String, minimumWords: Int = 3) -> String? {
        var tokens = TextNormalizer.tokenize(text)
        while let first = tokens.first, Self.leadingFillers.contains(first.word) || first.word == otherName?.lowercased() {
            tokens.removeFirst()
        }
        while let last = tokens.last, Self.trailingFillers.contains(last.word) { tokens.removeLast() }
        guard let first = tokens.first, (minimumWords...24).contains(tokens.count), !asksQuestion(text),
              !tokens.contains(where: { Self.unsure.contains($0.word) }) else { return nil }
        let end = text.index(text.startIndex, offsetBy: tokens[tokens.count - 1].end)
        var rest = String(text[text.index(text.startIndex, offsetBy: first.start)..<end])
        while let last = rest.last, ".!?,;: ".contains(last) { rest.removeLast() }
        return apply(rest)
    }

    /// Whether a line asks something, also when it opens by naming the partner ("sam are you ok").
    public func asksQuestion(_ text: String) -> Bool {
        Self.isQuestion(text, skipping: otherName?.lowercased())
    }

    /// Whether a line asks something: a question mark, or a question's first word.
    public static func isQuestion(_ text: String, skipping name: String? = nil) -> Bool {
        if text.contains("?") { return true }
        var words = TextNormalizer.words(text)
        while let first = words.first, leadingFillers.contains(first) || first == name { words.removeFirst() }
        guard words.count > 1, let first = words.first else { return false }
        return questionStarts.contains(first)
    }

    static let leadingFillers: Set<String> = ["same", "yeah", "yes", "yep", "yup", "oh", "ok", "okay", "well", "um", "uh",
                                             "honestly", "so", "and", "but", "hmm", "lol", "haha", "ah", "wow", "tbh", "hey"]
    static let trailingFillers: Set<String> = ["tbh", "lol", "haha", "honestly", "lmao", "i", "guess", "though"]
    static let unsure: Set<String> = ["idk", "dunno", "nothing", "whatever", "nvm", "unsure"]
    static let questionStarts: Set<String> = ["are", "is", "am", "do", "does", "did", "can", "could", "will", "would", "should",
                                             "what", "whats", "why", "how", "hows", "when", "where", "who", "which", "have", "has",
                                             "arent", "isnt", "dont", "doesnt", "didnt", "wont", "cant", "shall"]

    private var name: String { otherName ?? "they" }
    private var objectName: String { otherName ?? "them" }
    private var possessive: String { otherName.map { "\($0)'s" } ?? "their" }

    /// The verb form after a third-person subject: "work" → "works", "don't" → "doesn't".
    static func thirdPerson(_ verb: String) -> String? {
        if let irregular = irregularThirdPerson[verb] { return irregular }
        if nonVerbs.contains(verb) || modals.contains(verb) || pastTense.contains(verb) || verb.hasSuffix("ed") || verb.count < 2 { return nil }
        if verb.hasSuffix("s") && !verb.hasSuffix("ss") { return nil }
        if verb.hasSuffix("y"), let before = verb.dropLast().last, !"aeiou".contains(before) {
            return verb.dropLast() + "ies"
        }
        if ["s", "sh", "ch", "x", "z", "o"].contains(where: { verb.hasSuffix($0) }) { return verb + "es" }
        return verb + "s"
    }

    static let irregularThirdPerson: [String: String] = [
        "are": "is", "were": "was", "have": "has", "do": "does", "go": "goes",
        "dont": "doesn't", "arent": "isn't", "werent": "wasn't", "havent": "hasn't",
        "re": "is", "ve": "has",
    ]

    /// After "I" becomes "you": "I am" → "you are", "I was" → "you were".
    static let secondPersonVerb: [String: String] = ["am": "are", "was": "were", "wasnt": "weren't"]

    /// Past forms that take no -s: "you felt" → "Sam felt".
    static let pastTense: Set<String> = [
        "felt", "said", "went", "got", "made", "had", "knew", "thought", "told", "took", "came", "saw", "left", "lost",
        "forgot", "kept", "meant", "put", "let", "set", "hurt", "read", "ran", "sat", "spent", "brought", "bought",
        "sent", "gave", "found", "heard", "held", "was", "wasnt", "became", "began", "broke", "chose", "drove", "ate",
        "fell", "forgave", "hid", "hit", "paid", "slept", "spoke", "stood", "understood", "wrote", "won",
    ]

    static let modals: Set<String> = [
        "can", "cant", "cannot", "could", "couldnt", "will", "wont", "would", "wouldnt", "should", "shouldnt",
        "might", "must", "may", "did", "didnt", "shall",
    ]

    static let adverbs: Set<String> = [
        "always", "never", "just", "really", "often", "sometimes", "usually", "still", "also", "even", "ever",
        "rarely", "seldom", "barely", "hardly", "constantly", "probably", "actually", "totally", "literally",
        "kind", "sort", "already", "only", "all",
    ]

    static let nonVerbs: Set<String> = [
        "and", "or", "but", "to", "too", "the", "a", "an", "of", "in", "on", "at", "for", "with", "about", "from",
        "and", "guys", "both", "two", "as", "so", "that", "this", "when", "if", "because", "than", "not", "who",
        "yourself", "again", "here", "there", "now", "then", "home", "late", "right", "okay", "ok",
    ]

    /// Words after which a new clause (and so a subject) starts.
    static let clauseOpeners: Set<String> = [
        "when", "because", "cause", "cos", "and", "but", "if", "that", "since", "while", "so", "though", "although",
        "like", "think", "feel", "felt", "whenever", "until", "unless", "before", "after", "or", "wish", "hope",
        "know", "believe", "seems", "sense", "guess", "where", "how", "why", "what",
    ]

    private struct Piece {
        var text: String
        var isWord: Bool
    }

    /// Splits into words (letters, digits and apostrophes) and the text between them.
    private static func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var start = text.startIndex
        var inWord = false
        func cut(at end: String.Index, nowInWord: Bool) {
            if nowInWord != inWord, end > start {
                pieces.append(Piece(text: String(text[start..<end]), isWord: inWord))
                start = end
            }
            inWord = nowInWord
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Plain ASCII, byte by byte: no Characters are formed.
            var index = text.utf8.startIndex
            for byte in text.utf8 {
                let isWordByte = (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
                    || byte == UInt8(ascii: "'")
                cut(at: index, nowInWord: isWordByte)
                text.utf8.formIndex(after: &index)
            }
        } else {
            for index in text.indices {
                let character = text[index]
                cut(at: index, nowInWord: character.isLetter || character.isNumber || character == "'" || character == "’")
            }
        }
        if start < text.endIndex { pieces.append(Piece(text: String(text[start...]), isWord: inWord)) }
        return pieces
    }

    private static func normalised(_ word: String) -> String {
        if word.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) { return word }
        return word.lowercased().filter { $0 != "'" && $0 != "’" }
    }
}
