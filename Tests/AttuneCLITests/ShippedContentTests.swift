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

    /// The fixtures of one folder, failing the test on any problem reading them.
    static func fixtures(in relativeFolder: String) -> [IntentFixture] {
        let folder = root + "/" + relativeFolder
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var fixtures: [IntentFixture] = []
        for file in files {
            let (read, problems) = IntentFixtureReader.read(file: folder + "/" + file)
            #expect(problems.isEmpty, "\(problems.map(\.description))")
            fixtures += read
        }
        return fixtures
    }

    @Test func everyIntentFixturePasses() {
        // The authors' fixtures and every blind set kept as regression fixtures (one folder each).
        let blind = ((try? FileManager.default.contentsOfDirectory(atPath: Self.root + "/Tests/Fixtures/blind")) ?? []).sorted()
        let fixtures = Self.fixtures(in: "Tests/Fixtures/intents") + blind.flatMap { Self.fixtures(in: "Tests/Fixtures/blind/" + $0) }
        #expect(blind.count >= 6)
        #expect(fixtures.count >= 2_000)
        let lexicon = CoachScript.build(content: Self.loaded.content, matcher: Self.loaded.matcher).0.lexicon
        let language = Self.loaded.matcher.language
        let report = FixtureRunner(matcher: Self.loaded.matcher, flags: { LineFlags.horsemen(in: $0, lexicon: lexicon, language: language).map(\.flag) })
            .run(fixtures)
        for failure in report.failures {
            Issue.record("\(failure.fixture.location): \"\(failure.fixture.text)\": \(failure.reason)")
        }
        #expect(report.passed == fixtures.count)
    }

    /// The blind safety set keeps its size: every warning-sign group, 200 crisis lines at least,
    /// and 150 figures of speech at least (each line checked by `everyIntentFixturePasses`).
    @Test func theBlindSafetySetCoversEveryWarningSign() throws {
        let folder = Self.root + "/Tests/Fixtures/blind/safety"
        let groups = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") && $0 != "figures.yaml" }
        #expect(Set(groups.map { String($0.dropLast(5)) }) == [
            "suicide-wanting-to-die", "suicide-burden", "suicide-trapped-pain", "suicide-method-means", "suicide-goodbyes",
            "suicide-accidents", "self-harm-acts", "abuse-physical", "abuse-intimidation", "abuse-threats", "abuse-economic",
            "abuse-isolation-monitoring", "abuse-sexual-coercion", "abuse-fear"])
        // The groups are data too: every crisis template names one of them (lint refuses one
        // outside a group), and every group has templates.
        let templateGroups = Set(Self.loaded.matcher.allTemplates.filter { $0.intent.hasPrefix("crisis_") }.compactMap(\.source.group))
        #expect(templateGroups == Set(groups.map { String($0.dropLast(5)) }))
        let fixtures = Self.fixtures(in: "Tests/Fixtures/blind/safety")
        #expect(fixtures.filter { $0.expectedIntent.hasPrefix("crisis_") }.count >= 200)
        #expect(fixtures.filter(\.expectsNoSafety).count >= 150)
    }

    @Test func everyRequiredIntentAndFlowExists() {
        // The intents the coach names are the list lint checks (the intents flows name are
        // checked by lint too, in `contentLoadsAndLintsClean`).
        let intents = Set(Self.loaded.matcher.intentNames)
        let missing = CoachScript.requiredIntents.filter { !intents.contains($0) }
        #expect(missing.isEmpty, "missing intents: \(missing)")
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
