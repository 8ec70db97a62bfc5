/// The compiled automaton as the runner reads it: instructions, and flat indexes into them
/// (arrays addressed by word id, and pair tables), so that a match touches no dictionary and
/// copies nothing with a reference count.
struct WordProgram: Sendable {
    let instructions: [Instruction]
    /// Where each template's instructions start, and its intent.
    let templateStarts: [Int32]
    let templateIntents: [Int32]
    /// The words each template requires, template `t` at `requiredWords[requiredBegin[t]..<requiredBegin[t + 1]]`.
    let requiredBegin: [Int32]
    let requiredWords: [Int32]
    /// First word → the groups of starts it begins, word `w` at
    /// `startGroups[startGroupBegin[w]..<startGroupBegin[w + 1]]`; grouped by the words that
    /// may come second, so one look at the next word settles a whole group.
    let startGroupBegin: [Int32]
    let startGroups: [StartGroup]
    let startPoints: [StartPoint]
    /// Where matches that begin with a wildcard start: tried at every word.
    let wildcardStarters: [StartPoint]
    /// (follow set, word): present when the word may come second (see `StartGroup.follow`).
    let follows: WordPairTable
    /// (dispatch table, word) → an index into `dispatchBegin`, whose range in
    /// `dispatchTargets` lists where the word leads.
    let dispatch: WordPairTable
    let dispatchBegin: [Int32]
    let dispatchTargets: [Int32]

    init(instructions: [Instruction], dispatchTables: [[Int32: [Int32]]], templates: [CompiledTemplate], wordCount: Int) {
        self.instructions = instructions
        templateStarts = templates.map(\.start)
        templateIntents = templates.map(\.intent)
        var requiredBegin: [Int32] = [0]
        var requiredWords: [Int32] = []
        for template in templates {
            requiredWords += template.required
            requiredBegin.append(Int32(requiredWords.count))
        }
        self.requiredBegin = requiredBegin
        self.requiredWords = requiredWords

        var dispatchEntries: [(group: Int32, word: Int32, value: Int32)] = []
        var dispatchBegin: [Int32] = [0]
        var dispatchTargets: [Int32] = []
        for (number, table) in dispatchTables.enumerated() {
            for word in table.keys.sorted() {
                dispatchEntries.append((Int32(number), word, Int32(dispatchBegin.count - 1)))
                dispatchTargets += table[word]!
                dispatchBegin.append(Int32(dispatchTargets.count))
            }
        }
        dispatch = WordPairTable(dispatchEntries)
        self.dispatchBegin = dispatchBegin
        self.dispatchTargets = dispatchTargets

        var startsByWord: [Int32: [StartPoint]] = [:]
        var wildcardStarters: [StartPoint] = []
        var followSets: [Set<Int32>: Int32] = [:]
        var followOfPC: [Int32: Int32] = [:]
        /// The words that can be taken after `pc`'s word, or nil when anything may follow
        /// (a wildcard, the end of the template, a slot boundary).
        func second(after targets: [Int32]) -> Set<Int32>? {
            var words: Set<Int32> = []
            var stack = targets
            var seen: Set<Int32> = []
            while let pc = stack.popLast() {
                guard seen.insert(pc).inserted else { continue }
                let instruction = instructions[Int(pc)]
                switch instruction.op {
                case .split: stack += [instruction.alternative, instruction.next]
                case .word: words.insert(instruction.argument)
                case .dispatch: words.formUnion(dispatchTables[Int(instruction.argument)].keys)
                case .any, .open, .close, .match: return nil
                }
            }
            return words
        }
        func follow(of pc: Int32) -> Int32 {
            if let known = followOfPC[pc] { return known }
            let instruction = instructions[Int(pc)]
            let targets = instruction.op == .dispatch
                ? Array(Set(dispatchTables[Int(instruction.argument)].values.joined())) : [instruction.next]
            var index: Int32 = -1
            if let words = second(after: targets) {
                if let known = followSets[words] {
                    index = known
                } else {
                    index = Int32(followSets.count)
                    followSets[words] = index
                }
            }
            followOfPC[pc] = index
            return index
        }
        for (number, template) in templates.enumerated() {
            let number = Int32(number)
            // The instructions that can take the first word, reached through splits only; a
            // slot boundary on the way means the whole opening must be followed at run time.
            var consuming: [Int32] = []
            var simple = true
            var stack = [template.start]
            var seen: Set<Int32> = []
            while simple, let pc = stack.popLast() {
                guard seen.insert(pc).inserted else { continue }
                let instruction = instructions[Int(pc)]
                switch instruction.op {
                case .split: stack += [instruction.alternative, instruction.next]
                case .word, .any, .dispatch: consuming.append(pc)
                case .open, .close, .match: simple = false
                }
            }
            if !simple {
                for word in template.firstWords.sorted() { startsByWord[word, default: []].append(StartPoint(template: number, pc: -1)) }
                if template.startsWithWildcard { wildcardStarters.append(StartPoint(template: number, pc: -1)) }
                continue
            }
            for pc in consuming {
                let instruction = instructions[Int(pc)]
                switch instruction.op {
                case .word:
                    startsByWord[instruction.argument, default: []].append(StartPoint(template: number, pc: pc, follow: follow(of: pc)))
                case .dispatch:
                    let next = follow(of: pc)
                    for word in dispatchTables[Int(instruction.argument)].keys.sorted() {
                        startsByWord[word, default: []].append(StartPoint(template: number, pc: pc, follow: next))
                    }
                default: wildcardStarters.append(StartPoint(template: number, pc: pc))
                }
            }
        }
        var startGroupBegin: [Int32] = [0]
        var startGroups: [StartGroup] = []
        var startPoints: [StartPoint] = []
        for word in 0..<Int32(wordCount) {
            let grouped = Dictionary(grouping: startsByWord[word] ?? [], by: \.follow).sorted { $0.key < $1.key }
            for (follow, starts) in grouped {
                let first = Int32(startPoints.count)
                startPoints += starts
                startGroups.append(StartGroup(follow: follow, first: first, end: Int32(startPoints.count)))
            }
            startGroupBegin.append(Int32(startGroups.count))
        }
        self.startGroupBegin = startGroupBegin
        self.startGroups = startGroups
        self.startPoints = startPoints
        self.wildcardStarters = wildcardStarters
        follows = WordPairTable(followSets.flatMap { words, index in words.map { (index, $0, Int32(0)) } })
    }
}

/// Start points sharing what may follow their first word: `startPoints[first..<end]`.
struct StartGroup: Sendable {
    /// The follow set of the group (see `WordProgram.follows`), or -1 when any word may follow.
    var follow: Int32
    var first: Int32
    var end: Int32
}

/// Where a match can begin: a template, and the instruction that takes its first word (-1:
/// follow the template's opening from its start).
struct StartPoint: Sendable {
    var template: Int32
    var pc: Int32
    /// The follow set of the words that may come next, or -1 when any may.
    var follow: Int32 = -1
}
