import Foundation
import Testing
@testable import AttuneCLI
import Coach
import IntentEngine

/// The start-up cache must behave exactly like content built from YAML, and a damaged cache
/// must be refused, never trusted or crashed on.
@Suite struct CompiledContentCacheTests {
    static let fresh: CoachScript = {
        let loaded = ShippedContentTests.loaded
        return CoachScript.build(content: loaded.content, matcher: loaded.matcher).0
    }()

    @Test func aCachedCoachSaysExactlyWhatAFreshOneSays() throws {
        let cached = try CoachScript.decodedFromCache(Self.fresh.encodedForCache())
        #expect(cached.flowNames == Self.fresh.flowNames)
        for name in ShippedContentTests.scripts {
            let file = ShippedContentTests.root + "/Scripts/" + name
            let fromYAML = try ReplayInputs.replay(file, runner: ReplayRunner(script: Self.fresh))
            let fromCache = try ReplayInputs.replay(file, runner: ReplayRunner(script: cached))
            #expect(fromCache.transcript == fromYAML.transcript, "\(name)")
            #expect(fromCache.failures.isEmpty, "\(name): \(fromCache.failures)")
        }
        for text in ["I feel so lonley when you work late", "we are Jo and Max", "i dont want to live anymore", "what's the weather",
                     "we finished the kitchen tiles this weekend"] {
            let a = Self.fresh.matcher.match(text), b = cached.matcher.match(text)
            #expect(a.intent == b.intent && a.confidence == b.confidence && a.slots == b.slots, "\(text)")
        }
    }

    /// The mirror check keys words no template writes, so the irregular forms must come
    /// through the cache too: "slipped my mind" mirrors "forgot" read from either.
    @Test func aCachedCoachJudgesAMirrorAsAFreshOneDoes() throws {
        let cached = try CoachScript.decodedFromCache(Self.fresh.encodedForCache())
        let original = "i was really upset that you forgot our anniversary"
        let mirror = "you were really upset that our anniversary slipped my mind"
        for script in [Self.fresh, cached] {
            let check = MirrorCheck(lexicon: script.lexicon, language: script.matcher.language)
            #expect(check.judge(mirror: mirror, of: original, speaker: nil, listener: nil).verdict == .faithful)
        }
        #expect(cached.matcher.language.forms.key("forgot") == Self.fresh.matcher.language.forms.key("forget"))
    }

    @Test func aTruncatedOrDamagedCacheIsRefused() {
        let bytes = Self.fresh.encodedForCache()
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(throws: (any Error).self) { try CoachScript.decodedFromCache(Array(bytes[0..<length])) }
        }
        var damaged = bytes
        damaged[0] = 0x7F
        #expect(throws: (any Error).self) { try CoachScript.decodedFromCache(damaged) }
    }

    @Test func damagedTemplatesDecodedInTheBackgroundAreCompiledAfresh() throws {
        var bytes = Self.fresh.encodedForCache()
        bytes.removeLast(12)
        let fresh = Self.fresh.matcher
        let script = try CoachScript.decodedFromCache(bytes, rebuild: { fresh })
        #expect(script.matcher.match("no not really").intent == "deny")
        #expect(script.flows.count == Self.fresh.flows.count)
    }

    /// The cache of this content as an Attune with the previous layout would have written it:
    /// the same bytes, but for the format number in front.
    static func previousFormat(_ bytes: [UInt8]) -> [UInt8] {
        var old = ByteWriter()
        old.int(CoachScript.cacheFormat - 1)
        var current = ByteWriter()
        current.int(CoachScript.cacheFormat)
        return old.bytes + bytes.dropFirst(current.bytes.count)
    }

    @Test func aCacheOfAnotherFormatIsRefusedByItsVersionNotMisread() {
        let bytes = Self.previousFormat(Self.fresh.encodedForCache())
        #expect(throws: CoachScript.CacheFormatMismatch(found: CoachScript.cacheFormat - 1, expected: CoachScript.cacheFormat)) {
            try CoachScript.decodedFromCache(bytes)
        }
        #expect(throws: CoachScript.CacheFormatMismatch.self) { try CoachScript.decodedFromCache(bytes, rebuild: { Self.fresh.matcher }) }
    }

    @Test func aCacheOfAnotherFormatIsIgnoredAndRebuilt() throws {
        let directory = ShippedContentTests.root + "/Intents"
        let folder = Attune.temporaryFolder("oldcache")
        let key = try #require(CompiledContentCache.key(for: directory))
        // The worst case: an old layout under this very key's name (as if the key had not
        // changed with the format), and an older cache under another name.
        let path = "\(folder)/content-\(key).bin"
        try Data(Self.previousFormat(Self.fresh.encodedForCache())).write(to: URL(fileURLWithPath: path))
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/content-0123abcd.bin"))
        let options = try IntentsOptions.parse(["--intents", directory])
        let script = try CompiledContentCache(folder: folder).coach(for: directory, options: options)
        #expect(script.flowNames == Self.fresh.flowNames)
        #expect(script.matcher.match("no not really").intent == "deny")
        // Rebuilt in this layout, and read back as it.
        let rewritten = try #require(FileManager.default.contents(atPath: path))
        #expect(try CoachScript.decodedFromCache([UInt8](rewritten)).flowNames == Self.fresh.flowNames)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["content-\(key).bin"])
    }

    /// The cache is read whole and exactly, at every size around the buffer that finds its
    /// end: empty, a byte, a page and a byte either side, and several pages.
    @Test(arguments: [0, 1, 4095, 4096, 4097, 3 * 4096 + 7, 100_000])
    func aFileIsReadWholeAndExactly(size: Int) throws {
        let path = Attune.temporaryFolder("cacheread") + "/content.bin"
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(CompiledContentCache.readRegularFile(path) == bytes)
        #expect(CompiledContentCache.readRegularFile(path + ".missing") == nil)
    }

    @Test func theKeyChangesWhenContentChanges() throws {
        let folder = Attune.temporaryFolder("cachekey")
        try "intents:\n  greet: {templates: [hi]}\n".write(toFile: folder + "/a.yaml", atomically: true, encoding: .utf8)
        let first = CompiledContentCache.key(for: folder)
        try "intents:\n  greet: {templates: [hello]}\n".write(toFile: folder + "/a.yaml", atomically: true, encoding: .utf8)
        #expect(first != nil && CompiledContentCache.key(for: folder) != first)
    }

    @Test func theREPLUsesAndRepairsItsCache() throws {
        let cache = Attune.temporaryFolder("cache")
        let environment = ["XDG_CACHE_HOME": cache]
        let first = try Attune.run(["--names", "Alex,Sam", "--no-transcript", "--seed", "4"], input: "/start check-in\nI slept well\n", environment: environment)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache + "/attune")
        #expect(files.count == 1)
        let path = cache + "/attune/" + files[0]
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        try Data("not a cache".utf8).write(to: URL(fileURLWithPath: path))
        let second = try Attune.run(["--names", "Alex,Sam", "--no-transcript", "--seed", "4"], input: "/start check-in\nI slept well\n", environment: environment)
        #expect(second.status == 0)
        #expect(second.stdout == first.stdout)
    }
}
