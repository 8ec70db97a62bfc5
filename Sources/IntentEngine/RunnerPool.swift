import Synchronization

/// The runners of a matcher, shared by every copy of it: one is taken for a match and given
/// back, so concurrent matches never share working memory and a match never builds its own.
final class RunnerPool: Sendable {
    private let free = Mutex<[AutomatonRunner]>([])
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
    func take() -> AutomatonRunner {
        free.withLock { $0.popLast() }
            ?? AutomatonRunner(instructionCount: instructionCount, templateCount: templateCount, wordCount: wordCount, ruleCount: ruleCount)
    }

    func give(_ runner: AutomatonRunner) {
        free.withLock { $0.append(runner) }
    }
}
