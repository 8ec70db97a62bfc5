import Foundation
import IntentEngine

/// The words an introduction is made of that are never names, from `lexicon:` in `Intents/`:
/// fillers ("um", "hi", "just"), the words that lead into a name ("i'm", "this is", "called")
/// and kin and role words ("wife", "bf", "partner"). Data, so a coach can add "hubby" or
/// "missus" without touching Swift.
public struct NameWords: Sendable, Equatable {
    /// Words that are never names and say nothing about where a name is ("um", "tonight").
    public var fillers: Set<String> = []
    /// Phrases right before a name ("i'm", "this is", "my name is", "and"), as word sequences.
    public var cues: [[String]] = []
    /// Kin and role words ("wife", "partner", "bf"): never names, and a name may follow them.
    public var kin: Set<String> = []
    /// Words that may stand between a cue or kin word and its name ("my wife *is* Leila",
    /// "*um* kim"); other words in between mean the name is not where names stand.
    public var links: Set<String> = []
    /// Phrases after which a name is what the person named just before goes by ("i'm
    /// oluwaseun, people *call me* seun"): it takes that name's place.
    public var nicknameCues: [[String]] = []
    /// Phrases right after a name that make it a short form of the name before ("i'm matthias,
    /// *matti for short*"): the same person, so it is left out.
    public var shortFormCues: [[String]] = []
    /// Phrases right after a name that say its person is not here ("mike *is at work*", "tom
    /// *couldnt make it*"): that name is no partner of this session.
    public var absentCues: [[String]] = []
    /// Phrases right before a word that make it a place, not a person ("we're *from* Lisbon",
    /// "we *live in* Leeds"): that word is no name.
    public var placeCues: [[String]] = []
    /// Phrases right before a name that make it what others call the person named before
    /// ("my husband is alejandro but *everyone calls him* ali"): another name of someone
    /// already named, left out when it would make a third.
    public var aliasCues: [[String]] = []
    /// Phrases after which even a word the coach knows is read as a name, to be checked with
    /// the partners ("everyone *calls me* mo", "*my name is* will").
    public var wordCues: [[String]] = []

    public init(fillers: Set<String> = [], cues: [[String]] = [], kin: Set<String> = [], links: Set<String> = [],
                nicknameCues: [[String]] = [], shortFormCues: [[String]] = [], absentCues: [[String]] = [],
                placeCues: [[String]] = [], aliasCues: [[String]] = [], wordCues: [[String]] = []) {
        self.placeCues = placeCues
        self.aliasCues = aliasCues
        self.wordCues = wordCues
        self.fillers = fillers
        self.cues = cues
        self.kin = kin
        self.links = links
        self.nicknameCues = nicknameCues
        self.shortFormCues = shortFormCues
        self.absentCues = absentCues
    }
}

/// Reads partner names from a free introduction: "um hi, im Jordan and this is my wife priya"
/// is Jordan and Priya, "its just me, Dana. my partner wouldnt come" is Dana alone, and so is
/// "just dana tonight, mike is at work" (a name said to be away is no partner).
///
/// A word is a name when it is not one of the introduction's own words (`NameWords`) and is
/// either a word the coach does not otherwise know or typed with a capital inside the line.
/// Where the word stands decides how sure the reading is: right after a cue, a kin word or
/// a comma, or opening the line, it stands where names stand; anywhere else it is a guess the
/// coach checks ("Did I get that right?") before it uses it.
public struct NameParser: Sendable {
    /// What the parser made of a line.
    public struct Reading: Sendable, Equatable {
        /// The names found, tidied ("priya" → "Priya"), in the order typed: none, one or two.
        public var names: [String]
        /// Whether every name stood where names stand and no other word could have been one.
        public var isSure: Bool
    }

    let words: NameWords
    /// Whether a word is an ordinary word the coach knows (the matcher's vocabulary).
    let isOrdinaryWord: @Sendable (String) -> Bool
    /// Whether a word is an English word and no name: in the dictionary
    /// (`Intents/language/dictionary.txt`) and not among the proper nouns ("sam" is in both).
    let isEnglishWord: @Sendable (String) -> Bool

