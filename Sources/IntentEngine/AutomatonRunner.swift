/// The best way one template matched an utterance.
struct TemplateHit {
    var template: Int32
    var literal: Int32
    var wildcard: Int32
    /// Literal words taken only as another form of the template's word ("felt" for "feel").
    var inflected: Int32 = 0
    var start: Int32
    var end: Int32
    var trail: Int32
    /// The last word of the stretch was taken by a wildcard, not matched.
    var endsInWildcard = false
}

/// A slot boundary recorded on a thread's path; threads share history through `parent`.
struct TrailEvent {
    var parent: Int32
    var slot: Int32
    /// -2 for an opening; otherwise the value index (-1: spoken text).
    var value: Int32
    var position: Int32
}

/// Simulates all candidate templates together over a word sequence, breadth-first (Pike's
/// VM with Viterbi scoring): every thread advances one word at a time, and at each
/// instruction only the best-scoring thread survives. Time is O(words × live threads), never
/// exponential, whatever the templates' optionals and alternatives; templates start only at
/// words they can begin with, found through an index.
///
/// A runner owns its working memory (thread lists, visit marks by generation, the best hit
/// per template, the slot trail) and is reused from match to match through `RunnerPool`, so
/// a match allocates almost nothing and an utterance's cost is its live threads, not the
/// size of the content.
struct AutomatonRunner: Sendable {
    private struct Thread: BitwiseCopyable {
        var pc: Int32
        var start: Int32
        var literal: Int32
        var wildcard: Int32
        var trail: Int32
        var inflected: Int32 = 0
        /// The last word taken was a wildcard's.
        var endsInWildcard = false
    }

    private var current = ScratchList<Thread>()
    private var next = ScratchList<Thread>()
    private var stack = ScratchList<Thread>()
    private var pending = ScratchList<Thread>()
    /// Starts that took their first word at this position, added to `pending` after the
    /// threads that were already running (which have usually taken more words), so the sort
    /// finds them nearly in order.
    private var taken = ScratchList<Thread>()
    /// Per instruction: the generation (one per word position) that last reached it.
    private var marks: ScratchList<Int32>
    private var generation: Int32 = 0
    /// Slot boundaries of every thread of the last run; hits point into it.
    private(set) var trail = ScratchList<TrailEvent>(capacity: 256)
    /// Per template: its best hit, valid when `bestRun` is the current run.
    private var best: ScratchList<TemplateHit>
    private var bestRun: ScratchList<Int32>
    private var touched = ScratchList<Int32>()
    private var runNumber: Int32 = 0
    /// Per word id: the run whose utterance contains it.
    private var wordSeen: ScratchList<Int32>
    /// Per template: `run << 1 | admitted` once decided in this run.
    private var admission: ScratchList<Int32>
    /// Per state rule (see `WordProgram.templateRules`): whether it allows this match's state.
    private var ruleAllows: ScratchList<Bool>
    /// Per template: the run it is in focus for, when a run is limited to some templates.
    private var focus: ScratchList<Int32>
    private var focused = false
    /// Per position of this run's utterance: how many words before it are not skip words,
    /// and where the first such word is (see `WordProgram.opensWithWildcard`).
    private var wordsBefore = ScratchList<Int32>()
    private var firstWord: Int32 = -1

    init(instructionCount: Int, templateCount: Int, wordCount: Int, ruleCount: Int) {
        marks = ScratchList(repeating: -1, count: instructionCount)
        best = ScratchList(repeating: TemplateHit(template: 0, literal: 0, wildcard: 0, start: 0, end: 0, trail: -1), count: templateCount)
        bestRun = ScratchList(repeating: -1, count: templateCount)
        wordSeen = ScratchList(repeating: -1, count: wordCount)
        admission = ScratchList(repeating: -1, count: templateCount)
        ruleAllows = ScratchList(repeating: true, count: ruleCount)
        focus = ScratchList(repeating: -1, count: templateCount)
    }

    /// Says whether state rule `rule` allows the current state, for the runs that follow;
    /// every rule does until told otherwise.
    mutating func setRule(_ rule: Int32, allows: Bool) {
        ruleAllows[Int(rule)] = allows
    }

