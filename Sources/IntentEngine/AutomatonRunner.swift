import Synchronization

/// The best way one template matched an utterance.
struct TemplateHit {
    var template: Int32
    var literal: Int32
    var wildcard: Int32
    var start: Int32
    var end: Int32
    var trail: Int32
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
struct AutomatonRunner {
    private struct Thread {
        var pc: Int32
        var start: Int32
        var literal: Int32
        var wildcard: Int32
        var trail: Int32
    }

    private let program: WordProgram
    private var current: [Thread] = []
    private var next: [Thread] = []
    private var stack: [Thread] = []
    private var pending: [Thread] = []

    init(program: WordProgram) {
        self.program = program
    }

    /// Runs the templates for which `allowed` says yes over `tokens` (word ids, -1 for unknown
    /// words); returns the best hit of each template that matched. The hits' slot history is
    /// left in `scratch.trail`.
    mutating func run(tokens: [Int32], skip: [Bool], scratch: inout MatchScratch, allowed: (Int32) -> Bool) -> [TemplateHit] {
        scratch.beginRun(templateCount: program.templateStarts.count)
        current.removeAll(keepingCapacity: true)
        let count = tokens.count
        var position = 0
        while position <= count {
            if position < count {
                let token = tokens[position]
                if token >= 0, let groups = program.startIndex[token] {
                    for group in groups where canContinue(group.follow, after: position, tokens: tokens, skip: skip) {
                        for start in group.starts where allowed(start.template) { seed(start, at: position, scratch: &scratch) }
                    }
                }
                if !skip[position] {
                    for start in program.wildcardStarters where allowed(start.template) { seed(start, at: position, scratch: &scratch) }
                }
            }
            if position == count { break }
            if current.isEmpty {
                scratch.generation &+= 1
                position += 1
                continue
            }
            let token = tokens[position]
            pending.removeAll(keepingCapacity: true)
            for thread in current {
                let instruction = program.instructions[Int(thread.pc)]
                switch instruction.op {
                case .word where instruction.argument == token:
                    var moved = thread
                    moved.pc = instruction.next
                    moved.literal += 1
                    pending.append(moved)
                case .any:
                    var moved = thread
                    moved.pc = instruction.next
                    moved.wildcard += 1
                    pending.append(moved)
                case .dispatch where token >= 0:
                    if let targets = program.dispatchTables[Int(instruction.argument)][token] {
                        for target in targets {
                            var moved = thread
                            moved.pc = target
                            moved.literal += 1
                            pending.append(moved)
                        }
                    }
                default:
                    break
                }
                if skip[position] { pending.append(thread) }
            }
            // Best first, so the first thread to reach an instruction is the best one there.
            if pending.count > 1 { sortBestFirst(&pending) }
            scratch.generation &+= 1
            next.removeAll(keepingCapacity: true)
            for index in pending.indices {
                addClosure(pending[index], at: Int32(position + 1), intoNext: true, scratch: &scratch)
            }
            swap(&current, &next)
            position += 1
        }
        return scratch.hits()
    }

    /// Insertion sort, best score first: the lists are short and mostly in order already, and
    /// unlike the standard sort it allocates nothing.
    private func sortBestFirst(_ threads: inout [Thread]) {
        func better(_ a: Thread, _ b: Thread) -> Bool {
            (a.literal, -a.wildcard, -a.start) > (b.literal, -b.wildcard, -b.start)
        }
        for index in 1..<threads.count {
            let thread = threads[index]
            var slot = index
            while slot > 0, better(thread, threads[slot - 1]) {
                threads[slot] = threads[slot - 1]
                slot -= 1
            }
            threads[slot] = thread
        }
    }

    /// Whether the word after `position` (skip words aside) can follow this start; a start
    /// that could end, or go on with a wildcard, always can. Most starts die here, before any
    /// thread is made for them.
    private func canContinue(_ followIndex: Int32, after position: Int, tokens: [Int32], skip: [Bool]) -> Bool {
        guard followIndex >= 0 else { return true }
        let follow = program.follows[Int(followIndex)]
        var next = position + 1
        while next < tokens.count {
            if follow.contains(tokens[next]) { return true }
            if !skip[next] { return false }
            next += 1
        }
        return false
    }

