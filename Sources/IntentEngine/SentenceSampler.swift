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
        var samples: [String: [[String]]] = [:]
        return expand(node, depth: 0, samples: &samples)
    }

    /// `samples` holds each rule's and list's sentences once worked out: a rule used twice
    /// at every level would otherwise be expanded twice as often per level.
    private func expand(_ node: TemplateNode, depth: Int, samples: inout [String: [[String]]]) -> [[String]] {
        guard depth < 24 else { return [[]] }
        switch node {
        case .word(let word):
            return [[word]]
        case .wildcard:
            return [[Self.filler]]
        case .sequence(let parts):
            return combine(parts.map { expand($0, depth: depth + 1, samples: &samples) })
        case .alternatives(let choices):
            var result: [[String]] = []
            for choice in choices where result.count < limit { result += expand(choice, depth: depth + 1, samples: &samples) }
            return Array(result.prefix(limit))
        case .optional(let body):
            return Array(([[]] + expand(body, depth: depth + 1, samples: &samples)).prefix(limit))
        case .permutation(let parts):
            let expanded = parts.map { expand($0, depth: depth + 1, samples: &samples) }
            return combine(expanded) + combine(expanded.reversed()).prefix(1)
        case .list(let name, _, _) where name.hasPrefix("~"):
            // A concept says one of its members: the first two, as a list says its first values.
            guard let concept = content.language.concepts[String(name.dropFirst())] else { return [[]] }
            return Array(concept.members.prefix(2))
        case .list(let name, _, _):
            guard let list = content.lists[name] else { return [[]] }
            if list.isWildcard { return [[Self.filler]] }
            if list.isFirstName { return [[FirstNameReading.sample]] }
            if let known = samples["{\(name)}"] { return known }
            samples["{\(name)}"] = [[]]
            var result: [[String]] = []
            for value in list.values.prefix(2) { result += expand(value.spoken, depth: depth + 1, samples: &samples).prefix(1) }
            samples["{\(name)}"] = result
            return result
        case .rule(let name, _):
            guard let rule = content.rules[name] else { return [[]] }
            if let known = samples["<\(name)>"] { return known }
            samples["<\(name)>"] = [[]]
            let result = expand(rule.body.node, depth: depth + 1, samples: &samples)
            samples["<\(name)>"] = result
            return result
        }
    }

    /// Every part's sentences one after another, up to `limit` combinations.
    private func combine(_ parts: [[[String]]]) -> [[String]] {
        var result: [[String]] = [[]]
        for tails in parts {
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
    }
}
