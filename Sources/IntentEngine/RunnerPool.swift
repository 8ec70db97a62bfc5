import Synchronization

/// A runner as the pool holds it: one reference to take and give back, where the runner
/// itself holds a dozen lists, each a reference to count on every copy.
final class PooledRunner: @unchecked Sendable {
    var runner: AutomatonRunner
    init(_ runner: AutomatonRunner) { self.runner = runner }
}

/// The runners of a matcher, shared by every copy of it: one is taken for a match and given
/// back, so concurrent matches never share working memory and a match never builds its own.
/// A runner is used by one match at a time: the one that took it.
final class RunnerPool: Sendable {
    private let free = Mutex<[PooledRunner]>([])
    private let instructionCount: Int
    private let templateCount: Int
    private let wordCount: Int
    private let ruleCount: Int

    init(instructionCount: Int, templateCount: Int, wordCount: Int, ruleCount: Int) {
        self.instructionCount = instructionCount
        self.templateCount = templateCount
        self.wordCount = wordCount
        self.ruleCount = ruleCount
    }

    /// A runner for one match; give it back with `give` when the match is done.
    func take() -> PooledRunner {
        free.withLock { $0.popLast() }
            ?? PooledRunner(AutomatonRunner(instructionCount: instructionCount, templateCount: templateCount, wordCount: wordCount,
                                            ruleCount: ruleCount))
    }

    func give(_ runner: PooledRunner) {
        free.withLock { $0.append(runner) }
    }
}
