import IntentEngine

/// What a step keeps of an answer for what the couple made (a date plan, repair phrases, the
/// parts of an "I feel" statement): the content without its hedges and fillers ("i guess",
/// "maybe", "kinda", "um"). "maybe a picnic i guess" is saved as "a picnic", "I feel kinda
/// hurt" as "I feel hurt". The words are data (`hedges` in `Intents/lexicon.yaml`); a hedge
/// after a word of `hedge_keepers` is content ("that kind of thing"), and a line that is
/// nothing but hedges is kept as said.
enum HedgeStripping {
    /// `text` without the hedges it holds, spacing and the commas around them tidied.
    static func strip(_ text: String, lexicon: Lexicon) -> String {
        guard !lexicon.hedges.isEmpty else { return text }
        let tokens = TextNormalizer.tokenize(text)
        let words = tokens.map(\.word)
        var cut: [Range<Int>] = []
        var index = 0
        while index < words.count {
            let afterKeeper = index > 0 && lexicon.hedgeKeepers.contains(words[index - 1])
            if !afterKeeper, let phrase = lexicon.hedges.first(where: { starts(words, at: index, with: $0) }) {
                cut.append(tokens[index].start..<tokens[index + phrase.count - 1].end)
                index += phrase.count
            } else {
                index += 1
            }
        }
        guard !cut.isEmpty else { return text }
        var characters = Array(text)
        for range in cut.reversed() {
            // A hedge takes a comma after it with it: "maybe, a picnic" → "a picnic".
            var end = range.upperBound
            while end < characters.count, characters[end] == " " { end += 1 }
            if end < characters.count, characters[end] == "," { end += 1 } else { end = range.upperBound }
            characters.removeSubrange(range.lowerBound..<end)
        }
        let kept = tidy(String(characters))
        return TextNormalizer.words(kept).isEmpty ? text : kept
    }

    private static func starts(_ words: [String], at index: Int, with phrase: [String]) -> Bool {
        guard !phrase.isEmpty, index + phrase.count <= words.count else { return false }
        return zip(words[index..<(index + phrase.count)], phrase).allSatisfy { $0 == $1 }
    }

    /// Runs of spaces as one, no space before a comma, and no comma or space at either end.
    private static func tidy(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == " ", result.last == " " || result.isEmpty { continue }
            if character == ",", result.last == " " { result.removeLast() }
            if character == ",", result.last == "," { continue }
            result.append(character)
        }
        while let first = result.first, first == "," || first == " " { result.removeFirst() }
        while let last = result.last, last == "," || last == " " { result.removeLast() }
        return result
    }
}
