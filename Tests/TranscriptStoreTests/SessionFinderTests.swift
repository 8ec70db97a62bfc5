import Testing
import TranscriptStore

@Suite("SessionFinder")
struct SessionFinderTests {
    let finder = SessionFinder(paths: [
        "/t/2026-11-03T20-00-00Z-k3x9qa.jsonl", "/t/2026-11-02T19-00-00Z-k3a111.jsonl", "/t/2026-11-10T18-30-00Z-zz0001.jsonl",
    ])

    @Test func theShortIDIsTheRandomPartOfTheStem() {
        #expect(finder.entries.map(\.shortID) == ["k3a111", "k3x9qa", "zz0001"])
        #expect(finder.entries[0].stem == "2026-11-02T19-00-00Z-k3a111")
    }

    @Test func anIDAUniquePrefixOrTheFileNameFindsOneSession() {
        #expect(finder.find("k3x9qa") == .found(finder.entries[1]))
        #expect(finder.find("K3X") == .found(finder.entries[1]))
        #expect(finder.find("z") == .found(finder.entries[2]))
        #expect(finder.find("2026-11-10T18-30-00Z-zz0001.jsonl") == .found(finder.entries[2]))
        #expect(finder.find("2026-11-02") == .found(finder.entries[0]))
    }

    @Test func aSharedPrefixIsAmbiguousAndAnUnknownNameListsEverySession() {
        #expect(finder.find("k3") == .ambiguous(candidates: Array(finder.entries[0...1])))
        #expect(finder.find("2026-11-0") == .ambiguous(candidates: Array(finder.entries[0...1])))
        #expect(finder.find("nope") == .unknown(candidates: finder.entries))
        #expect(finder.find("") == .unknown(candidates: finder.entries))
    }
}