    /// Runs every template that is eligible and whose required words are all in `tokens`
    /// (word ids, -1 for unknown words); returns the best hit of each template that matched,
    /// in template order. The hits' slot history is in `trail` until the next run.
    ///
    /// With `onlyTaking`, only the templates that can take one of those words run: the typo
    /// tier asks for the corrected words, since every other template would match as it did
    /// on the line as typed, and such a repeat could only lose to its first, exact match.
    mutating func run(_ program: WordProgram, tokens: [Int32], skip: [Bool], inflected: [Bool], onlyTaking words: [Int32]? = nil) -> [TemplateHit] {
        beginRun(tokens: tokens)
        focused = words != nil
        for word in words ?? [] where word >= 0 {
            for index in Int(program.mentionBegin[Int(word)])..<Int(program.mentionBegin[Int(word) + 1]) {
                focus[Int(program.mentionTemplates[index])] = runNumber
            }
        }
        current.removeAll()
        let count = tokens.count
        wordsBefore.removeAll()
        firstWord = -1
        var words: Int32 = 0
        for position in 0..<count {
            wordsBefore.append(words)
            if !skip[position] {
                if firstWord < 0 { firstWord = Int32(position) }
                words += 1
            }
        }
        var position = 0
        while position <= count {
            pending.removeAll()
            taken.removeAll()
            if position < count {
                let token = tokens[position]
                // The word the starts that take this one are offered next.
                let following = Self.lookahead(at: position + 1, tokens: tokens, skip: skip)
                if token >= 0 {
                    for index in Int(program.openBegin[Int(token)])..<Int(program.openBegin[Int(token) + 1]) {
                        seedIfAdmitted(program.openStarts[index], at: position, next: following, tokens: tokens, skip: skip, inflected: inflected, program: program)
                    }
                    // Starts that need a particular second word: the next word, or one after
                    // skip words.
                    var second = position + 1
                    while second < count {
                        if tokens[second] >= 0, let starts = program.pairs.range(token, tokens[second]) {
                            for index in starts {
                                seedIfAdmitted(program.pairs.items[index], at: position, next: following, tokens: tokens, skip: skip, inflected: inflected, program: program)
                            }
                        }
                        if !skip[second] { break }
                        second += 1
                    }
                }
                if !skip[position] {
                    for index in 0..<program.wildcardStarters.count {
                        seedIfAdmitted(program.wildcardStarters[index], at: position, next: following, tokens: tokens, skip: skip, inflected: inflected, program: program)
                    }
                }
            }
            if position == count { break }
            if current.isEmpty && taken.isEmpty {
                generation &+= 1
                position += 1
                continue
            }
            let token = tokens[position]
            let skippable = skip[position]
            let inflection: Int32 = inflected[position] ? 1 : 0
            for index in 0..<current.count {
                let thread = current[index]
                let instruction = program.instructions[Int(thread.pc)]
                switch instruction.op {
                case .word where instruction.argument == token:
                    var moved = thread
                    moved.pc = instruction.next
                    moved.literal += 1
                    moved.inflected += inflection
                    moved.endsInWildcard = false
                    pending.append(moved)
                case .any:
                    var moved = thread
                    moved.pc = instruction.next
                    moved.wildcard += 1
                    moved.endsInWildcard = true
                    pending.append(moved)
                case .dispatch where token >= 0:
                    if let targets = program.dispatch.numbers(program.dispatchShared[Int(instruction.argument)], token) {
                        var moved = thread
                        moved.literal += 1
                        moved.inflected += inflection
                        moved.endsInWildcard = false
                        if targets.first != Int32.min {
                            moved.pc = thread.pc + targets.first
                            pending.append(moved)
                        }
                        for index in targets.rest {
                            moved.pc = thread.pc + program.dispatch.rest[index]
                            pending.append(moved)
                        }
                    }
                default:
                    break
                }
                if skippable { pending.append(thread) }
            }
            pending.append(contentsOf: taken)
            // Best first, so the first thread to reach an instruction is the best one there.
            if pending.count > 1 { sortBestFirst() }
            generation &+= 1
            next.removeAll()
            let lookahead = Self.lookahead(at: position + 1, tokens: tokens, skip: skip)
            for index in 0..<pending.count {
                addClosure(pending[index], at: Int32(position + 1), lookahead: lookahead, intoNext: true, program: program)
            }
            swap(&current, &next)
            position += 1
        }
        var hits: [TemplateHit] = []
        hits.reserveCapacity(touched.count)
        for index in 0..<touched.count { hits.append(best[Int(touched[index])]) }
        hits.sort { $0.template < $1.template }
        return hits
    }

