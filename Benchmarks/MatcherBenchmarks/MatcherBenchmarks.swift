import Benchmark
import Foundation
import IntentEngine

/// The repository's `Intents/` and fixtures, found from this file.
private let repository: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

private func loadShipped() -> IntentContent {
    ContentLoader.load(directory: repository + "/Intents").0
}

/// Every fixture utterance, the realistic mix a matcher sees.
private func fixtureUtterances() -> [(String, MatchContext)] {
    let folder = repository + "/Tests/Fixtures/intents"
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return files.sorted().flatMap { file in
        IntentFixtureReader.read(file: folder + "/" + file).0.map { ($0.text, MatchContext(parsing: $0.state)) }
    }
}

/// The shipped content plus `factor - 1` copies of every intent's templates with invented
/// words, so the template count grows while the real utterances stay the same.
private func scaled(_ content: IntentContent, factor: Int) -> IntentContent {
    guard factor > 1 else { return content }
    var result = content
    for copy in 1..<factor {
        for (name, intent) in content.intents where intent.safety == nil {
            var clone = intent
            clone.name = "\(name)_copy\(copy)"
            clone.keywords = [:]
            clone.templates = intent.templates.enumerated().map { index, source in
                var template = source
                let marker = "zq\(copy)x\(index)"
                template.text = "\(marker) \(source.text)"
                template.node = .sequence([.word(marker), source.node])
                return template
            }
            result.intents[clone.name] = clone
        }
    }
    return result
}

/// Which utterance the next sample matches: each sample is one match, and the samples walk
/// through every fixture, so p50 and p99 are over the real mix. Benchmarks run one at a time.
/// The matcher is built in the benchmark's setup and dropped in its teardown, so each size is
/// measured alone, as in the real program, which holds one matcher.
private final class MatcherRun: @unchecked Sendable {
    var matcher: Matcher?
    var next = 0
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .throughput],
                                           timeUnits: .microseconds, maxDuration: .seconds(5))

    Benchmark("Load and compile shipped Intents", configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds)) { benchmark in
        for _ in benchmark.scaledIterations {
            let content = loadShipped()
            blackHole(IntentCompiler.compile(content).0)
        }
    }

    let utterances = fixtureUtterances()
    let shipped = loadShipped()
    for factor in [1, 10, 100] {
        let content = scaled(shipped, factor: factor)
        let templates = content.intents.values.reduce(0) { $0 + $1.templates.count }
        // Time is measured without the allocation counter (its hooks slow every malloc);
        // allocations are counted in a run of their own.
        for counting in factor == 1 ? [false, true] : [false] {
            let run = MatcherRun()
            let name = counting ? "Allocations per match (\(factor)x templates)" : "Match one fixture utterance (\(factor)x templates, \(templates))"
            Benchmark(name, configuration: .init(metrics: counting ? [.mallocCountTotal] : [.wallClock], timeUnits: .microseconds,
                                                 maxDuration: .seconds(10), maxIterations: 50_000),
                      closure: { benchmark in
                          guard let matcher = run.matcher else { return }
                          for _ in benchmark.scaledIterations {
                              let (text, context) = utterances[run.next % utterances.count]
                              run.next += 1
                              blackHole(matcher.match(text, context: context))
                          }
                      },
                      setup: { run.matcher = IntentCompiler.compile(content).0 },
                      teardown: { run.matcher = nil })
        }
    }
}
