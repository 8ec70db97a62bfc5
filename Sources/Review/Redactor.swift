import TranscriptFormat

/// Replaces partners' names with "Partner A", "Partner B", … and masks identifying details,
/// for reports meant to be shared (a therapist, a bug report).
///
/// Aliases follow the order names first appear in, so the same transcripts always redact the
/// same way, and one person keeps one alias across every session of a report.
public struct Redactor: Sendable, Equatable {
    /// Name → alias, for every name seen.
    public private(set) var aliases: [String: String] = [:]
    private var order: [String] = []

    /// A redactor for these names, in order of first appearance (duplicates ignored).
    public init(namesInOrder names: [String] = []) {
        for name in names { register(name) }
    }

    /// Gives `name` the next alias if it has none.
    public mutating func register(_ name: String) {
        guard aliases[name] == nil else { return }
        aliases[name] = Redactor.alias(forIndex: order.count)
        order.append(name)
    }

    /// `name`'s alias (an unknown name is masked as "Partner ?" rather than shown).
    public func name(_ name: String) -> String {
        aliases[name] ?? "Partner ?"
    }

    /// Free text with details masked and known names replaced.
    public func text(_ text: String) -> String {
        SensitiveTextMasker.mask(text, names: order.map { (name: $0, alias: aliases[$0]!) })
    }

    /// "Partner A" … "Partner Z", then "Partner 27", …
    static func alias(forIndex index: Int) -> String {
        if index < 26 { return "Partner " + String(UnicodeScalar(UInt8(65 + index))) }
        return "Partner \(index + 1)"
    }
}
