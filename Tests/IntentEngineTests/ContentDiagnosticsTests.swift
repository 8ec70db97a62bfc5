import Foundation
import Testing
@testable import IntentEngine

@Suite struct ContentDiagnosticsTests {
    @Test func malformedYAMLNamesTheLine() {
        let found = diagnostics("intents:\n  greet:\n    templates: [hi\n  bad: : :\n")
        #expect(found.count == 1)
        #expect(found[0].location.file == "test.yaml")
        #expect(found[0].location.line >= 3)
        #expect(found[0].message.hasPrefix("invalid YAML"))
    }

    @Test func unknownKeysAreErrorsWithAHint() {
        let found = diagnostics("intents:\n  greet:\n    templets: [hi]\nflow: {}\n")
        #expect(found.map(\.description).contains { $0.contains("test.yaml:3:5: error: unknown key 'templets' in intent 'greet'") })
        #expect(found.map(\.description).contains { $0.contains("test.yaml:4:1: error: unknown top-level key 'flow'") })
    }

    @Test func coverageMustBeAShareOfTheLine() {
        for bad in ["1.5", "0", "most"] {
            let found = diagnostics("intents:\n  done:\n    templates: [thats all]\n    coverage: \(bad)\n")
            #expect(found.map(\.description).contains { $0.hasPrefix("test.yaml:4:15: error: 'coverage' must be a share of the line") }, "\(bad)")
        }
        #expect(diagnostics("intents:\n  done:\n    templates: [thats all]\n    coverage: 0.5\n").isEmpty)
    }

    @Test func templateErrorsPointAtTheCharacter() {
        let found = diagnostics("intents:\n  greet:\n    templates:\n      - \"(hi|hello\"\n      - \"[there\"\n      - \"(a;;b)\"\n")
        let text = found.map(\.description)
        #expect(text.contains { $0.hasPrefix("test.yaml:4:10: error: unclosed '('") })
        #expect(text.contains { $0.hasPrefix("test.yaml:5:10: error: unclosed '['") })
        #expect(text.contains { $0.hasPrefix("test.yaml:6:13: error: empty any-order part") })
        #expect(found.allSatisfy { $0.hint != nil })
    }

    @Test func unknownListsAndRulesSuggestTheNearestName() {
        let found = diagnostics("""
        lists:
          feeling: {values: [sad]}
        rules:
          i_feel: "i feel"
        intents:
          a: {templates: ["<i_fel> {feelin}"]}
        """)
        let text = found.map(\.description)
        #expect(text.contains { $0.contains("test.yaml:6:20: error: unknown rule 'i_fel'") && $0.contains("did you mean 'i_feel'") })
        #expect(text.contains { $0.contains("test.yaml:6:28: error: unknown list 'feelin'") && $0.contains("did you mean 'feeling'") })
    }

    @Test func recursiveRulesAreCaught() {
        let found = diagnostics("rules:\n  a: \"x <a>\"\nintents:\n  i: {templates: [\"<a>\"]}\n")
        #expect(found.contains { $0.message == "rule 'a' refers to itself" })
    }

    @Test func theSameIntentInTwoFiles() {
        let (_, found) = compile([("one.yaml", "intents:\n  greet: {templates: [hi]}\n"),
                                  ("two.yaml", "intents:\n  greet: {templates: [hello]}\n")])
        #expect(found.count == 1)
        #expect(found[0].description.hasPrefix("two.yaml:2:3: error: intent 'greet' is defined twice"))
        #expect(found[0].hint?.contains("one.yaml:2:3") == true)
    }

    @Test func aFileThatIsNotUTF8() {
        var data = Data("intents:\n  greet: {templates: [h".utf8)
        data.append(contentsOf: [0xFF, 0xFE])
        guard case .failure(let error) = YAMLFileReader.read(data: data, file: "bad.yaml") else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(error.diagnostics[0].description.hasPrefix("bad.yaml:2:24: error: file is not valid UTF-8"))
    }

    @Test func anEmptyFolderIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, found) = ContentLoader.load(directory: folder.path)
        #expect(found.count == 1)
        #expect(found[0].message.contains("no intent files"))
    }

    @Test func templatesThatMatchNothingAreRejected() {
        #expect(diagnostics("intents:\n  a: {templates: [\"[maybe]\"]}\n").contains { $0.message.contains("can match nothing") })
    }

    @Test func everyProblemIsReportedInOneRun() {
        let found = diagnostics("""
        intents:
          a: {templates: ["(x", "[y"], keywords: {two words: 1}}
          b: {templets: []}
        """)
        #expect(found.count == 4)
    }

    @Test func lintFindsDuplicatesShadowsAndTies() {
        let (content, _) = ContentLoader.load(files: [("lint.yaml", """
        intents:
          a:
            templates: ["open up", "open up", "talk more"]
          b:
            templates: ["talk more"]
          c:
            templates: ["hello"]
          d:
            templates: ["hello", "hello there friend"]
            priority: 1
        """)])
        let (matcher, _) = IntentCompiler.compile(content)
        let found = IntentLinter(content: content, matcher: matcher).check().map(\.description)
        #expect(found.contains { $0.hasPrefix("lint.yaml:3:29: error: duplicate template") })
        #expect(found.contains { $0.contains("intents 'a' and 'b' tie on \"talk more\"") })
        #expect(found.contains { $0.hasPrefix("lint.yaml:7:18: error: template is shadowed") && $0.contains("'d'") })
    }

    /// Lint samples a concept by its members: left empty, "hid the {~means} in the shed" read
    /// as "hid the in the shed", which another intent won, and lint called it shadowed.
    @Test func lintSamplesConceptsByTheirMembers() {
        let (content, _) = ContentLoader.load(files: [("lint.yaml", """
        concepts:
          means: [rope, noose]
        intents:
          hid_means:
            templates: ["hid the {~means} in the shed"]
          shed:
            templates: ["hid the in the shed"]
        """)])
        let (matcher, _) = IntentCompiler.compile(content)
        let found = IntentLinter(content: content, matcher: matcher).check().map(\.description)
        #expect(!found.contains { $0.contains("shadowed") })
        #expect(SentenceSampler(content: content).sentences(of: content.intents["hid_means"]!.templates[0].node)
            .map { $0.joined(separator: " ") } == ["hid the rope in the shed", "hid the noose in the shed"])
    }
}