    /// Starts a match at `position`: straight at the instruction that takes this word when
    /// the index knows it, else through the template's whole opening.
    private mutating func seed(_ start: StartPoint, at position: Int, scratch: inout MatchScratch) {
        let pc = start.pc >= 0 ? start.pc : program.templateStarts[Int(start.template)]
        addClosure(Thread(pc: pc, start: Int32(position), literal: 0, wildcard: 0, trail: -1),
                   at: Int32(position), intoNext: false, scratch: &scratch)
    }

    /// Follows every non-consuming instruction from `thread`, recording slot boundaries and
    /// matches, and queues the consuming instructions it reaches.
    private mutating func addClosure(_ thread: Thread, at position: Int32, intoNext: Bool, scratch: inout MatchScratch) {
        // Most threads land straight on a word: no walk needed.
        let first = program.instructions[Int(thread.pc)].op
        if first == .word || first == .dispatch {
            guard scratch.marks[Int(thread.pc)] != scratch.generation else { return }
            scratch.marks[Int(thread.pc)] = scratch.generation
            if intoNext { next.append(thread) } else { current.append(thread) }
            return
        }
        stack.removeAll(keepingCapacity: true)
        stack.append(thread)
        let generation = scratch.generation
        while var item = stack.popLast() {
            let pc = Int(item.pc)
            if scratch.marks[pc] == generation { continue }
            scratch.marks[pc] = generation
            let instruction = program.instructions[pc]
            switch instruction.op {
            case .word, .any, .dispatch:
                if intoNext { next.append(item) } else { current.append(item) }
            case .split:
                var other = item
                other.pc = instruction.alternative
                item.pc = instruction.next
                stack.append(other)
                stack.append(item)
            case .open, .close:
                scratch.trail.append(TrailEvent(parent: item.trail, slot: instruction.argument,
                                                value: instruction.op == .open ? -2 : instruction.alternative, position: position))
                item.trail = Int32(scratch.trail.count - 1)
                item.pc = instruction.next
                stack.append(item)
            case .match:
                guard item.literal + item.wildcard > 0 else { continue }
                scratch.record(TemplateHit(template: instruction.argument, literal: item.literal, wildcard: item.wildcard,
                                           start: item.start, end: position, trail: item.trail))
            }
        }
    }
}

/// The compiled automaton the runner reads: instructions, dispatch tables, and where each
/// template starts and which words can start it.
struct WordProgram: Sendable {
    let instructions: [Instruction]
    let dispatchTables: [[Int32: [Int32]]]
    let templateStarts: [Int32]
    /// First word → where matches beginning with it start, grouped by the words that may come
    /// second, so one look at the next word settles a whole group.
    let startIndex: [Int32: [StartGroup]]
    /// Where matches that begin with a wildcard start: tried at every word.
    let wildcardStarters: [StartPoint]
    /// The words that can come second, for starts that need one (see `StartPoint.follow`).
    let follows: [Set<Int32>]

