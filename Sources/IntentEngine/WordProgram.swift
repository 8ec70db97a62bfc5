/// The compiled automaton as the runner reads it: instructions, and flat indexes into them
/// (arrays addressed by word id, and pair tables), so that a match touches no dictionary and
/// copies nothing with a reference count.
struct WordProgram: Sendable {
    /// The instructions, except that a split's unused `argument` holds its first-word mask
    /// (see `firstWordMasks`).
    let instructions: FrozenList<Instruction>
    /// Where each template's matches start: its first instruction, or for a template that
    /// opens with `*` or `[*]`, the instruction after that wildcard (see `opensWithWildcard`).
    let templateStarts: FrozenList<Int32>
    /// Per template: it opens with `*` (or `[*]`) followed by words. Such a template is started
    /// where those words are, like any other, and the runner counts the words before them as
    /// the wildcard's: a thread carried through every word of every line, only to find its
    /// words near the end, cost more than the rest of the matching together.
    let opensWithWildcard: FrozenList<Bool>
    /// Per template opening with a wildcard: it was written optional (`[*] …`), so the
    /// template may also start at the line's first word, its wildcard taking none.
    let openingWildcardIsOptional: FrozenList<Bool>
    /// Per template: the state rule its intent must satisfy (required and excluded
    /// states, numbered by the matcher), or -1 when it may be said in any state.
    let templateRules: FrozenList<Int32>
    /// The words each template requires, template `t` at `requiredWords[requiredBegin[t]..<requiredBegin[t + 1]]`.
    let requiredBegin: FrozenList<Int32>
    let requiredWords: FrozenList<Int32>
    /// Starts whose first word may be followed by anything (the template may end there, or
    /// a wildcard or slot comes next): word `w`'s at `openStarts[openBegin[w]..<openBegin[w + 1]]`.
    let openBegin: FrozenList<Int32>
    let openStarts: FrozenList<StartPoint>
    /// (first word, second word) → the starts that can take both: one look-up settles every
    /// start of a word pair, and most starts never come up.
    let pairs: WordPairLists<StartPoint>
    /// Where matches that begin with a wildcard start: tried at every word.
    let wildcardStarters: FrozenList<StartPoint>
    /// Where starts go on once their first word is taken (see `StartPoint.targetsBegin`),
    /// with which words may come next there.
    let startTargets: FrozenList<StartTarget>
    /// Per dispatch instruction's table: its shared table. A word list used by many
    /// templates compiles to the same table each time, relative to where it sits, so the
    /// copies are stored once.
    let dispatchShared: FrozenList<Int32>
    /// Per dispatch instruction's table: a 64-bit mask of its words (id modulo 64), checked
    /// before the look-up, which most words the runner offers would miss.
    let dispatchMasks: FrozenList<UInt64>
    /// (shared table, word) → where the word leads, relative to the dispatch instruction.
    let dispatch: WordPairNumbers
    /// The templates that can take word `w` literally (by a word or a word list), at
    /// `mentionTemplates[mentionBegin[w]..<mentionBegin[w + 1]]`: a typo-corrected word can
    /// change only their matches, so the typo tier runs only them.
    let mentionBegin: FrozenList<Int32>
    let mentionTemplates: FrozenList<Int32>

