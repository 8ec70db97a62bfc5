/// Writes out example sentences a template accepts, so `lint` can check what each template
/// really says against every other intent. Wildcards become a neutral filler word.
public struct SentenceSampler {
    /// The word a `*` or wildcard list stands for in a sample.
    public static let filler = "something"
    let content: IntentContent
    let limit: Int

    public init(content: IntentContent, limit: Int = 24) {
        self.content = content
        self.limit = limit
    }

    /// Up to `limit` sentences of `node`, each a list of words.
    public func sentences(of node: TemplateNode) -> [[String]] {
        expand(node, depth: 0)
    }

    private func expand(_ node: TemplateNode, depth: Int) -> [[String]] {
        guard depth < 24 else { return [[]] }
        switch node {
        case .word(let word):
            return [[word]]
        case .wildcard:
            return [[Self.filler]]
        case .sequence(let parts):
            var result: [[String]] = [[]]
            for part in parts {
                let tails = expand(part, depth: depth + 1)
                var combined: [[String]] = []
                outer: for head in result {
                    for tail in tails {
                        combined.append(head + tail)
                        if combined.count >= limit { break outer }
                    }
                }
                result = combined
            }
            return result
        case .alternatives(let choices):
            return Array(choices.flatMap { expand($0, depth: depth + 1) }.prefix(limit))
        case .optional(let body):
            return Array(([[]] + expand(body, depth: depth + 1)).prefix(limit))
        case .permutation(let parts):
            return expand(.sequence(parts), depth: depth + 1) + expand(.sequence(parts.reversed()), depth: depth + 1).prefix(1)
        case .list(let name, _, _):
            guard let list = content.lists[name] else { return [[]] }
            if list.isWildcard { return [[Self.filler]] }
            return Array(list.values.prefix(2).flatMap { expand($0.spoken, depth: depth + 1).prefix(1) })
        case .rule(let name, _):
            guard let rule = content.rules[name] else { return [[]] }
            return expand(rule.body.node, depth: depth + 1)
        }
    }
}
