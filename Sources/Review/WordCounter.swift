import TranscriptFormat

/// Counts words the way a reader would, for talk balance.
///
/// A word is a run of letters or digits (any non-ASCII letter counts), with apostrophes and
/// hyphens allowed inside: "don't", "I’m" and "well-being" are one word each; punctuation and
/// emoji-free dashes are not words. Works on UTF-8 bytes, since review counts every line.
public enum WordCounter {
    /// The number of words in `text`.
    public static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { count(UnsafeBufferPointer(rebasing: $0[...])) }
    }

    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var inWord = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                let isAlnum = (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
                if isAlnum {
                    if !inWord { words += 1; inWord = true }
                } else if inWord, b == UInt8(ascii: "'") || b == UInt8(ascii: "-") {
                    // Joins only when a letter follows ("don't"), else it ends the word.
                    let next = i + 1 < n ? bytes[i + 1] : 0
                    inWord = next >= 0x80 || (next &- 0x30) < 10 || ((next | 0x20) &- 0x61) < 26
                } else {
                    inWord = false
                }
                i += 1
            } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 {
                // U+2000…U+207F: spaces, dashes, quotes, ellipsis. A right single quote (U+2019)
                // inside a word is an apostrophe; the rest separate words.
                if !(bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 && inWord) { inWord = false }
                i += 3
            } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                inWord = false  // no-break space
                i += 2
            } else {
                if b >= 0xC0 && !inWord { words += 1; inWord = true }
                i += 1
            }
        }
        return words
    }
}
