/// The real English words (SCOWL's list, generated into `Intents/language/dictionary.txt`),
/// kept as the file's own sorted bytes and searched in place: nothing is built at start-up,
/// and a look-up is a binary search of about 17 steps over 74,000 words.
public struct WordDictionary: Sendable {
    /// Words, one a line, sorted by bytes, each line ending in "\n".
    private let bytes: [UInt8]
    public let count: Int

    /// Reads the dictionary file's text: comment lines (`#`) first, then one word a line,
    /// sorted by bytes. Throws a message naming the first line out of order.
    public init(text: String) throws(DictionaryError) {
        var body: [UInt8] = []
        var count = 0
        var previous: ArraySlice<UInt8> = []
        var lineNumber = 0
        let all = Array(text.utf8)
        var lineStart = 0
        while lineStart < all.count {
            lineNumber += 1
            let lineEnd = all[lineStart...].firstIndex(of: 0x0A) ?? all.count
            let line = all[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            if line.isEmpty || line.first == 0x23 { continue }
            guard previous.isEmpty || previous.lexicographicallyPrecedes(line) else {
                throw DictionaryError(line: lineNumber, message: "'\(String(decoding: line, as: UTF8.self))' is out of order or repeated")
            }
            body += line
            body.append(0x0A)
            count += 1
            previous = line
        }
        bytes = body
        self.count = count
    }

    /// The words as stored (one a line, sorted), for the start-up cache.
    var storedText: String { String(decoding: bytes, as: UTF8.self) }

    /// A dictionary from `storedText`. A damaged copy can only answer wrongly, never read
    /// outside its bytes: every line is ended.
    init(storedText: String) {
        var bytes = Array(storedText.utf8)
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        self.bytes = bytes
        count = bytes.count { $0 == 0x0A }
    }

    /// Calls `body` with each word, in order.
    func forEachWord(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for index in all.indices where all[index] == 0x0A {
                body(UnsafeBufferPointer(rebasing: all[start..<index]))
                start = index + 1
            }
        }
    }

    /// Whether `word` (normalised: lower case, no apostrophes) is a real word.
    public func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { contains($0) }
    }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            var low = 0, high = all.count
            // Invariant: every line starting before `low` sorts before `word`; every line
            // starting at or after `high` sorts after it. Lines are found from any byte by
            // backing up to the previous newline.
            while low < high {
                var start = (low + high) / 2
                while start > low && all[start - 1] != 0x0A { start -= 1 }
                var end = start
                while all[end] != 0x0A { end += 1 }
                let line = UnsafeBufferPointer(rebasing: all[start..<end])
                if line.elementsEqual(word) { return true }
                if line.lexicographicallyPrecedes(word) { low = end + 1 } else { high = start }
            }
            return false
        }
    }
}

/// A dictionary file that is not sorted, with the line where it goes wrong.
public struct DictionaryError: Error, Sendable {
    public var line: Int
    public var message: String
}
