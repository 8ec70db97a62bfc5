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

/// Simulates compiled templates over a word sequence breadth-first (Pike's VM with Viterbi
/// scoring): every thread advances one word at a time, and at each instruction only the
/// best-scoring thread survives. Time is O(words × instructions) in the worst case, never
/// exponential, whatever the template's optionals and alternatives.
struct AutomatonRunner {
    private struct Thread {
        var pc: Int32
        var start: Int32
        var literal: Int32
        var wildcard: Int32
        var trail: Int32
    }

    let instructions: [Instruction]
    let dispatchTables: [[Int32: [Int32]]]
    private(set) var trail: [TrailEvent] = []
    /// The generation in which each instruction (relative to its template) was last reached.
    /// Generations only grow, across positions and templates, so nothing is ever cleared.
    private var marks: [Int32]
    private var generation: Int32 = 0
    private var current: [Thread] = []
    private var next: [Thread] = []
    private var stack: [Thread] = []
    private var pending: [Thread] = []

    init(instructions: [Instruction], dispatchTables: [[Int32: [Int32]]], largestTemplate: Int) {
        self.instructions = instructions
        self.dispatchTables = dispatchTables
        marks = [Int32](repeating: -1, count: largestTemplate)
    }

    /// Runs one template over `tokens` (word ids, -1 for unknown words), starting matches at
    /// `seeds` (ascending positions where the template can begin); returns its best hit.
    mutating func run(_ template: CompiledTemplate, number: Int32, tokens: [Int32], skip: [Bool], seeds: [Int]) -> TemplateHit? {
        guard let firstSeed = seeds.first else { return nil }
        generation += 1
        current.removeAll(keepingCapacity: true)
        var best: TemplateHit?
        let count = tokens.count
        var nextSeed = 0
        var position = firstSeed
        while position <= count {
            if nextSeed < seeds.count, seeds[nextSeed] == position {
                nextSeed += 1
                addClosure(Thread(pc: template.start, start: Int32(position), literal: 0, wildcard: 0, trail: -1),
                           at: Int32(position), base: template.base, intoNext: false, best: &best, number: number)
            }
            if position == count { break }
            if current.isEmpty {
                // Nothing alive: jump straight to where the next match could begin.
                guard nextSeed < seeds.count else { break }
                generation += 1
                position = seeds[nextSeed]
                continue
            }
            let token = tokens[position]
            pending.removeAll(keepingCapacity: true)
            for thread in current {
                let instruction = instructions[Int(thread.pc)]
                if instruction.op == .word, instruction.argument == token {
                    var moved = thread
                    moved.pc = instruction.next
                    moved.literal += 1
                    pending.append(moved)
                } else if instruction.op == .any {
                    var moved = thread
                    moved.pc = instruction.next
                    moved.wildcard += 1
                    pending.append(moved)
                } else if instruction.op == .dispatch, token >= 0,
                          let targets = dispatchTables[Int(instruction.argument)][token] {
                    for target in targets {
                        var moved = thread
                        moved.pc = target
                        moved.literal += 1
                        pending.append(moved)
                    }
                }
                if skip[position] { pending.append(thread) }
            }
            // Best first, so the first thread to reach an instruction is the best one there.
            pending.sort { ($0.literal, -$0.wildcard, -$0.start) > ($1.literal, -$1.wildcard, -$1.start) }
            generation += 1
            next.removeAll(keepingCapacity: true)
            for thread in pending.indices.map({ pending[$0] }) {
                addClosure(thread, at: Int32(position + 1), base: template.base, intoNext: true, best: &best, number: number)
            }
            swap(&current, &next)
            position += 1
        }
        return best
    }

    /// Follows every non-consuming instruction from `thread`, recording slot boundaries and
    /// matches, and queues the consuming instructions it reaches.
    private mutating func addClosure(_ thread: Thread, at position: Int32, base: Int32, intoNext: Bool,
                                     best: inout TemplateHit?, number: Int32) {
        stack.removeAll(keepingCapacity: true)
        stack.append(thread)
        while var item = stack.popLast() {
            let local = Int(item.pc - base)
            if marks[local] == generation { continue }
            marks[local] = generation
            let instruction = instructions[Int(item.pc)]
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
                trail.append(TrailEvent(parent: item.trail, slot: instruction.argument,
                                        value: instruction.op == .open ? -2 : instruction.alternative, position: position))
                item.trail = Int32(trail.count - 1)
                item.pc = instruction.next
                stack.append(item)
            case .match:
                guard item.literal + item.wildcard > 0 else { continue }
                let hit = TemplateHit(template: number, literal: item.literal, wildcard: item.wildcard,
                                      start: item.start, end: position, trail: item.trail)
                if let current = best {
                    if (hit.literal, -hit.wildcard, hit.end - hit.start, -hit.start) >
                        (current.literal, -current.wildcard, current.end - current.start, -current.start) {
                        best = hit
                    }
                } else {
                    best = hit
                }
            }
        }
    }

    /// Clears recorded slot history between utterances.
    mutating func resetTrail() {
        trail.removeAll(keepingCapacity: true)
    }
}
