import Foundation
import Testing
@testable import AttuneCLI
import Coach
import IntentEngine

/// The content that ships: it lints clean, every intent fixture passes, and every dialogue
/// script in Scripts/ replays with its expectations met (`attune replay --check`).
@Suite struct ShippedContentTests {
    static let root = Attune.repositoryRoot
    static let loaded = LoadedIntents.load(directory: root + "/Intents", shipped: false)

    static let scripts: [String] = {
        let folder = root + "/Scripts"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".dialogue") }.sorted()
    }()

    @Test func contentLoadsAndLintsClean() {
        let loaded = Self.loaded
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics.map(\.description).joined(separator: "\n"))")
        let problems = ContentChecks.all(loaded).filter { $0.severity == .error }
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyIntentFixturePasses() {
        let folder = Self.root + "/Tests/Fixtures/intents"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var fixtures: [IntentFixture] = []
        for file in files {
            let (read, problems) = IntentFixtureReader.read(file: folder + "/" + file)
            #expect(problems.isEmpty, "\(problems.map(\.description))")
            fixtures += read
        }
        #expect(fixtures.count >= 700)
        let report = FixtureRunner(matcher: Self.loaded.matcher).run(fixtures)
        for failure in report.failures {
            Issue.record("\(failure.fixture.location): \"\(failure.fixture.text)\": \(failure.reason)")
        }
        #expect(report.passed == fixtures.count)
    }

    @Test func everyRequiredIntentAndFlowExists() {
        let intents = Set(Self.loaded.matcher.intentNames)
        for name in ["greet", "goodbye", "thanks", "help", "affirm", "deny", "partly", "done", "skip", "take_break", "give_names",
                     "list_exercises", "start_exercise", "stop_exercise", "express_feeling", "express_need", "appreciation",
                     "criticism", "contempt", "defensiveness", "stonewalling", "mirror", "validate", "empathize", "repair",
                     "ask_about", "crisis_self_harm", "crisis_abuse"] {
            #expect(intents.contains(name), "missing intent \(name)")
        }
        let (script, _) = CoachScript.build(content: Self.loaded.content, matcher: Self.loaded.matcher)
        for flow in ["check-in", "mirroring", "active-listening", "i-feel", "just-like-me", "stress-talk", "deep-questions",
                     "appreciation", "touch", "long-distance", "myths", "stages", "date-night", "barriers", "repair"] {
            #expect(script.flows[flow] != nil, "missing flow \(flow)")
            #expect(Self.scripts.contains { $0.hasPrefix(flow) }, "no script for \(flow)")
        }
    }

    @Test(arguments: scripts)
    func dialogueScriptReplaysWithItsExpectations(_ name: String) throws {
        let report = try ScriptSuite.run([Self.root + "/Scripts/" + name], loaded: Self.loaded)
        for failure in report.failures { Issue.record("\(failure)") }
        #expect(report.passed == 1)
    }
}