    private mutating func beginRun(tokens: [Int32]) {
        if runNumber >= (1 << 29) || generation > Int32.max - 1_000_000 {
            marks.fill(with: -1)
            bestRun.fill(with: -1)
            focus.fill(with: -1)
            admission.fill(with: -1)
            wordSeen.fill(with: -1)
            runNumber = 0
            generation = 0
        }
        runNumber += 1
        generation += 1
        touched.removeAll()
        trail.removeAll()
        for token in tokens where token >= 0 { wordSeen[Int(token)] = runNumber }
    }

    /// Whether `template` may start: its intent is eligible and every word it requires is in
    /// the utterance. Decided once per run, when the runner first wants to start it, so the
    /// many templates whose first words never appear cost nothing.
    @inline(__always)
    private mutating func admits(_ template: Int32, program: WordProgram) -> Bool {
        let number = Int(template)
        let stamp = admission[number]
        if stamp >> 1 == runNumber { return stamp & 1 == 1 }
        let rule = program.templateRules[number]
        var admitted = (rule < 0 || ruleAllows[Int(rule)]) && (!focused || focus[number] == runNumber)
        if admitted {
            for index in Int(program.requiredBegin[number])..<Int(program.requiredBegin[number + 1])
            where wordSeen[Int(program.requiredWords[index])] != runNumber {
                admitted = false
                break
            }
        }
        admission[number] = runNumber << 1 | (admitted ? 1 : 0)
        return admitted
    }

    /// Insertion sort of `pending`, best score first: the lists are short and mostly in order
    /// already, and unlike the standard sort it allocates nothing.
    private mutating func sortBestFirst() {
        @inline(__always) func better(_ a: Thread, _ b: Thread) -> Bool {
            if a.literal != b.literal { return a.literal > b.literal }
            if a.wildcard != b.wildcard { return a.wildcard < b.wildcard }
            return a.start < b.start
        }
        let threads = pending.base
        for index in 1..<pending.count where better(threads[index], threads[index - 1]) {
            let thread = threads[index]
            var slot = index
            while slot > 0, better(thread, threads[slot - 1]) {
                threads[slot] = threads[slot - 1]
                slot -= 1
            }
            threads[slot] = thread
        }
    }

    /// Starts a match at `position`: straight at the instruction that takes this word when
    /// the index knows it, else through the template's whole opening.
    @inline(__always)
    private mutating func seedIfAdmitted(_ start: StartPoint, at position: Int, next: Int32, tokens: [Int32], skip: [Bool],
                                         inflected: [Bool], program: WordProgram) {
        // A template opening with `*` matches from the line's first word, its wildcard
        // having taken every word before this one (a skip word it may let pass), as it
        // would have had it been carried there; with no such word, the wildcard has none,
        // and only a template that wrote it optional (`[*] …`) starts here.
        var origin = Int32(position), wildcard: Int32 = 0
        if program.opensWithWildcard[Int(start.template)] {
            wildcard = wordsBefore[position]
            if wildcard > 0 {
                origin = firstWord
            } else if !program.openingWildcardIsOptional[Int(start.template)] {
                return
            }
        }
        // A known first word is taken here and now (unless it is a skip word, which the
        // match may also let pass), where the next word can go on.
        if start.targetsBegin >= 0 && !skip[position] {
            var admitted = false
            for index in Int(start.targetsBegin)..<Int(start.targetsEnd) {
                let target = index == Int(start.targetsBegin) ? start.first : program.startTargets[index]
                guard target.canGoOn(next) else { continue }
                if !admitted {
                    guard admits(start.template, program: program) else { return }
                    admitted = true
                }
                taken.append(Thread(pc: target.pc, start: origin, literal: 1, wildcard: wildcard, trail: -1,
                                    inflected: inflected[position] ? 1 : 0))
            }
            return
        }
        guard admits(start.template, program: program) else { return }
        let pc = start.pc >= 0 ? start.pc : program.templateStarts[Int(start.template)]
        addClosure(Thread(pc: pc, start: origin, literal: 0, wildcard: wildcard, trail: -1),
                   at: Int32(position), lookahead: Self.lookahead(at: position, tokens: tokens, skip: skip), intoNext: false, program: program)
    }

