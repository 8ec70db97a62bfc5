/// How many instructions a template will compile to, worked out from its parsed shape
/// before anything is emitted, so that a template that would expand to millions
/// (any-order groups nested in any-order groups, a rule used twice at every level) is
/// refused at once instead of eating the machine. Sizes of rules and lists are remembered:
/// working them out is linear in the content, however often each is used.
struct CompiledSizeEstimate {
    /// Past this every size is the same "far too big"; keeps the arithmetic from overflowing.
    static let ceiling = 1 << 40
    private var known: [String: Int] = [:]
    private var following: Set<String> = []

    /// The instructions `node` compiles to (about: the compiler may share a little).
    mutating func size(of node: TemplateNode, in content: IntentContent) -> Int {
        size(node, content: content, references: 0).size
    }

    /// `complete` is false when a reference chain was cut off (the compiler reports that
    /// itself); such a size is too small to remember.
    private mutating func size(_ node: TemplateNode, content: IntentContent, references: Int) -> (size: Int, complete: Bool) {
        switch node {
        case .word:
            return (1, true)
        case .wildcard:
            return (2, true)
        case .optional(let body):
            let inner = size(body, content: content, references: references)
            return (Self.add(inner.size, 1), inner.complete)
        case .sequence(let parts), .alternatives(let parts):
            var total = 0, complete = true
            for part in parts {
                let inner = size(part, content: content, references: references)
                total = Self.add(total, inner.size)
                complete = complete && inner.complete
            }
            if case .alternatives = node { total = Self.add(total, parts.count) }
            return (total, complete)
        case .permutation(let parts):
            var total = 0, complete = true
            for part in parts {
                let inner = size(part, content: content, references: references)
                total = Self.add(total, inner.size)
                complete = complete && inner.complete
            }
            // Every order is emitted in full; more parts than allowed is reported on its own.
            let orders = (1...max(1, min(parts.count, IntentCompiler.maxPermutationParts))).reduce(1, *)
            return (Self.multiply(Self.add(total, 1), orders), complete)
        case .list(let name, _, _):
            guard let list = content.lists[name], !list.isWildcard, !list.isFirstName else { return (3, true) }
            return reference("{\(name)}", content: content, references: references) { estimate, references in
                var total = 1, complete = true
                for value in list.values {
                    let inner = estimate.size(value.spoken, content: content, references: references)
                    total = Self.add(total, Self.add(inner.size, 2))
                    complete = complete && inner.complete
                }
                return (total, complete)
            }
        case .rule(let name, _):
            guard let rule = content.rules[name] else { return (0, true) }
            return reference("<\(name)>", content: content, references: references) { estimate, references in
                estimate.size(rule.body.node, content: content, references: references)
            }
        }
    }

    private mutating func reference(_ key: String, content: IntentContent, references: Int,
                                    _ body: (inout CompiledSizeEstimate, Int) -> (size: Int, complete: Bool)) -> (size: Int, complete: Bool) {
        if let size = known[key] { return (size, true) }
        // A rule that uses itself, or a chain past the limit: the compiler reports both.
        guard references < IntentCompiler.maxReferenceDepth, following.insert(key).inserted else { return (0, false) }
        defer { following.remove(key) }
        let result = body(&self, references + 1)
        if result.complete { known[key] = result.size }
        return result
    }

    private static func add(_ a: Int, _ b: Int) -> Int { min(ceiling, a + b) }
    private static func multiply(_ a: Int, _ b: Int) -> Int { a >= ceiling / max(b, 1) ? ceiling : a * b }
}
