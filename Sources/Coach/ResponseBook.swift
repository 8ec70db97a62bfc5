import IntentEngine

/// The coach's lines from `responses:`, each with variants, and the safety resources from
/// `resources:`. Rendering fills each `{name}` from the turn's variables.
public struct ResponseBook: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var location: SourceLocation
        public var variants: [String]
    }

    public private(set) var entries: [String: Entry] = [:]
    /// Safety kind → resource lines, kept in content so they can be localised without code.
    public private(set) var resources: [String: [String]] = [:]
    public private(set) var resourceLocations: [String: SourceLocation] = [:]

    static func load(responses: [String: NamedSection], resources: [String: NamedSection]) -> (ResponseBook, [Diagnostic]) {
        var book = ResponseBook()
        var diagnostics: [Diagnostic] = []
        for (name, section) in responses.sorted(by: { $0.key < $1.key }) {
            let variants = FlowLoader.texts(section.value, name, &diagnostics)
            if variants.isEmpty {
                diagnostics.append(.error(at: section.location, "response '\(name)' has no text"))
                continue
            }
            book.entries[name] = Entry(name: name, location: section.location, variants: variants)
        }
        for (kind, section) in resources.sorted(by: { $0.key < $1.key }) {
            let lines = FlowLoader.texts(section.value, kind, &diagnostics)
            if lines.isEmpty { diagnostics.append(.error(at: section.location, "resources for '\(kind)' are empty")) }
            book.resources[kind] = lines
            book.resourceLocations[kind] = section.location
        }
        return (book, diagnostics)
    }

    mutating func add(entry: Entry) {
        entries[entry.name] = entry
    }

    mutating func add(resources lines: [String], for kind: String, at location: SourceLocation) {
        resources[kind] = lines
        resourceLocations[kind] = location
    }

    /// Whether a named response exists.
    public func has(_ name: String) -> Bool { entries[name] != nil }

    /// The variants of a reference.
    func variants(of reference: ResponseReference) -> [String] {
        switch reference {
        case .named(let name, _): return entries[name]?.variants ?? []
        case .inline(let variants, _, _): return variants
        }
    }

    /// Chooses a variant with `random` and fills in its `{name}`s; nil if there is no text.
    /// `avoiding` says which texts were said a moment ago: the next variant that reads
    /// differently is taken instead (one draw either way, so the seeded choices that follow
    /// stay the same).
    func render(_ reference: ResponseReference, random: inout SeededGenerator, avoiding: (String) -> Bool = { _ in false },
                lookup: (String) -> String?) -> String? {
        let options = variants(of: reference)
        guard !options.isEmpty else { return nil }
        let drawn = random.index(below: options.count)
        let first = Self.fill(options[drawn], lookup: lookup)
        guard avoiding(first) else { return first }
        for offset in 1..<max(1, options.count) {
            let text = Self.fill(options[(drawn + offset) % options.count], lookup: lookup)
            if !avoiding(text) { return text }
        }
        return first
    }

    /// Renders the named response, if present.
    func render(_ name: String, random: inout SeededGenerator, lookup: (String) -> String?) -> String? {
        render(.named(name, SourceLocation(file: "", line: 0, column: 0)), random: &random, lookup: lookup)
    }

    /// Replaces each `{name}` with its value. A name not set this turn (a step that was
    /// skipped) is left empty rather than shown as `{name}`; lint reports names that can
    /// never be set.
    static func fill(_ template: String, _ variables: [String: String], sentenceCase: Bool = true) -> String {
        fill(template, sentenceCase: sentenceCase) { variables[$0] }
    }

    /// The same, asking `lookup` for each name, so no table of every variable is built.
    static func fill(_ template: String, sentenceCase: Bool = true, lookup: (String) -> String?) -> String {
        // Braces are ASCII, so the text is scanned as bytes: no Characters are formed.
        let bytes = template.utf8
        guard bytes.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        result.reserveCapacity(bytes.count + 32)
        var rest = bytes.startIndex
        while let open = bytes[rest...].firstIndex(of: UInt8(ascii: "{")) {
            result += template[rest..<open]
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else {
                rest = open
                break
            }
            let name = String(template[bytes.index(after: open)..<close])
            rest = bytes.index(after: close)
            guard let value = lookup(name) ?? (Self.isVariableName(name) ? "" : nil) else {
                result += template[open..<rest]
                continue
            }
            // A value that opens a sentence starts with a capital: "Nice. You finished…".
            let last = result.utf8.last { $0 != UInt8(ascii: " ") }
            if sentenceCase, last == nil || [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\n")].contains(last!),
               let first = value.first, first.isLowercase {
                result += first.uppercased() + value.dropFirst()
            } else {
                result += value
            }
        }
        result += template[rest...]
        return result
    }

    static func isVariableName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }

    /// The `{name}`s a text uses.
    static func variableNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var slice = Substring(self)
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