    /// The word the threads queued for `position` will be offered: its id (-1 when unknown
    /// or past the end, when only a wildcard or the end of a template can go on), or
    /// `anyWord` for a skip word, which a thread may also let pass, so nothing can be ruled out.
    @inline(__always)
    private static func lookahead(at position: Int, tokens: [Int32], skip: [Bool]) -> Int32 {
        guard position < tokens.count else { return -1 }
        return skip[position] ? anyWord : tokens[position]
    }

    private static let anyWord: Int32 = -2

    /// Whether a branch with first-word `mask` can go on at the `lookahead` word.
    @inline(__always)
    private static func canTake(_ mask: Int32, _ lookahead: Int32) -> Bool {
        mask == WordProgram.anyFirstWord || lookahead == anyWord
            || (lookahead >= 0 && mask & WordProgram.firstWordBit(lookahead) != 0)
    }

    /// Whether a word or dispatch instruction can take the `lookahead` word (a dispatch is
    /// asked through its table's mask: a yes may still miss in the table).
    @inline(__always)
    private static func canTake(_ instruction: Instruction, _ lookahead: Int32, program: WordProgram) -> Bool {
        if lookahead == anyWord { return true }
        if instruction.op == .word { return instruction.argument == lookahead }
        return lookahead >= 0 && program.dispatchMasks[Int(instruction.argument)] & (1 << UInt64(lookahead & 63)) != 0
    }

    /// Follows every non-consuming instruction from `thread`, recording slot boundaries and
    /// matches, and queues the consuming instructions it reaches that can take the
    /// `lookahead` word: a word instruction for another word, or a split none of whose
    /// branches can take it, is a thread that would die at the next word.
    private mutating func addClosure(_ thread: Thread, at position: Int32, lookahead: Int32, intoNext: Bool, program: WordProgram) {
        // Most threads land straight on a word: no walk needed.
        let instruction = program.instructions[Int(thread.pc)]
        let first = instruction.op
        if first == .word || first == .dispatch {
            guard marks[Int(thread.pc)] != generation, Self.canTake(instruction, lookahead, program: program) else { return }
            marks[Int(thread.pc)] = generation
            if intoNext { next.append(thread) } else { current.append(thread) }
            return
        }
        // The walk below always empties the stack.
        stack.append(thread)
        while var item = stack.popLast() {
            let pc = Int(item.pc)
            if marks[pc] == generation { continue }
            marks[pc] = generation
            let instruction = program.instructions[pc]
            switch instruction.op {
            case .word, .dispatch:
                if Self.canTake(instruction, lookahead, program: program) {
                    if intoNext { next.append(item) } else { current.append(item) }
                }
            case .any:
                if intoNext { next.append(item) } else { current.append(item) }
            case .split:
                guard Self.canTake(instruction.argument, lookahead) else { continue }
                var other = item
                other.pc = instruction.alternative
                item.pc = instruction.next
                stack.append(other)
                stack.append(item)
            case .open, .close:
                trail.append(TrailEvent(parent: item.trail, slot: instruction.argument,
                                        value: instruction.op == .open ? -2 : instruction.alternative, position: position))
                item.trail = Int32(trail.count - 1)
                item.pc = instruction.next
                stack.append(item)
            case .match:
                guard item.literal + item.wildcard > 0 else { continue }
                record(TemplateHit(template: instruction.argument, literal: item.literal, wildcard: item.wildcard,
                                   inflected: item.inflected, start: item.start, end: position, trail: item.trail,
                                   endsInWildcard: item.endsInWildcard))
            }
        }
    }

    /// Keeps `hit` if it is the template's best so far: more literal words, then a longer
    /// stretch (so a wildcard takes the rest of the line, as in hassil, where a template must
    /// explain the whole sentence), fewer wildcard words, an earlier start.
    private mutating func record(_ hit: TemplateHit) {
        let template = Int(hit.template)
        if bestRun[template] == runNumber {
            let current = best[template]
            guard (hit.literal, hit.end - hit.start, -hit.wildcard, -hit.start) >
                (current.literal, current.end - current.start, -current.wildcard, -current.start) else { return }
        } else {
            bestRun[template] = runNumber
            touched.append(hit.template)
        }
        best[template] = hit
    }
}
