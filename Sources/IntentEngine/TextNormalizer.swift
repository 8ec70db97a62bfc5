/// One word of normalised text, with where it came from in the original string.
public struct Token: Sendable, Hashable {
    /// The normalised word: lower case, apostrophes removed.
    public var word: String
    /// Offsets in Characters into the original text, so spans can be shown and cut out.
    public var start: Int
    public var end: Int

    public init(word: String, start: Int, end: Int) {
        self.word = word
        self.start = start
        self.end = end
    }
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
    /// A word that is already lower case with no apostrophe is cut straight from the text;
    /// only the others are rebuilt.
    private static func tokenizeASCII(_ text: String) -> [Token]? {
        var text = text
        return text.withUTF8 { bytes -> [Token]? in
            var tokens: [Token] = []
            tokens.reserveCapacity(bytes.count / 4 + 1)
            var rebuilt: [UInt8] = []
            var start = -1
            var plain = true
            var previous: UInt8 = 0
            func flush(at end: Int) {
                guard start >= 0 else { return }
                let word: String
                if plain {
                    word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                } else {
                    rebuilt.removeAll(keepingCapacity: true)
                    for byte in bytes[start..<end] where byte != 0x27 && byte != 0x60 {
                        rebuilt.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
                    }
                    word = String(decoding: rebuilt, as: UTF8.self)
                }
                tokens.append(Token(word: word, start: start, end: end))
                start = -1
                plain = true
            }
            for offset in 0..<bytes.count {
                let byte = bytes[offset]
                guard byte < 0x80, !(previous == 0x0D && byte == 0x0A) else { return nil }
                previous = byte
                switch byte {
                case 0x61...0x7A, 0x30...0x39:
                    if start < 0 { start = offset }
                case 0x41...0x5A:
                    if start < 0 { start = offset }
                    plain = false
                case 0x27, 0x60:
                    // An apostrophe joins the letters around it and is dropped: "don't" is "dont".
                    if start >= 0 { plain = false }
                default:
                    flush(at: offset)
                }
            }
            flush(at: bytes.count)
            return tokens
        }
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

extension String {
    /// Whether every byte is ASCII: then a Character is a byte (but for "\r\n"), and the
    /// matcher's fast paths can work on bytes instead of grapheme clusters.
    var isPlainASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