    public init(words: NameWords, isOrdinaryWord: @escaping @Sendable (String) -> Bool,
                isEnglishWord: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.words = words
        self.isOrdinaryWord = isOrdinaryWord
        self.isEnglishWord = isEnglishWord
    }

    /// A parser whose ordinary words are the matcher's: any form of a template's word, or a
    /// chat spelling ("gonna", "rn"), which no template writes but is no name either.
    public init(words: NameWords, matcher: Matcher) {
        self.init(words: words, isOrdinaryWord: { matcher.knows($0) || matcher.language.chatSpellings[$0] != nil },
                  isEnglishWord: { matcher.language.dictionary != nil && !matcher.language.readsAsFirstName($0) })
    }

    private struct Candidate {
        var name: String
        var typedWithCapital: Bool
        var ordinary: Bool
        var placed: Bool
        /// Its token's place in the line.
        var index: Int
        /// Said after an alias cue, with a name before it: another name of someone named.
        var alias = false
    }

    public func read(_ text: String) -> Reading {
        let characters = Array(text)
        let tokens = Self.joiningHyphens(TextNormalizer.tokenize(text), characters)
        var candidates: [Candidate] = []
        var sure = true
        for (index, token) in tokens.enumerated() {
            let word = token.word
            guard word.first?.isLetter == true, word.allSatisfy({ $0.isLetter || $0 == "-" }),
                  !words.fillers.contains(word), !words.kin.contains(word), !words.links.contains(word), !isCueWord(word) else { continue }
            let capital = characters[token.start].isUppercase && index > 0
            let ordinary = isOrdinaryWord(word)
            // "everyone calls me mo": after a word cue, a word the coach knows is a name too (checked).
            if ordinary && !capital && !ends(words.wordCues, at: index - 1, tokens: tokens) {
                // "Will and Grace": a capital opening the line may be a name too.
                if index == 0 && characters[token.start].isUppercase { sure = false }
                continue
            }
            // "just hannah for now, mike is at work": a name said to be away is no partner.
            if starts(words.absentCues, at: index + 1, tokens: tokens) { continue }
            // "its bex (rebecca)": a name in brackets right after a name is that person's other name.
            if let last = candidates.last, last.index == index - 1,
               characters[tokens[index - 1].end..<token.start].contains("(") { continue }
            // "i'm matthias, matti for short": the same person again.
            if !candidates.isEmpty, starts(words.shortFormCues, at: index + 1, tokens: tokens) { continue }
            // "i'm Paulo, she's Ana, we're from Lisbon": a place is no partner.
            if ends(words.placeCues, at: index - 1, tokens: tokens) { continue }
            var candidate = Candidate(name: String(characters[token.start..<token.end]), typedWithCapital: capital,
                                      ordinary: ordinary, placed: isPlaced(index, tokens: tokens, characters: characters), index: index)
            candidate.alias = !candidates.isEmpty && ends(words.aliasCues, at: index - 1, tokens: tokens)
            // "i'm oluwaseun, people call me seun": the name gone by takes the other's place.
            if !candidates.isEmpty, ends(words.nicknameCues, at: index - 1, tokens: tokens) { candidates.removeLast() }
            candidates.append(candidate)
        }
        // Someone who capitalises names does it throughout: then a lower-case word that does
        // not stand where a name stands is an ordinary word the coach happens not to know.
        if candidates.contains(where: \.typedWithCapital) {
            candidates.removeAll { !$0.typedWithCapital && !$0.placed }
        }
        // "sam and alex, we're newlyweds": past two, a word of the dictionary typed in lower
        // case is the ordinary word among them, when leaving those out leaves a couple.
        // "my husband is alejandro but everyone calls him ali": a third name that is another
        // name of one already said is left out.
        if candidates.count > 2 { candidates.removeAll(where: \.alias) }
        if candidates.count > 2 {
            let names = candidates.filter { $0.typedWithCapital || !isEnglishWord($0.name.lowercased()) }
            if names.count == 2 {
                candidates = names
                sure = false
            }
        }
        if candidates.count > 2 {
            candidates.removeAll { !$0.placed }
            sure = false
        }
        var seen: Set<String> = []
        candidates = candidates.filter { seen.insert($0.name.lowercased()).inserted }
        guard (1...2).contains(candidates.count) else { return Reading(names: [], isSure: false) }
        if candidates.contains(where: { !$0.placed || $0.ordinary }) { sure = false }
        return Reading(names: candidates.map { Self.tidy($0.name) }, isSure: sure)
    }