    init(instructions: [Instruction], dispatchTables: [[Int32: [Int32]]], templates: [CompiledTemplate], templateRules: [Int32], wordCount: Int) {
        self.instructions = FrozenList(Self.firstWordMasks(instructions, dispatchTables: dispatchTables))
        let openings = templates.map { Self.afterOpeningWildcard($0.start, instructions, dispatchTables: dispatchTables) }
        templateStarts = FrozenList(zip(templates, openings).map { $1?.start ?? $0.start })
        opensWithWildcard = FrozenList(openings.map { $0 != nil })
        openingWildcardIsOptional = FrozenList(openings.map { $0?.optional == true })
        self.templateRules = FrozenList(templateRules)
        var requiredBegin: [Int32] = [0]
        var requiredWords: [Int32] = []
        for template in templates {
            requiredWords += template.required
            requiredBegin.append(Int32(requiredWords.count))
        }
        self.requiredBegin = FrozenList(requiredBegin)
        self.requiredWords = FrozenList(requiredWords)

        // Each table relative to its dispatch instruction, so the copies of one list match.
        var dispatchPC = [Int32](repeating: -1, count: dispatchTables.count)
        for (pc, instruction) in instructions.enumerated() where instruction.op == .dispatch {
            dispatchPC[Int(instruction.argument)] = Int32(pc)
        }
        var sharedIndex: [[Int32: [Int32]]: Int32] = [:]
        var dispatchShared: [Int32] = []
        var dispatchEntries: [(group: Int32, word: Int32, items: [Int32])] = []
        for (number, table) in dispatchTables.enumerated() {
            let base = dispatchPC[number]
            let relative = table.mapValues { $0.map { $0 - base } }
            if let known = sharedIndex[relative] {
                dispatchShared.append(known)
                continue
            }
            let shared = Int32(sharedIndex.count)
            sharedIndex[relative] = shared
            dispatchShared.append(shared)
            for word in relative.keys.sorted() { dispatchEntries.append((shared, word, relative[word]!)) }
        }
        self.dispatchShared = FrozenList(dispatchShared)
        dispatchMasks = FrozenList(dispatchTables.map { table in table.keys.reduce(UInt64(0)) { $0 | 1 << UInt64($1 & 63) } })
        dispatch = WordPairNumbers(dispatchEntries)

        var startsByWord: [Int32: [StartPoint]] = [:]
        var startTargets: [Int32] = []
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
            let opening = openings[Int(number)]
            var stack = [opening?.start ?? template.start]
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
                for word in (opening?.firstWords ?? template.firstWords).sorted() {
                    startsByWord[word, default: []].append(StartPoint(template: number, pc: -1))
                }
                if template.startsWithWildcard && opening == nil { wildcardStarters.append(StartPoint(template: number, pc: -1)) }
                continue
            }
            /// A start that has taken its first word, going on at `targets`.
            func taken(_ pc: Int32, follow: Int32, targets: [Int32]) -> StartPoint {
                let first = Int32(startTargets.count)
                startTargets += targets
                return StartPoint(template: number, pc: pc, follow: follow, targetsBegin: first, targetsEnd: Int32(startTargets.count))
            }
            for pc in consuming {
                let instruction = instructions[Int(pc)]
                switch instruction.op {
                case .word:
                    startsByWord[instruction.argument, default: []].append(taken(pc, follow: follow(of: pc), targets: [instruction.next]))
                case .dispatch:
                    let next = follow(of: pc)
                    let table = dispatchTables[Int(instruction.argument)]
                    for word in table.keys.sorted() {
                        startsByWord[word, default: []].append(taken(pc, follow: next, targets: table[word]!))
                    }
                default: wildcardStarters.append(StartPoint(template: number, pc: pc))
                }
            }
        }
        let masked = self.instructions, masks = dispatchMasks
        let targets = startTargets.map { StartTarget(pc: $0, instruction: masked[Int($0)], dispatchMasks: masks) }
        var openBegin: [Int32] = [0]
        var openStarts: [StartPoint] = []
        var startsByPair: [Int64: [StartPoint]] = [:]
        let followWords = followSets.sorted { $0.value < $1.value }.map { $0.key }
        for word in 0..<Int32(wordCount) {
            for start in (startsByWord[word] ?? []).map({ $0.withFirstTarget(targets) }) {
                if start.follow < 0 {
                    openStarts.append(start)
                } else {
                    for second in followWords[Int(start.follow)] {
                        startsByPair[Int64(word) << 32 | Int64(second), default: []].append(start)
                    }
                }
            }
            openBegin.append(Int32(openStarts.count))
        }
        var pairEntries: [(group: Int32, word: Int32, items: [StartPoint])] = []
        for key in startsByPair.keys.sorted() {
            pairEntries.append((Int32(key >> 32), Int32(truncatingIfNeeded: key), startsByPair[key]!))
        }
        self.openBegin = FrozenList(openBegin)
        self.openStarts = FrozenList(openStarts)
        pairs = WordPairLists(pairEntries)
        self.wildcardStarters = FrozenList(wildcardStarters.map { $0.withFirstTarget(targets) })
        self.startTargets = FrozenList(targets)
        let (mentionBegin, mentionTemplates) = Self.mentions(instructions, dispatchTables: dispatchTables, templates: templates, wordCount: wordCount)
        self.mentionBegin = FrozenList(mentionBegin)
        self.mentionTemplates = FrozenList(mentionTemplates)
    }

    /// For a template that opens with `*` or `[*]` (a wildcard looping on itself) followed by
    /// something that must take a word: where that something starts, and the words it can
    /// begin with. Nil for any other template, which is started as written.
    private static func afterOpeningWildcard(_ start: Int32, _ instructions: [Instruction], dispatchTables: [[Int32: [Int32]]])
        -> (start: Int32, firstWords: Set<Int32>, optional: Bool)? {
        // `[*] …` is a split into the wildcard or straight past it, to where the wildcard's
        // loop leads too; tried at every word as written, it cost as much as the rest of a match.
        var anyPC = start
        let opening = instructions[Int(start)]
        let optional = opening.op == .split && opening.next >= 0 && instructions[Int(opening.next)].op == .any
        if optional { anyPC = opening.next }
        let any = instructions[Int(anyPC)]
        guard any.op == .any, any.next >= 0 else { return nil }
        let loop = instructions[Int(any.next)]
        guard loop.op == .split, loop.next == anyPC, loop.alternative >= 0 else { return nil }
        if optional && loop.alternative != opening.alternative { return nil }
        var words: Set<Int32> = []
        var stack = [loop.alternative]
        var seen: Set<Int32> = []
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            let instruction = instructions[Int(pc)]
            switch instruction.op {
            case .word: words.insert(instruction.argument)
            case .dispatch: words.formUnion(dispatchTables[Int(instruction.argument)].keys)
            case .split: stack += [instruction.next, instruction.alternative]
            case .open, .close: stack.append(instruction.next)
            case .any, .match: return nil
            }
        }
        return (loop.alternative, words, optional)
    }

    /// Per word, the templates whose instructions can take it (see `mentionBegin`).
    private static func mentions(_ instructions: [Instruction], dispatchTables: [[Int32: [Int32]]], templates: [CompiledTemplate],
                                 wordCount: Int) -> ([Int32], [Int32]) {
        var byWord = [[Int32]](repeating: [], count: wordCount)
        var seen = [Int32](repeating: -1, count: instructions.count)
        var wordStamp = [Int32](repeating: -1, count: wordCount)
        for (number, template) in templates.enumerated() {
            let number = Int32(number)
            func mention(_ word: Int32) {
                guard word >= 0, Int(word) < wordCount, wordStamp[Int(word)] != number else { return }
                wordStamp[Int(word)] = number
                byWord[Int(word)].append(number)
            }
            var stack = [template.start]
            while let pc = stack.popLast() {
                guard pc >= 0, seen[Int(pc)] != number else { continue }
                seen[Int(pc)] = number
                let instruction = instructions[Int(pc)]
                switch instruction.op {
                case .split: stack += [instruction.next, instruction.alternative]
                case .word:
                    mention(instruction.argument)
                    stack.append(instruction.next)
                case .dispatch:
                    for (word, targets) in dispatchTables[Int(instruction.argument)] {
                        mention(word)
                        stack += targets
                    }
                case .any, .open, .close: stack.append(instruction.next)
                case .match: break
                }
            }
        }
        var begin: [Int32] = [0]
        begin.reserveCapacity(wordCount + 1)
        for list in byWord { begin.append(begin.last! + Int32(list.count)) }
        return (begin, byWord.flatMap { $0 })
    }
}

