import Foundation
import Testing
@testable import IntentEngine

/// The typo tier's quick "no such word": it may never turn a real word away, and it must turn
/// nearly all non-words away, or the look-ups it saves come back.
@Suite struct WordFilterTests {
    private static let shipped: WordDictionary = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try! String(contentsOf: root.appendingPathComponent("Intents/language/dictionary.txt"), encoding: .utf8)
        return try! WordDictionary(text: text)
    }()

    private func passes(_ filter: WordFilter, _ word: String) -> Bool {
        Array(word.utf8).withUnsafeBufferPointer { filter.mightContain($0) }
    }

    @Test func everyDictionaryWordPasses() {
        let filter = WordFilter(Self.shipped)
        var words = 0, turnedAway = 0
        Self.shipped.forEachWord { word in
            words += 1
            if !filter.mightContain(word) { turnedAway += 1 }
        }
        #expect(words == Self.shipped.count && words > 50_000)
        #expect(turnedAway == 0)
    }

    @Test func nearlyEveryNonWordIsTurnedAway() {
        let filter = WordFilter(Self.shipped)
        // The kind of edits the typo tier tries: one slip of real words.
        var tried = 0, passed = 0
        for word in ["really", "because", "tomorrow", "frustrated", "overwhelmed", "vulnerability", "relationship"] {
            let bytes = Array(word.utf8)
            for index in bytes.indices {
                for letter in UInt8(ascii: "a")...UInt8(ascii: "z") where letter != bytes[index] {
                    var edit = bytes
                    edit[index] = letter
                    let text = String(decoding: edit, as: UTF8.self)
                    guard !Self.shipped.contains(text) else { continue }
                    tried += 1
                    if passes(filter, text) { passed += 1 }
                }
            }
        }
        #expect(tried > 1_000)
        #expect(Double(passed) < 0.03 * Double(tried))
        let small = try! WordDictionary(text: "apple\nbanana\n")
        #expect(passes(WordFilter(small), "apple") && passes(WordFilter(small), "banana"))
        #expect(!passes(WordFilter(small), "cherry"))
    }
}
