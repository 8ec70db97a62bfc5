import Testing
@testable import IntentEngine

/// The compiled program's invariants, which the matcher's speed rests on and no fixture
/// would notice if they broke quietly.
@Suite struct CompiledProgramTests {
    @Test func pairTableFindsEveryPairAndNothingElse() {
        var entries: [(group: Int32, word: Int32, value: Int32)] = []
        for group in Int32(0)..<40 {
            for word in stride(from: group, to: 3_000, by: 7) { entries.append((group, word, group &* 10_000 &+ word)) }
        }
        let table = WordPairTable(entries)
        for entry in entries { #expect(table.value(entry.group, entry.word) == entry.value) }
        #expect(table.value(0, 1) == nil)
        #expect(table.value(41, 41) == nil)
        #expect(table.value(3, -1) == nil)  // an unknown word
        #expect(WordPairTable([]).value(0, 0) == nil)
        // Groups with nothing in them, between and after others, and words between entries.
        let sparse = WordPairTable([(5, 9, 1), (0, 4, 2), (5, 2, 3), (9, 0, 4)])
        #expect(sparse.value(5, 9) == 1 && sparse.value(0, 4) == 2 && sparse.value(5, 2) == 3 && sparse.value(9, 0) == 4)
        #expect(sparse.value(3, 4) == nil && sparse.value(5, 5) == nil && sparse.value(10, 0) == nil && sparse.value(-1, 4) == nil)
    }

    @Test func compiledProgramHasNoUnreachableInstructions() {
        let matcher = compile([("test.yaml", sampleContent)]).0
        var reached = Set<Int32>()
        for template in matcher.templates {
            var stack = [template.start]
            while let pc = stack.popLast() {
                guard reached.insert(pc).inserted else { continue }
                // Each template's instructions are its own contiguous block.
                #expect((template.base..<(template.base + template.count)).contains(pc))
                let instruction = matcher.instructions[Int(pc)]
                switch instruction.op {
                case .split: stack += [instruction.next, instruction.alternative]
                case .dispatch: stack += matcher.dispatchTables[Int(instruction.argument)].values.joined()
                case .match: break
                case .word, .any, .open, .close: stack.append(instruction.next)
                }
            }
        }
        #expect(reached.count == matcher.instructions.count)
    }

    @Test func splitMasksCoverTheWordsTheirBranchesCanTakeFirst() {
        let (matcher, _) = compile([("test.yaml", """
            intents:
              one: {templates: ["i [really] (feel|am) fine", "i [want] * please"]}
            """)])
        let program = matcher.program
        for (pc, instruction) in program.instructions.enumerated() where instruction.op == .split {
            let original = matcher.instructions[pc]
            for branch in [original.next, original.alternative] {
                let first = matcher.instructions[Int(branch)]
                if first.op == .word {
                    #expect(WordProgram.firstWordBit(first.argument) & instruction.argument != 0)
                }
                if first.op == .any || first.op == .match {
                    #expect(instruction.argument == WordProgram.anyFirstWord)
                }
            }
        }
        // The look-ahead never loses a match: both templates still match.
        #expect(matcher.match("i really am fine").intent == "one")
        #expect(matcher.match("i want a hug please").intent == "one")
    }
}
