/// Drops the instructions no match can reach and numbers the rest template by template, in
/// the order a match walks them. Compiling leaves dead code behind: a large alternative
/// becomes a dispatch table that jumps past its branches' first words, and a nested table is
/// merged into the one around it. About half the instructions are such, and the matcher's
/// speed is bound by how much of the program fits in the processor's caches.
enum ProgramCompactor {
    struct Program {
        var instructions: [Instruction]
        var dispatchTables: [[Int32: [Int32]]]
        var templates: [CompiledTemplate]
    }

    static func compact(_ program: Program) -> Program {
        let old = program.instructions
        var number = [Int32](repeating: -1, count: old.count)
        var order: [Int32] = []
        order.reserveCapacity(old.count)
        var templates = program.templates
        for index in templates.indices {
            let first = Int32(order.count)
            var stack = [templates[index].start]
            while let pc = stack.popLast() {
                guard pc >= 0, number[Int(pc)] < 0 else { continue }
                number[Int(pc)] = Int32(order.count)
                order.append(pc)
                let instruction = old[Int(pc)]
                // Pushed in reverse, so the first way on is numbered next.
                switch instruction.op {
                case .split:
                    stack.append(instruction.alternative)
                    stack.append(instruction.next)
                case .dispatch:
                    let table = program.dispatchTables[Int(instruction.argument)]
                    for word in table.keys.sorted().reversed() { stack += table[word]!.reversed() }
                case .match:
                    break
                case .word, .any, .open, .close:
                    stack.append(instruction.next)
                }
            }
            templates[index].start = number[Int(templates[index].start)]
            templates[index].base = first
            templates[index].count = Int32(order.count) - first
        }
        var tableNumber = [Int32](repeating: -1, count: program.dispatchTables.count)
        var tables: [[Int32: [Int32]]] = []
        var instructions: [Instruction] = []
        instructions.reserveCapacity(order.count)
        for pc in order {
            var instruction = old[Int(pc)]
            switch instruction.op {
            case .split:
                instruction.next = number[Int(instruction.next)]
                instruction.alternative = number[Int(instruction.alternative)]
            case .word, .any, .open, .close:
                instruction.next = number[Int(instruction.next)]
            case .dispatch:
                let table = Int(instruction.argument)
                if tableNumber[table] < 0 {
                    tableNumber[table] = Int32(tables.count)
                    tables.append(program.dispatchTables[table].mapValues { $0.map { number[Int($0)] } })
                }
                instruction.argument = tableNumber[table]
            case .match:
                break
            }
            instructions.append(instruction)
        }
        return Program(instructions: instructions, dispatchTables: tables, templates: templates)
    }
}
