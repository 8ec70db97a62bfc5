/// One word of normalised text, with where it came from in the original string.
public struct Token: Sendable, Hashable {
    /// The normalised word: lower case, apostrophes removed.
    public var word: String
    /// Offsets in Characters into the original text, so spans can be shown and cut out.
    public var start: Int
    public var end: Int
}

/// Normalises text the same way for templates and for what people type, so that `don't`,
/// `dont` and `don’t` are one word and punctuation never decides a match.
public enum TextNormalizer {
    /// Splits `text` into normalised words.
    public static func tokenize(_ text: String) -> [Token] {
        if let tokens = tokenizeASCII(text) { return tokens }
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        func flush(at end: Int) {
            if !current.isEmpty {
                tokens.append(Token(word: String(current), start: start, end: end))
                current = String.UnicodeScalarView()
            }
        }
        for character in text {
            defer { offset += 1 }
            if isApostrophe(character) {
                continue
            }
            var wordCharacter = false
            for scalar in character.unicodeScalars {
                if scalar.isASCII {
                    let value = scalar.value
                    if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                        if current.isEmpty { start = offset }
                        current.append(scalar)
                        wordCharacter = true
                    } else if (0x41...0x5A).contains(value) {
                        if current.isEmpty { start = offset }
                        current.append(Unicode.Scalar(value + 0x20)!)
                        wordCharacter = true
                    }
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if current.isEmpty { start = offset }
                    current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                    wordCharacter = true
                } else if scalar.properties.generalCategory == .nonspacingMark, !current.isEmpty {
                    current.append(scalar)
                    wordCharacter = true
                }
            }
            if !wordCharacter { flush(at: offset) }
        }
        flush(at: offset)
        return tokens
    }

    /// The common case, plain ASCII, byte by byte (a Character is a byte there, except "\r\n").
    private static func tokenizeASCII(_ text: String) -> [Token]? {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 4 + 1)
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var start = 0
        var offset = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            guard byte < 0x80, !(previous == 0x0D && byte == 0x0A) else { return nil }
            previous = byte
            switch byte {
            case 0x61...0x7A, 0x30...0x39:
                if word.isEmpty { start = offset }
                word.append(byte)
            case 0x41...0x5A:
                if word.isEmpty { start = offset }
                word.append(byte + 0x20)
            case 0x27, 0x60:
                break
            default:
                if !word.isEmpty {
                    tokens.append(Token(word: String(decoding: word, as: UTF8.self), start: start, end: offset))
                    word.removeAll(keepingCapacity: true)
                }
            }
            offset += 1
        }
        if !word.isEmpty { tokens.append(Token(word: String(decoding: word, as: UTF8.self), start: start, end: offset)) }
        return tokens
    }

    /// The normalised words of `text`, without positions.
    public static func words(_ text: String) -> [String] {
        tokenize(text).map(\.word)
    }

    /// Straight, curly and modifier apostrophes and the backtick people type for one.
    static func isApostrophe(_ character: Character) -> Bool {
        character == "'" || character == "\u{2019}" || character == "\u{2018}" || character == "\u{02BC}" || character == "`"
    }
}
