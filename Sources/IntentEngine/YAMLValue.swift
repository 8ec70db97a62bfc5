import Foundation
import Yams

/// A YAML value that remembers where it was written, so every content error can name
/// `file:line:col`. Yams stays behind this one type; the rest of Attune reads these values.
public indirect enum YAMLValue: Sendable {
    case scalar(String, SourceLocation, quoted: Bool)
    case sequence([YAMLValue], SourceLocation)
    case mapping([(key: String, keyLocation: SourceLocation, value: YAMLValue)], SourceLocation)
    case null(SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, let location, _), .sequence(_, let location), .mapping(_, let location), .null(let location):
            return location
        }
    }

    /// The text of a scalar, or nil for anything else.
    public var string: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    /// Describes the kind of value, for messages such as "expected a list, found a mapping".
    public var kindName: String {
        switch self {
        case .scalar: return "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .null: return "nothing"
        }
    }

    /// Where the first character of a scalar's text is, given quoting.
    public var textStart: SourceLocation {
        if case .scalar(_, let location, let quoted) = self, quoted { return location.advanced(by: 1) }
        return location
    }
}

/// Reads one YAML file into a `YAMLValue`, turning every failure into a diagnostic.
public enum YAMLFileReader {
    public static func read(data: Data, file: String) -> Result<YAMLValue, ContentError> {
        guard let text = String(data: data, encoding: .utf8) else {
            let location = firstInvalidUTF8(in: data, file: file)
            return .failure(ContentError([.error(
                at: location, "file is not valid UTF-8",
                hint: "save the file as UTF-8")]))
        }
        do {
            // The basic resolver: Attune reads every scalar as text and decides types itself,
            // which skips Yams's regular-expression tag resolution (most of its parse time).
            // The parser is kept alive while converting: nodes know their anchors only
            // through it.
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let node = try parser.singleRoot() else {
                return .success(.null(SourceLocation(file: file, line: 1, column: 1)))
            }
            return try withExtendedLifetime(parser) { .success(try convert(node, file: file)) }
        } catch let refused as AnchorRefused {
            return .failure(ContentError([.error(
                at: refused.location, "YAML anchors and aliases are not supported (&\(refused.name))",
                hint: "write the value out in full; aliases can multiply a small file into gigabytes")]))
        } catch let error as YamlError {
            return .failure(ContentError([diagnostic(for: error, file: file)]))
        } catch {
            return .failure(ContentError([.error(
                at: SourceLocation(file: file, line: 1, column: 1), "could not read YAML: \(error)")]))
        }
    }

    /// An anchor was met. Aliases share the anchored node, so converting them would copy
    /// it once per use (a few hundred bytes of nested aliases are billions of values);
    /// the anchor comes first in the file, so converting stops before any copy is made.
    private struct AnchorRefused: Error {
        var name: String
        var location: SourceLocation
    }

    private static func anchor(of node: Node) -> Anchor? {
        switch node {
        case .scalar(let scalar): return scalar.anchor
        case .sequence(let sequence): return sequence.anchor
        case .mapping(let mapping): return mapping.anchor
        case .alias(let alias): return alias.anchor
        }
    }

    private static func convert(_ node: Node, file: String) throws -> YAMLValue {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        if let anchor = anchor(of: node) { throw AnchorRefused(name: anchor.rawValue, location: location) }
        switch node {
        case .scalar(let scalar):
            if scalar.tag.description == Tag.Name.null.rawValue || (scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)) {
                return .null(location)
            }
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            return .scalar(scalar.string, location, quoted: quoted)
        case .sequence(let sequence):
            return .sequence(try sequence.map { try convert($0, file: file) }, location)
        case .mapping(let mapping):
            var pairs: [(key: String, keyLocation: SourceLocation, value: YAMLValue)] = []
            for (key, value) in mapping {
                let keyLocation = SourceLocation(file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)
                if let anchor = anchor(of: key) { throw AnchorRefused(name: anchor.rawValue, location: keyLocation) }
                pairs.append((key.string ?? "\(key.any)", keyLocation, try convert(value, file: file)))
            }
            return .mapping(pairs, location)
        case .alias:
            return .null(location)
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return .error(at: SourceLocation(file: file, line: mark.line, column: mark.column), message,
                          hint: "check indentation, quotes and colons; quote a template that starts with [ { * or contains ': '")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                          "duplicate key \(duplicates.joined(separator: ", ")) in one mapping",
                          hint: "each key may appear once; merge the two entries")
        case .reader(let problem, _, _, _):
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "could not read: \(problem)")
        default:
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "invalid YAML: \(error)")
        }
    }

    private static func firstInvalidUTF8(in data: Data, file: String) -> SourceLocation {
        let bytes = [UInt8](data)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && index + length <= bytes.count
            if valid {
                for offset in 1..<max(length, 1) where bytes[index + offset] & 0xC0 != 0x80 { valid = false }
            }
            if !valid {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                return SourceLocation(file: file, line: line, column: column)
            }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }
}