extension WordProgram {
    /// A word's bit in a first-word mask: its id modulo 32.
    @inline(__always)
    static func firstWordBit(_ word: Int32) -> Int32 { 1 << (word & 31) }

    /// The mask of a branch that can take any word, or end the match, without a word first.
    static let anyFirstWord: Int32 = -1

    /// Stores in each split the bits of the words that can be taken first from it (or every
    /// bit when a wildcard or the end of the template can come first). The runner knows the
    /// next word, so a split whose mask lacks its bit is a whole branch of alternatives not
    /// worth walking: "i" opens dozens of ways on, and only the few that can take the next
    /// word are followed.
    static func firstWordMasks(_ instructions: [Instruction], dispatchTables: [[Int32: [Int32]]]) -> [Instruction] {
        var masks = [Int32?](repeating: nil, count: instructions.count)
        var visiting = [Bool](repeating: false, count: instructions.count)
        func mask(_ pc: Int32) -> Int32 {
            guard pc >= 0 else { return anyFirstWord }
            if let known = masks[Int(pc)] { return known }
            // A way back to a split being worked out takes no word (it cannot happen in a
            // compiled template, but a cycle must not loop): count it as anything.
            guard !visiting[Int(pc)] else { return anyFirstWord }
            visiting[Int(pc)] = true
            defer { visiting[Int(pc)] = false }
            let instruction = instructions[Int(pc)]
            let result: Int32
            switch instruction.op {
            case .word: result = firstWordBit(instruction.argument)
            case .dispatch: result = dispatchTables[Int(instruction.argument)].keys.reduce(0) { $0 | firstWordBit($1) }
            case .any, .match: result = anyFirstWord
            case .open, .close: result = mask(instruction.next)
            case .split: result = mask(instruction.next) | mask(instruction.alternative)
            }
            masks[Int(pc)] = result
            return result
        }
        var result = instructions
        for pc in instructions.indices where instructions[pc].op == .split {
            result[pc].argument = mask(Int32(pc))
        }
        return result
    }
}

