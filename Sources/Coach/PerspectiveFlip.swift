import IntentEngine

/// Turns a partner's words around so the coach (or the other partner) can say them back:
/// "I feel lonely when you work late" said by Alex to Sam becomes "you feel lonely when Sam
/// works late". Word-level and rule-based: pronouns swap, the verb after a new third-person
/// subject agrees ("you don't call" → "Sam doesn't call"), and everything else is kept. The
/// words it reads are data (`FlipWords`, from `Intents/perspective.yaml`); only the partner's
/// own words ("you", "your", "you're"), which become their name, are built here.
public struct PerspectiveFlip: Sendable {
    /// Who "you" referred to; nil turns "you" into "they" (solo use, or no partner named).
    public var otherName: String?
    /// The words turned around and read.
    public var words: FlipWords

    public init(otherName: String?, words: FlipWords) {
        self.otherName = otherName
        self.words = words
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
            var nextSubject = words.clauseOpeners.contains(word)
            if pendingThirdPerson, !words.adverbs.contains(word) {
                replacement = thirdPerson(word)
                pendingThirdPerson = false
            } else if pendingSecondPerson, !words.adverbs.contains(word) {
                replacement = FlipWords.form(words.secondPersonForms, word)
                pendingSecondPerson = false
            }
            let typedApostrophe = original.contains("'") || original.contains("’")
            if replacement == nil, let flipped = FlipWords.form(words.firstPerson, word)
                ?? (typedApostrophe ? FlipWords.form(words.contractions, word) : nil) {
                replacement = flipped
                pendingSecondPerson = words.subjects.contains(word)
            }
            if replacement == nil {
                switch word {
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
            if words.adverbs.contains(word) { nextSubject = subjectPosition && false }
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
        while let first = tokens.first, words.leadingFillers.contains(first.word) || first.word == otherName?.lowercased() {
            tokens.removeFirst()
        }
        while let last = tokens.last, words.trailingFillers.contains(last.word) { tokens.removeLast() }
        guard let first = tokens.first, (minimumWords...24).contains(tokens.count), !asksQuestion(text),
              !tokens.contains(where: { words.unsure.contains($0.word) }) else { return nil }
        let end = text.index(text.startIndex, offsetBy: tokens[tokens.count - 1].end)
        var rest = String(text[text.index(text.startIndex, offsetBy: first.start)..<end])
        while let last = rest.last, ".!?,;: ".contains(last) { rest.removeLast() }
        return apply(rest)
    }

    /// Whether a line asks something, also when it opens by naming the partner ("sam are you ok").
    public func asksQuestion(_ text: String) -> Bool {
        Self.isQuestion(text, words: words, skipping: otherName?.lowercased())
    }

    /// Whether a line asks something: a question mark, or a question's first word.
    public static func isQuestion(_ text: String, words flipWords: FlipWords, skipping name: String? = nil) -> Bool {
        if text.contains("?") { return true }
        var words = TextNormalizer.words(text)
        while let first = words.first, flipWords.leadingFillers.contains(first) || first == name { words.removeFirst() }
        guard words.count > 1, let first = words.first else { return false }
        return flipWords.questionStarts.contains(first)
    }

    private var name: String { otherName ?? "they" }
    private var objectName: String { otherName ?? "them" }
    private var possessive: String { otherName.map { "\($0)'s" } ?? "their" }

    /// The verb form after a third-person subject: "work" → "works", "don't" → "doesn't".
    func thirdPerson(_ verb: String) -> String? {
        if let irregular = FlipWords.form(words.thirdPersonForms, verb) { return irregular }
        if words.nonVerbs.contains(verb) || words.modals.contains(verb) || words.pastForms.contains(verb) || verb.hasSuffix("ed")
            || verb.count < 2 { return nil }
        if verb.hasSuffix("s") && !verb.hasSuffix("ss") { return nil }
        if verb.hasSuffix("y"), let before = verb.dropLast().last, !"aeiou".contains(before) {
            return verb.dropLast() + "ies"
        }
        if ["s", "sh", "ch", "x", "z", "o"].contains(where: { verb.hasSuffix($0) }) { return verb + "es" }
        return verb + "s"
    }

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
