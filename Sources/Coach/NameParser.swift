import Foundation
import IntentEngine

/// Reads partner names from a free answer ("Alex and Sam", "I'm Jo").
enum NameParser {
    static let fillers: Set<String> = ["and", "i", "im", "am", "we", "are", "were", "its", "it", "is", "my", "name", "names",
                                       "our", "me", "just", "hi", "hello", "hey", "this", "the", "here", "with", "partner", "solo", "alone", "only", "call", "us"]

    static func names(in text: String) -> [String] {
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

import Foundation