/// Where a start goes on once its first word is taken, and what the instruction there can
/// take next, read from the instruction when the index is built: most starts the runner
/// makes die at the next word, and seen from here they cost no read of the instruction
/// array, which is far too large for the processor's caches.
struct StartTarget: Sendable, BitwiseCopyable {
    var pc: Int32
    /// The one word the instruction takes (a word instruction), or -1.
    var word: Int32
    /// Otherwise the bits (id modulo 64) of the words it can take: a dispatch's table, a
    /// split's first words; every bit when it cannot tell (a wildcard, a slot, the end).
    var mask: UInt64

    init(pc: Int32, word: Int32, mask: UInt64) {
        self.pc = pc
        self.word = word
        self.mask = mask
    }

    init(pc: Int32, instruction: Instruction, dispatchMasks: FrozenList<UInt64>) {
        self.pc = pc
        word = -1
        switch instruction.op {
        case .word:
            word = instruction.argument
            mask = ~0
        case .dispatch:
            mask = dispatchMasks[Int(instruction.argument)]
        case .split where instruction.argument != WordProgram.anyFirstWord:
            // A split's mask is of ids modulo 32: each bit stands for two here.
            let bits = UInt64(UInt32(bitPattern: instruction.argument))
            mask = bits | bits << 32
        default:
            mask = ~0
        }
    }

    /// Whether a thread here can live past the runner's `lookahead` word (its id, -1 for
    /// none, -2 for a skip word, which may be let pass): false only where the runner's
    /// closure would drop the thread at once, without a mark or a hit.
    @inline(__always)
    func canGoOn(_ lookahead: Int32) -> Bool {
        if lookahead == -2 { return true }
        if word >= 0 { return word == lookahead }
        if mask == ~0 { return true }
        return lookahead >= 0 && mask & (1 << UInt64(lookahead & 63)) != 0
    }
}

/// Where a match can begin: a template, and the instruction that takes its first word (-1:
/// follow the template's opening from its start).
struct StartPoint: Sendable {
    var template: Int32
    var pc: Int32
    /// Which set of words may come next (an index into the follow sets made while
    /// building), or -1 when any may.
    var follow: Int32 = -1
    /// Where the match goes on once the first word is taken, for a start whose instruction
    /// takes a known word: `startTargets[targetsBegin..<targetsEnd]`, or -1 (an opening
    /// to follow, or a wildcard). Such a start is made a word in at once, with no look-up.
    var targetsBegin: Int32 = -1
    var targetsEnd: Int32 = -1
    /// `startTargets[targetsBegin]` again, read with the start itself (most starts have
    /// just the one target, and most of them die at the next word).
    var first = StartTarget(pc: -1, word: -1, mask: ~0)

    /// This start with `first` filled in from `targets`.
    func withFirstTarget(_ targets: [StartTarget]) -> StartPoint {
        var start = self
        if targetsBegin >= 0 && targetsBegin < targetsEnd { start.first = targets[Int(targetsBegin)] }
        return start
    }
}
