/// The parsed shape of a template (hassil syntax plus bare `*`), before lists and rules are
/// resolved. Offsets are Character offsets into the template text, for diagnostics.
public indirect enum TemplateNode: Sendable, Hashable {
    /// One normalised word.
    case word(String)
    /// Parts in order.
    case sequence([TemplateNode])
    /// Exactly one of the choices: `(a|b)`.
    case alternatives([TemplateNode])
    /// The part or nothing: `[a]`.
    case optional(TemplateNode)
    /// Every part, in any order: `(a;b)`.
    case permutation([TemplateNode])
    /// `{list}` or `{list:slot}`.
    case list(name: String, slot: String, offset: Int)
    /// `<rule>`.
    case rule(name: String, offset: Int)
    /// `*`: one or more words of anything.
    case wildcard
}

/// A syntax problem in one template, with the Character offset where it is.
public struct TemplateSyntaxError: Error, Sendable, Hashable {
    public var offset: Int
    public var message: String
    public var hint: String?
}

/// Parses template text into a `TemplateNode`. Hand-written recursive descent: the grammar is
/// tiny, and errors must point at the exact character.
public struct TemplateParser {
    /// The deepest brackets may nest. Real templates use a few levels; thousands (a hostile
    /// file) would overflow the stack of this recursive parser and of every pass after it.
    public static let maxNestingDepth = 32
    private enum Lexeme: Equatable {
        case open, close, openOptional, closeOptional, bar, semicolon, star
        case list(String), rule(String), text(String)
    }

    /// One lexeme, where it starts, and whether whitespace (or the start of the template)
    /// comes right before it: parts with no space between them are glued into one word.
    private struct Located {
        var lexeme: Lexeme
        var offset: Int
        var spaceBefore: Bool
    }

    /// A parsed part and, when it is made of words and brackets only, every spelling it can
    /// have as raw text (spaces kept), so a part glued to it (`fan[s]`) can be spelled out
    /// with it. nil for lists, rules, wildcards and any-order groups, or too many spellings.
    private struct Parsed {
        var node: TemplateNode
        var spellings: [String]?
    }

    /// The most spellings a glued word may have (`(a|b)(c|d)` has four); more is a sign of a
    /// mistake, and each one is a word the index must hold.
    public static let maxGluedSpellings = 256

    private var lexemes: [Located] = []
    private var position = 0
    /// How many brackets are open at `position`.
    private var depth = 0
    private let length: Int

    private init(length: Int) {
        self.length = length
    }

    /// Parses a whole template.
    public static func parse(_ text: String) -> Result<TemplateNode, TemplateSyntaxError> {
        var parser = TemplateParser(length: text.count)
        do {
            parser.lexemes = try lex(text)
            let node = try parser.parseAlternation(closing: nil, openOffset: 0).node
            if parser.position < parser.lexemes.count {
                let located = parser.lexemes[parser.position]
                let symbol = located.lexeme == .close ? ")" : "]"
                throw TemplateSyntaxError(offset: located.offset, message: "unexpected '\(symbol)' with nothing open",
                                          hint: "remove it or add the matching opening bracket")
            }
            if case .sequence(let parts) = node, parts.isEmpty {
                throw TemplateSyntaxError(offset: 0, message: "empty template", hint: "write at least one word")
            }
            return .success(node)
        } catch let error as TemplateSyntaxError {
            return .failure(error)
        } catch {
            return .failure(TemplateSyntaxError(offset: 0, message: "\(error)"))
        }
    }

