/// An utterance that slot values are cut from by Character offsets (the offsets tokens carry).
/// Plain ASCII is cut by bytes, since there a Character is a byte; other text is split into
/// Characters once. Both are found out on the first cut: most utterances fill no slot.
struct SpokenText {
    private let text: String
    private var isASCII: Bool?
    private var characters: [Character]?

    init(_ text: String) {
        self.text = text
    }

    /// The text between two Character offsets.
    mutating func cut(_ range: Range<Int>) -> String {
        if readsByBytes() {
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(start, offsetBy: range.count)
            return String(text[start..<end])
        }
        return String(allCharacters()[range])
    }

    /// The Character at `offset`, or nil past the end (a name's capital letter).
    mutating func character(at offset: Int) -> Character? {
        guard offset >= 0 else { return nil }
        if readsByBytes() {
            let utf8 = text.utf8
            guard offset < utf8.count else { return nil }
            return Character(Unicode.Scalar(utf8[utf8.index(utf8.startIndex, offsetBy: offset)]))
        }
        let characters = allCharacters()
        return offset < characters.count ? characters[offset] : nil
    }

    /// Whether a Character between two offsets (cut to the text) is one of `marks`.
    mutating func contains(_ marks: Set<Character>, in range: Range<Int>) -> Bool {
        if readsByBytes() {
            let utf8 = text.utf8
            let range = range.clamped(to: 0..<utf8.count)
            guard !range.isEmpty else { return false }
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return utf8[start..<utf8.index(start, offsetBy: range.count)].contains { marks.contains(Character(Unicode.Scalar($0))) }
        }
        let characters = allCharacters()
        return characters[range.clamped(to: 0..<characters.count)].contains(where: marks.contains)
    }

    /// Plain ASCII is read by bytes. "\r\n" is one Character in two bytes, so it is not.
    private mutating func readsByBytes() -> Bool {
        if isASCII == nil { isASCII = text.isPlainASCII && !text.utf8.contains(0x0D) }
        return isASCII!
    }

    private mutating func allCharacters() -> [Character] {
        if characters == nil { characters = Array(text) }
        return characters!
    }
}
