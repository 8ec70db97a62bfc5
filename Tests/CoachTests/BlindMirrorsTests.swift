import Foundation
import Testing
@testable import Coach
import TranscriptFormat

/// The blind sets' mirror pairs kept as regression fixtures (Tests/Fixtures/blind/*/mirrors.json,
/// JSON so the intent fixture runner, which reads every YAML file there, leaves them alone):
/// each original with a faithful mirror, which must be judged faithful, and a poor one (a
/// judgement, a defence, a "but", advice, a lost feeling or a lost negation), which must not.
/// A mirror still judged wrong is named in its pair's `left_out` ("faithful", "poor"): the
/// next work, as `# left out:` is in the YAML fixtures.
struct BlindMirrorsTests {
    struct Pair: CustomTestStringConvertible, Sendable {
        var file: String
        var original: String
        var mirror: String
        var faithful: Bool
        var testDescription: String { "\(file): \"\(mirror)\" as a mirror of \"\(original)\"" }
    }

    struct Written: Decodable {
        var original: String
        var faithful: String
        var poor: String
        var left_out: [String]?
    }

    static let pairs: [Pair] = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { url.deleteLastPathComponent() }
        let root = url.appendingPathComponent("Fixtures/blind")
        let sets = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        var pairs: [Pair] = []
        for set in sets {
            let file = root.appendingPathComponent(set).appendingPathComponent("mirrors.json")
            guard let data = try? Data(contentsOf: file) else { continue }
            let written = (try? JSONDecoder().decode([Written].self, from: data)) ?? []
            #expect(!written.isEmpty, "\(file.path) reads as mirror pairs")
            for item in written {
                let left = Set(item.left_out ?? [])
                if !left.contains("faithful") { pairs.append(Pair(file: set, original: item.original, mirror: item.faithful, faithful: true)) }
                if !left.contains("poor") { pairs.append(Pair(file: set, original: item.original, mirror: item.poor, faithful: false)) }
            }
        }
        return pairs
    }()

    @Test func theSetsAreThere() {
        #expect(Self.pairs.count >= 60)
        #expect(Self.pairs.filter { $0.file == "set7" }.count >= 80)
    }

    @Test(arguments: pairs)
    func aMirrorIsJudgedAsItIs(_ pair: Pair) {
        let check = MirrorCheck(lexicon: ShippedContent.script.lexicon, language: ShippedContent.script.matcher.language)
        let verdict = check.judge(mirror: pair.mirror, of: pair.original, speaker: nil, listener: nil)
        #expect((verdict.verdict == .faithful) == pair.faithful, "\(verdict.verdict): missed \(verdict.missed), added \(verdict.added)")
    }
}
