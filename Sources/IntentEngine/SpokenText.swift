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
        // "\r\n" is one Character in two bytes, so it takes the general path.
        if isASCII == nil { isASCII = text.isPlainASCII && !text.utf8.contains(0x0D) }
        if isASCII! {
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(start, offsetBy: range.count)
            return String(text[start..<end])
        }
        if characters == nil { characters = Array(text) }
        return String(characters![range])
    }
}