    init(instructions: [Instruction], dispatchTables: [[Int32: [Int32]]], templates: [CompiledTemplate]) {
        self.instructions = instructions
        self.dispatchTables = dispatchTables
        templateStarts = templates.map(\.start)
        var startIndex: [Int32: [StartPoint]] = [:]
        var wildcardStarters: [StartPoint] = []
        var follows: [Set<Int32>] = []
        var followOfPC: [Int32: Int32] = [:]
        var followIndex: [Set<Int32>: Int32] = [:]
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
                if let known = followIndex[words] {
                    index = known
                } else {
                    follows.append(words)
                    index = Int32(follows.count - 1)
                    followIndex[words] = index
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
                for word in template.firstWords { startIndex[word, default: []].append(StartPoint(template: number, pc: -1)) }
                if template.startsWithWildcard { wildcardStarters.append(StartPoint(template: number, pc: -1)) }
                continue
            }
            for pc in consuming {
                let instruction = instructions[Int(pc)]
                switch instruction.op {
                case .word:
                    startIndex[instruction.argument, default: []].append(StartPoint(template: number, pc: pc, follow: follow(of: pc)))
                case .dispatch:
                    let next = follow(of: pc)
                    for word in dispatchTables[Int(instruction.argument)].keys {
                        startIndex[word, default: []].append(StartPoint(template: number, pc: pc, follow: next))
                    }
                default: wildcardStarters.append(StartPoint(template: number, pc: pc))
                }
            }
        }
        self.startIndex = startIndex.mapValues { starts in
            Dictionary(grouping: starts, by: \.follow).sorted { $0.key < $1.key }.map { StartGroup(follow: $0.key, starts: $0.value) }
        }
        self.wildcardStarters = wildcardStarters
        self.follows = follows
    }
}

/// Start points sharing what may follow their first word.
struct StartGroup: Sendable {
    var follow: Int32
    var starts: [StartPoint]
}

/// Where a match can begin: a template, and the instruction that takes its first word (-1:
/// follow the template's opening from its start).
struct StartPoint: Sendable {
    var template: Int32
    var pc: Int32
    /// Index into `WordProgram.follows` of the words that may come next, or -1 when any may.
    var follow: Int32 = -1
}

/// Working memory for one match, reused across matches so matching allocates almost
/// nothing: visit marks per instruction (by generation, never cleared), the best hit per
/// template, and the slot trail. A value: a match owns it while it runs (no shared access to
/// check), and `ScratchPool` keeps it between matches.
struct MatchScratch: Sendable {
    var marks: [Int32]
    var generation: Int32 = 0
    var trail: [TrailEvent] = []
    private var best: [TemplateHit]
    private var bestRun: [Int32]
    private var run: Int32 = 0
    private var touched: [Int32] = []

    init(instructionCount: Int, templateCount: Int) {
        marks = [Int32](repeating: -1, count: instructionCount)
        best = [TemplateHit](repeating: TemplateHit(template: 0, literal: 0, wildcard: 0, start: 0, end: 0, trail: -1), count: templateCount)
        bestRun = [Int32](repeating: -1, count: templateCount)
    }

    mutating func beginRun(templateCount: Int) {
        run &+= 1
        generation &+= 1
        touched.removeAll(keepingCapacity: true)
        trail.removeAll(keepingCapacity: true)
        if generation > Int32.max - 1_000_000 {
            for index in marks.indices { marks[index] = -1 }
            generation = 0
        }
    }

    /// Keeps `hit` if it is the template's best so far: more literal words, fewer wildcard
    /// words, a longer stretch, an earlier start.
    mutating func record(_ hit: TemplateHit) {
        let template = Int(hit.template)
        if bestRun[template] == run {
            let current = best[template]
            guard (hit.literal, -hit.wildcard, hit.end - hit.start, -hit.start) >
                (current.literal, -current.wildcard, current.end - current.start, -current.start) else { return }
        } else {
            bestRun[template] = run
            touched.append(hit.template)
        }
        best[template] = hit
    }

    func hits() -> [TemplateHit] {
        touched.sorted().map { best[Int($0)] }
    }
}

/// Matching scratch shared by every copy of a matcher: taken for one match and given back,
/// so concurrent matches never share one.
final class ScratchPool: Sendable {
    private let free = Mutex<[MatchScratch]>([])
    private let instructionCount: Int
    private let templateCount: Int

    init(instructionCount: Int, templateCount: Int) {
        self.instructionCount = instructionCount
        self.templateCount = templateCount
    }

    func withScratch<T>(_ body: (inout MatchScratch) -> T) -> T {
        var scratch = free.withLock { $0.popLast() } ?? MatchScratch(instructionCount: instructionCount, templateCount: templateCount)
        let result = body(&scratch)
        free.withLock { $0.append(scratch) }
        return result
    }
}
