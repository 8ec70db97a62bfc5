import Foundation
import IntentEngine

/// Reads partner names from a free answer ("Alex and Sam", "I'm Jo").
enum NameParser {
    /// The words of `text` that can be names: not a filler from the lexicon's `name_fillers`.
    static func names(in text: String, fillers: Set<String>) -> [String] {
        let separators = CharacterSet(charactersIn: ",&/+;")
        let words = text.components(separatedBy: separators).joined(separator: " ").split(separator: " ").map(String.init)
        return words.filter { word in
            let normal = TextNormalizer.words(word).joined()
            return !normal.isEmpty && !fillers.contains(normal) && word.first?.isLetter == true
        }
    }

    static func tidy(_ name: String) -> String {
        let trimmed = name.trimmingWhitespace().trimmingCharacters(in: CharacterSet(charactersIn: ".,!?:;\"'"))
        guard let first = trimmed.first else { return "" }
        return first.uppercased() + trimmed.dropFirst()
    }
}
