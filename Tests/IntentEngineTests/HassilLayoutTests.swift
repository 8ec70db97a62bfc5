import Foundation
import Testing
@testable import IntentEngine

/// hassil's own file layout (`language:`, `expansion_rules:`, `data:` blocks with fixed slots
/// and local rules, `range:` lists), read beside Attune's, and what it refuses with a location.
@Suite struct HassilLayoutTests {
    private func fixture() throws -> String {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hassil/en.hassil").path
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func aSentenceFileInHassilsLayoutLoadsWithNoError() throws {
        let (content, loadProblems) = ContentLoader.load(files: [(name: "en.hassil", text: try fixture())])
        #expect(!loadProblems.contains { $0.severity == .error }, "\(loadProblems)")
        // The two uses of hassil's device context are said to be ignored, where they are.
        let warnings = loadProblems.filter { $0.severity == .warning }
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.message.contains("context") && $0.location.file == "en.hassil" && $0.location.line > 1 })
        let (sentences, problems) = IntentCompiler.compile(content)
        #expect(problems.isEmpty, "\(problems)")
        let expected: [(String, String, [String: String])] = [
            ("could you please turn on the kitchen lights", "HassTurnOn", ["area": "kitchen", "domain": "light"]),
            ("turn on the fans in the study", "HassTurnOn", ["area": "office", "domain": "fan"]),
            ("switch the heaters off in the living room", "HassTurnOff", ["area": "living_room", "domain": "fan"]),
            ("set the bedroom brightness to 40%", "HassLightSet", ["area": "bedroom", "brightness": "40"]),
            ("dim the lounge lights to 100 percent", "HassLightSet", ["area": "living_room", "brightness": "100"]),
            ("turn off the lights in 5 minutes", "HassDelayedCommand", ["command": "turn off the lights", "minutes": "5"]),
            ("broadcast dinner is ready", "HassBroadcast", ["message": "dinner is ready"]),
            ("whats the wi-fi password", "HassWifiPassword", [:]),
            ("start a timer for 90 minutes", "HassStartTimer", ["minutes": "90"]),
            ("beep in 3 seconds", "HassStartTimer", ["seconds": "3000"]),
        ]
        for (line, intent, slots) in expected {
            let result = sentences.match(line)
            #expect(result.intent == intent, "\(line)")
            #expect(result.slots == slots, "\(line)")
        }
        // A block's own rule stays in its block: heaters are only in HassTurnOff's `fans`.
        #expect(sentences.match("turn on the heaters in the kitchen").intent != "HassTurnOn")
        // A range is its numbers and no others.
        #expect(sentences.match("set the bedroom brightness to 140%").intent != "HassLightSet")
    }

    @Test func theFixedSlotsSurviveTheStartUpCache() throws {
        let (content, _) = ContentLoader.load(files: [(name: "en.hassil", text: try fixture())])
        let (sentences, _) = IntentCompiler.compile(content)
        var writer = ByteWriter()
        sentences.write(to: &writer)
        var reader = ByteReader(writer.bytes)
        let copy = try Matcher.read(from: &reader)
        #expect(copy.match("turn on the fans in the study").slots == ["area": "office", "domain": "fan"])
    }

    @Test func badLayoutIsNamedWhereItIs() {
        func errors(_ yaml: String) -> [Diagnostic] { diagnostics(yaml).filter { $0.severity == .error } }
        let huge = errors("lists:\n  n:\n    range: {from: 0, to: 1000000}\nintents:\n  x: {templates: [\"set {n}\"]}\n")
        #expect(huge.contains { $0.message.contains("range limit of 10000") && $0.location.line == 3 })
        let backwards = errors("lists:\n  n:\n    range: {from: 9, to: 1}\nintents:\n  x: {templates: [\"set {n}\"]}\n")
        #expect(backwards.contains { $0.message.contains("count up") })
        let halfRange = errors("lists:\n  n:\n    range: {from: 1}\nintents:\n  x: {templates: [\"set {n}\"]}\n")
        #expect(halfRange.contains { $0.message.contains("needs both from and to") })
        let wordy = errors("lists:\n  n:\n    range: {from: one, to: 5}\nintents:\n  x: {templates: [\"set {n}\"]}\n")
        #expect(wordy.contains { $0.message.contains("whole number") && $0.location.line == 3 })
        let notAList = errors("intents:\n  x:\n    data: {sentences: [hi]}\n")
        #expect(notAList.contains { $0.message.contains("must be a list of blocks") && $0.location.line == 3 })
        let noSentences = errors("intents:\n  x:\n    data:\n      - slots: {a: b}\n")
        #expect(noSentences.contains { $0.message.contains("has no sentences") && $0.location.line == 4 })
        let unknown = errors("intents:\n  x:\n    data:\n      - sentences: [hi]\n        sentence: [hello]\n")
        #expect(unknown.contains { $0.message.contains("unknown key 'sentence'") && $0.location.line == 5 })
        let badSlot = errors("intents:\n  x:\n    data:\n      - sentences: [hi]\n        slots: {a: [b, c]}\n")
        #expect(badSlot.contains { $0.message.contains("slot 'a' must have one value") })
        let badSentence = errors("intents:\n  x:\n    data:\n      - sentences: [\"turn (on\"]\n")
        #expect(badSentence.contains { $0.location.line == 4 })
    }

    @Test func anotherLanguageIsSaidToBeReadAsEnglish() {
        let problems = diagnostics("language: de\nintents:\n  x: {data: [{sentences: [hallo]}]}\n")
        #expect(problems.contains { $0.severity == .warning && $0.message.contains("English") && $0.location.line == 1 })
        #expect(!problems.contains { $0.severity == .error })
        #expect(diagnostics("language: en-GB\nintents:\n  x: {data: [{sentences: [hello]}]}\n").isEmpty)
    }
}
