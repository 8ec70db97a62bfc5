import Foundation
import Testing
@testable import IntentEngine

/// Hostile content (issue 14): each input once crashed, trapped or ran away. Now each is a
/// diagnostic at `file:line:col` that names the limit it broke, and loading goes on.
@Suite(.timeLimit(.minutes(1))) struct ContentLimitsTests {
    /// Loads and compiles one file, lints it too (lint samples sentences and matches them),
    /// and returns every diagnostic as text.
    private func lint(_ yaml: String) -> [String] {
        let (content, loaded) = ContentLoader.load(files: [("bad.yaml", yaml)])
        let (matcher, compiled) = IntentCompiler.compile(content)
        let linted = IntentLinter(content: content, matcher: matcher).check()
        _ = matcher.match("hi there a b c d e f")
        return (loaded + compiled + linted).map(\.description)
    }

    /// Lint of `yaml` reports each of `messages` (a diagnostic holding it).
    private func expectLint(_ yaml: String, reports messages: String..., sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = lint(yaml)
        for message in messages {
            #expect(found.contains { $0.contains(message) }, "no \"\(message)\" in \(found.prefix(3))", sourceLocation: sourceLocation)
        }
    }

    /// A file of `levels` rules, each rule's body made by `body` from the name of the next,
    /// the last one `last`, and one intent that uses the first.
    private func ruleChain(levels: Int, last: String, body: (String) -> String) -> String {
        var yaml = "rules:\n"
        for level in 0..<levels { yaml += "  r\(level): \"\(body("r\(level + 1)"))\"\n" }
        return yaml + "  r\(levels): \(last)\nintents: {x: {templates: [\"<r0>\"]}}\n"
    }

    @Test func aSlotWithNoNamesIsMalformed() {
        expectLint("intents: {x: {templates: [\"{:}\"]}}\n", reports: "bad.yaml:1:28: error: malformed slot '{:}'")
    }

    @Test func anEmptyListIsAnErrorNotACrash() {
        expectLint("lists: {e: {}}\nintents: {x: {templates: [\"hi {e}\"]}}\n", reports: "bad.yaml:1:9: error: list 'e' has no values")
    }

    @Test func aListValueWithAnUnbalancedParenthesis() {
        expectLint("lists:\n  e:\n    values: [\"(sad\"]\nintents: {x: {templates: [\"hi {e}\"]}}\n", reports: "bad.yaml:3:15: error: unclosed '('", "bad.yaml:2:3: error: list 'e' has no values")
    }

    @Test func optionalsNestedPastTheLimit() {
        let depth = 20_000
        let template = String(repeating: "[", count: depth) + "a" + String(repeating: "]", count: depth)
        let found = lint("intents: {x: {templates: [\"\(template)\"]}}\n")
        let column = 28 + TemplateParser.maxNestingDepth
        #expect(found.contains { $0.hasPrefix("bad.yaml:1:\(column): error: brackets nested more than \(TemplateParser.maxNestingDepth) deep") }, "\(found.prefix(3))")
    }

    @Test func rulesNestedPastTheLimit() {
        expectLint(ruleChain(levels: 5_000, last: "y") { "x <\($0)>" }, reports: "rules and lists nested more than \(IntentCompiler.maxReferenceDepth) deep")
    }

    @Test func permutationsNestedThreeDeepHitTheExpansionLimit() {
        let inner = "(a;b;c;d;e)"
        let middle = "(" + Array(repeating: inner, count: 5).joined(separator: ";") + ")"
        let outer = "(" + Array(repeating: middle, count: 5).joined(separator: ";") + ")"
        expectLint("intents: {x: {templates: [\"\(outer)\"]}}\n", reports: "bad.yaml:1:28: error: template expands to more than \(IntentCompiler.maxTemplateSize) instructions")
    }

    @Test func aRuleUsedTwiceAtEveryLevelIsBoundedToo() {
        // Each rule doubles the one below: 2^30 words if expanded.
        expectLint(ruleChain(levels: 30, last: "(a|b)") { "<\($0)> <\($0)>" }, reports: "template expands to more than \(IntentCompiler.maxTemplateSize) instructions")
    }

    @Test func yamlAliasesAreRefusedBeforeTheyExpand() {
        var yaml = "a: &a [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]\n"
        for (level, name) in ["b", "c", "d", "e", "f", "g", "h"].enumerated() {
            let previous = level == 0 ? "a" : ["b", "c", "d", "e", "f", "g", "h"][level - 1]
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        expectLint(yaml, reports: "bad.yaml:1:4: error: YAML anchors and aliases are not supported")
    }

    @Test func anAliasAsAMappingKeyIsRefusedToo() {
        expectLint("a: &a [x, y]\n? *a\n: z\n", reports: "YAML anchors and aliases are not supported")
    }

    @Test(arguments: [".", "..", "talk.", ".reply", " "])
    func aStateWithAnEmptyFlowIsNamed(_ state: String) {
        #expect(MatchContext.problem(in: state) != nil)
        // Matching in such a state never traps.
        _ = matcher(sampleContent).match("hello", context: MatchContext(parsing: state))
    }

    @Test func wellFormedStatesHaveNoProblem() {
        for state in ["idle", "talk", "talk.reply", "mirroring.*"] { #expect(MatchContext.problem(in: state) == nil, "\(state)") }
    }

    @Test func aFixtureStateWithNoFlowIsADiagnostic() {
        let (fixtures, found) = IntentFixtureReader.read(data: Data("greet:\n  - {text: hello, state: \".\"}\n".utf8), file: "f.yaml")
        #expect(fixtures.isEmpty)
        #expect(found.map(\.description).contains { $0.hasPrefix("f.yaml:2:27: error: state '.'") }, "\(found)")
    }
}