    private static func lex(_ text: String) throws -> [Located] {
        var result: [Located] = []
        let characters = Array(text)
        var index = 0
        var wordStart = -1
        func spaceBefore(_ offset: Int) -> Bool { offset == 0 || characters[offset - 1].isWhitespace }
        func add(_ lexeme: Lexeme, at offset: Int) {
            result.append(Located(lexeme: lexeme, offset: offset, spaceBefore: spaceBefore(offset)))
        }
        func flushWord(_ end: Int) {
            if wordStart >= 0 {
                add(.text(String(characters[wordStart..<end])), at: wordStart)
                wordStart = -1
            }
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "(", ")", "[", "]", "|", ";", "*":
                flushWord(index)
                let lexeme: Lexeme = switch character {
                case "(": .open
                case ")": .close
                case "[": .openOptional
                case "]": .closeOptional
                case "|": .bar
                case ";": .semicolon
                default: .star
                }
                add(lexeme, at: index)
            case "{", "<":
                flushWord(index)
                let closer: Character = character == "{" ? "}" : ">"
                guard let end = characters[index...].firstIndex(of: closer) else {
                    throw TemplateSyntaxError(offset: index, message: "unclosed '\(character)'",
                                              hint: "close it with '\(closer)'")
                }
                let name = String(characters[(index + 1)..<end]).trimmingSpaces()
                if name.isEmpty {
                    throw TemplateSyntaxError(offset: index, message: "empty '\(character)\(closer)'",
                                              hint: character == "{" ? "name a list: {feeling}" : "name a rule: <i_feel>")
                }
                add(character == "{" ? .list(name) : .rule(name), at: index)
                index = end
            case "}", ">":
                throw TemplateSyntaxError(offset: index, message: "unexpected '\(character)' with nothing open")
            default:
                if character.isWhitespace {
                    flushWord(index)
                } else if wordStart < 0 {
                    wordStart = index
                }
            }
            index += 1
        }
        flushWord(characters.count)
        return result
    }

    /// alternation := sequence ('|' sequence)*  — or, inside parentheses, parts split by ';'.
    /// An empty alternative (`( |-)`, `(a|)`) means "or nothing", as in hassil; an any-order
    /// part may not be empty.
    private mutating func parseAlternation(closing: Lexeme?, openOffset: Int) throws -> Parsed {
        if closing != nil {
            depth += 1
            if depth > Self.maxNestingDepth {
                throw TemplateSyntaxError(offset: openOffset, message: "brackets nested more than \(Self.maxNestingDepth) deep (the nesting limit)",
                                          hint: "flatten the template: real sentences need only a few levels")
            }
        }
        defer { if closing != nil { depth -= 1 } }
        var choices: [Parsed] = []
        var separator: Lexeme?
        var emptyAt: Int?
        while true {
            let start = position < lexemes.count ? lexemes[position].offset : length
            let sequence = try parseSequence()
            let next = position < lexemes.count ? lexemes[position] : nil
            if sequence.node == .sequence([]) && emptyAt == nil { emptyAt = next?.offset ?? start }
            choices.append(sequence)
            guard let next, next.lexeme == .bar || next.lexeme == .semicolon else { break }
            if separator != nil && separator != next.lexeme {
                throw TemplateSyntaxError(offset: next.offset, message: "'|' and ';' mixed in one group",
                                          hint: "use (a|b) for alternatives and (a;b) for any order, nesting one inside the other")
            }
            if closing == nil && next.lexeme == .semicolon {
                throw TemplateSyntaxError(offset: next.offset, message: "';' outside parentheses",
                                          hint: "write any-order parts inside parentheses: (a;b)")
            }
            separator = next.lexeme
            position += 1
        }
        if separator == .semicolon, let emptyAt {
            throw TemplateSyntaxError(offset: emptyAt, message: "empty any-order part",
                                      hint: "remove the extra ';'")
        }
        if let closing {
            guard position < lexemes.count, lexemes[position].lexeme == closing else {
                let (open, close) = closing == .close ? ("(", ")") : ("[", "]")
                throw TemplateSyntaxError(offset: openOffset, message: "unclosed '\(open)'",
                                          hint: "add the matching '\(close)'")
            }
            position += 1
        }
        if choices.count == 1 { return choices[0] }
        if separator == .semicolon { return Parsed(node: .permutation(choices.map(\.node)), spellings: nil) }
        // Alternatives that may be nothing are an optional part: `(a|)` is `[a]`.
        let nodes = choices.map(\.node)
        let something = nodes.filter { $0 != .sequence([]) }
        let node: TemplateNode = something.count == nodes.count ? .alternatives(nodes)
            : something.isEmpty ? .sequence([])
            : .optional(something.count == 1 ? something[0] : .alternatives(something))
        return Parsed(node: node, spellings: Self.union(choices.map(\.spellings)))
    }

    private mutating func parseSequence() throws -> Parsed {
        // Each part, and whether it is glued to the one before (no space between them).
        var parts: [(parsed: Parsed, glued: Bool, offset: Int)] = []
        let leadingSpace = position < lexemes.count && lexemes[position].spaceBefore
        loop: while position < lexemes.count {
            let located = lexemes[position]
            let glued = !parts.isEmpty && !located.spaceBefore
            let part: Parsed
            switch located.lexeme {
            case .bar, .semicolon, .close, .closeOptional:
                break loop
            case .open:
                position += 1
                if position < lexemes.count, lexemes[position].lexeme == .close {
                    throw TemplateSyntaxError(offset: located.offset, message: "empty group '()'", hint: "put alternatives inside: (a|b)")
                }
                part = try parseAlternation(closing: .close, openOffset: located.offset)
            case .openOptional:
                position += 1
                let body = try parseAlternation(closing: .closeOptional, openOffset: located.offset)
                // `[ ]` and `[%]` (nothing once normalised) are an optional nothing: hassil's
                // way of writing an optional space.
                var node = body.node
                switch node {
                case .optional: break
                case .sequence(let parts) where parts.isEmpty: break
                default: node = .optional(node)
                }
                part = Parsed(node: node, spellings: body.spellings.map { $0.contains("") ? $0 : $0 + [""] })
            case .star:
                position += 1
                part = Parsed(node: .wildcard, spellings: nil)
            case .list(let body):
                position += 1
                let pieces = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
                let name = pieces[0]
                let slot = pieces.count > 1 ? pieces[1] : name
                if name.isEmpty || slot.isEmpty {
                    throw TemplateSyntaxError(offset: located.offset, message: "malformed slot '{\(body)}'", hint: "write {list} or {list:slot}")
                }
                part = Parsed(node: .list(name: name, slot: slot, offset: located.offset), spellings: nil)
            case .rule(let name):
                position += 1
                part = Parsed(node: .rule(name: name, offset: located.offset), spellings: nil)
            case .text(let text):
                position += 1
                part = Parsed(node: Self.node(spelling: text), spellings: [text])
            }
            parts.append((part, glued, located.offset))
        }
        let trailingSpace = position >= lexemes.count || lexemes[position].spaceBefore
        // Glued parts make one word: `fan[s]` is "fan" or "fans", `(light|lamp)s` is "lights"
        // or "lamps". A list, rule or wildcard has no spelling to glue, so it stays a word of
        // its own (hassil would join the text; see Intents/README.md).
        var merged: [(parsed: Parsed, glued: Bool)] = []
        for part in parts {
            if part.glued, let last = merged.last, let before = last.parsed.spellings, let after = part.parsed.spellings {
                guard let spellings = Self.product(before, after, separator: "") else {
                    throw TemplateSyntaxError(offset: part.offset, message: "glued parts spell more than \(Self.maxGluedSpellings) words",
                                              hint: "put a space between the parts, or split the template")
                }
                merged[merged.count - 1] = (Parsed(node: Self.node(spellings: spellings), spellings: spellings), last.glued)
            } else {
                merged.append((part.parsed, part.glued))
            }
        }
        var spellings: [String]? = [""]
        for (index, part) in merged.enumerated() {
            guard let known = spellings, let next = part.parsed.spellings else { spellings = nil; break }
            spellings = Self.product(known, next, separator: index == 0 || part.glued ? "" : " ")
        }
        if leadingSpace { spellings = spellings?.map { " " + $0 } }
        if trailingSpace { spellings = spellings?.map { $0 + " " } }
        var nodes: [TemplateNode] = []
        for part in merged {
            if case .sequence(let inner) = part.parsed.node, inner.allSatisfy({ if case .word = $0 { true } else { false } }) {
                nodes += inner
            } else {
                nodes.append(part.parsed.node)
            }
        }
        return Parsed(node: nodes.count == 1 ? nodes[0] : .sequence(nodes), spellings: spellings)
    }

    /// The words of one raw spelling: one word, several, or none (`%`, `-`).
    private static func node(spelling: String) -> TemplateNode {
        let words = TextNormalizer.words(spelling).map(TemplateNode.word)
        return words.count == 1 ? words[0] : .sequence(words)
    }

    /// The node for a glued word's spellings: one of them, or nothing when one spells nothing.
    private static func node(spellings: [String]) -> TemplateNode {
        var seen: Set<TemplateNode> = []
        var choices: [TemplateNode] = []
        var canBeEmpty = false
        for spelling in spellings {
            let node = node(spelling: spelling)
            if node == .sequence([]) { canBeEmpty = true } else if seen.insert(node).inserted { choices.append(node) }
        }
        guard !choices.isEmpty else { return .sequence([]) }
        let choice = choices.count == 1 ? choices[0] : .alternatives(choices)
        return canBeEmpty ? .optional(choice) : choice
    }

    /// Every spelling of `before` followed by every spelling of `after`; nil past the limit.
    private static func product(_ before: [String], _ after: [String], separator: String) -> [String]? {
        guard before.count * after.count <= maxGluedSpellings else { return nil }
        var result: [String] = []
        var seen: Set<String> = []
        for first in before {
            for second in after where seen.insert(first + separator + second).inserted { result.append(first + separator + second) }
        }
        return result
    }

    /// The spellings of any one of the choices; nil when a choice has none or past the limit.
    private static func union(_ choices: [[String]?]) -> [String]? {
        var result: [String] = []
        var seen: Set<String> = []
        for choice in choices {
            guard let choice else { return nil }
            for spelling in choice where seen.insert(spelling).inserted { result.append(spelling) }
        }
        return result.count <= maxGluedSpellings ? result : nil
    }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