    /// Words joined by a hyphen with no space ("Mary-Jo", "Jean-Luc") as one token: one name,
    /// not two. The normaliser splits them, as it should for "wi-fi" in a template.
    static func joiningHyphens(_ tokens: [Token], _ characters: [Character]) -> [Token] {
        var joined: [Token] = []
        for token in tokens {
            if let last = joined.last, token.start == last.end + 1, characters[last.end] == "-",
               last.word.last?.isLetter == true, token.word.first?.isLetter == true {
                joined[joined.count - 1] = Token(word: last.word + "-" + token.word, start: last.start, end: token.end)
            } else {
                joined.append(token)
            }
        }
        return joined
    }

    /// Whether the word at `index` stands where a name stands: opening the line or a clause
    /// (after a comma, a bracket, "&"), or right after a cue or a kin word, fillers aside (so
    /// "my wife is priya" and "um, kim" both place the name).
    private func isPlaced(_ index: Int, tokens: [Token], characters: [Character]) -> Bool {
        var before = index - 1
        var gapStart = tokens[index].start
        while before >= 0 {
            if characters[tokens[before].end..<gapStart].contains(where: { $0.isPunctuation || $0.isSymbol }) { return true }
            let word = tokens[before].word
            if words.kin.contains(word) { return true }
            if endsCue(at: before, tokens: tokens) { return true }
            guard words.links.contains(word) else { return false }
            gapStart = tokens[before].start
            before -= 1
        }
        return true
    }

    /// Whether a cue phrase ends at token `index`.
    private func endsCue(at index: Int, tokens: [Token]) -> Bool {
        ends(words.cues, at: index, tokens: tokens)
    }

    /// Whether one of `phrases` ends at token `index`.
    private func ends(_ phrases: [[String]], at index: Int, tokens: [Token]) -> Bool {
        guard index >= 0 else { return false }
        for cue in phrases where cue.count <= index + 1 {
            let first = index + 1 - cue.count
            if tokens[first...index].map(\.word) == cue { return true }
        }
        return false
    }

    /// Whether one of `phrases` starts at token `index`.
    private func starts(_ phrases: [[String]], at index: Int, tokens: [Token]) -> Bool {
        phrases.contains { phrase in
            index + phrase.count <= tokens.count && tokens[index..<(index + phrase.count)].map(\.word) == phrase
        }
    }

    private func isCueWord(_ word: String) -> Bool {
        words.cues.contains { $0.count == 1 && $0[0] == word }
    }

    /// "priya" → "Priya", without the punctuation around it.
    public static func tidy(_ name: String) -> String {
        let trimmed = name.trimmingWhitespace().trimmingCharacters(in: CharacterSet(charactersIn: ".,!?:;\"'()"))
        guard !trimmed.isEmpty else { return "" }
        // Each part of a double name: "jean-luc" → "Jean-Luc"; a capital typed inside stays
        // ("LeAnn"), but caps lock or a slip of the shift key does not ("OLUWASEUN", "mAtEo").
        return trimmed.split(separator: "-", omittingEmptySubsequences: false)
            .map { part in
                let cased = isOddlyCased(part) ? part.lowercased() : String(part)
                return cased.first.map { $0.uppercased() + cased.dropFirst() } ?? ""
            }.joined(separator: "-")
    }

    /// Whether a name was typed in capitals throughout (three letters or more: "JJ" stays) or
    /// with a small first letter and capitals scattered after it ("mAtEo"), so its case says
    /// nothing about how it is written. One capital after a small start is the name's own
    /// ("deShawn" is DeShawn, "d'Angelo" D'Angelo).
    private static func isOddlyCased(_ part: Substring) -> Bool {
        let letters = part.filter(\.isLetter)
        guard let first = letters.first else { return false }
        if letters.count >= 3, letters.allSatisfy(\.isUppercase) { return true }
        return first.isLowercase && letters.dropFirst().filter(\.isUppercase).count >= 2
    }
}
