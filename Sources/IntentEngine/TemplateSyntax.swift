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

    private var lexemes: [(lexeme: Lexeme, offset: Int)] = []
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
            let node = try parser.parseAlternation(closing: nil, openOffset: 0)
            if parser.position < parser.lexemes.count {
                let (lexeme, offset) = parser.lexemes[parser.position]
                let symbol = lexeme == .close ? ")" : "]"
                throw TemplateSyntaxError(offset: offset, message: "unexpected '\(symbol)' with nothing open",
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

    private static func lex(_ text: String) throws -> [(lexeme: Lexeme, offset: Int)] {
        var result: [(lexeme: Lexeme, offset: Int)] = []
        let characters = Array(text)
        var index = 0
        var wordStart = -1
        func flushWord(_ end: Int) {
            if wordStart >= 0 {
                result.append((.text(String(characters[wordStart..<end])), wordStart))
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
                result.append((lexeme, index))
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
                result.append((character == "{" ? .list(name) : .rule(name), index))
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
    private mutating func parseAlternation(closing: Lexeme?, openOffset: Int) throws -> TemplateNode {
        if closing != nil {
            depth += 1
            if depth > Self.maxNestingDepth {
                throw TemplateSyntaxError(offset: openOffset, message: "brackets nested more than \(Self.maxNestingDepth) deep (the nesting limit)",
                                          hint: "flatten the template: real sentences need only a few levels")
            }
        }
        defer { if closing != nil { depth -= 1 } }
        var choices: [TemplateNode] = []
        var separator: Lexeme?
        while true {
            let start = position < lexemes.count ? lexemes[position].offset : length
            let sequence = try parseSequence()
            let next = position < lexemes.count ? lexemes[position] : nil
            let isEmpty: Bool
            if case .sequence(let parts) = sequence { isEmpty = parts.isEmpty } else { isEmpty = false }
            if let next, next.lexeme == .bar || next.lexeme == .semicolon {
                if separator != nil && separator != next.lexeme {
                    throw TemplateSyntaxError(offset: next.offset, message: "'|' and ';' mixed in one group",
                                              hint: "use (a|b) for alternatives and (a;b) for any order, nesting one inside the other")
                }
                if closing == nil && next.lexeme == .semicolon {
                    throw TemplateSyntaxError(offset: next.offset, message: "';' outside parentheses",
                                              hint: "write any-order parts inside parentheses: (a;b)")
                }
                if isEmpty {
                    throw TemplateSyntaxError(offset: next.offset, message: "empty alternative",
                                              hint: "remove the extra '\(next.lexeme == .bar ? "|" : ";")', or use [optional] for something that may be left out")
                }
                separator = next.lexeme
                choices.append(sequence)
                position += 1
                continue
            }
            if isEmpty && separator != nil {
                throw TemplateSyntaxError(offset: start, message: "empty alternative",
                                          hint: "remove the trailing separator, or use [optional] for something that may be left out")
            }
            choices.append(sequence)
            break
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
        return separator == .semicolon ? .permutation(choices) : .alternatives(choices)
    }

    private mutating func parseSequence() throws -> TemplateNode {
        var parts: [TemplateNode] = []
        loop: while position < lexemes.count {
            let (lexeme, offset) = lexemes[position]
            switch lexeme {
            case .bar, .semicolon, .close, .closeOptional:
                break loop
            case .open:
                position += 1
                if position < lexemes.count, lexemes[position].lexeme == .close {
                    throw TemplateSyntaxError(offset: offset, message: "empty group '()'", hint: "put alternatives inside: (a|b)")
                }
                parts.append(try parseAlternation(closing: .close, openOffset: offset))
            case .openOptional:
                position += 1
                if position < lexemes.count, lexemes[position].lexeme == .closeOptional {
                    throw TemplateSyntaxError(offset: offset, message: "empty optional '[]'", hint: "put the optional words inside: [really]")
                }
                parts.append(.optional(try parseAlternation(closing: .closeOptional, openOffset: offset)))
            case .star:
                position += 1
                parts.append(.wildcard)
            case .list(let body):
                position += 1
                let pieces = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
                let name = pieces[0]
                let slot = pieces.count > 1 ? pieces[1] : name
                if name.isEmpty || slot.isEmpty {
                    throw TemplateSyntaxError(offset: offset, message: "malformed slot '{\(body)}'", hint: "write {list} or {list:slot}")
                }
                parts.append(.list(name: name, slot: slot, offset: offset))
            case .rule(let name):
                position += 1
                parts.append(.rule(name: name, offset: offset))
            case .text(let text):
                position += 1
                parts.append(contentsOf: TextNormalizer.words(text).map(TemplateNode.word))
            }
        }
        return parts.count == 1 ? parts[0] : .sequence(parts)
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
