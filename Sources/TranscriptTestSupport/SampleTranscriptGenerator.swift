#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Coach
import TranscriptFormat
import TranscriptStore

/// Makes realistic, reproducible transcripts in bulk: for the review benchmark, for tests of
/// aggregation at scale, and for trying `attune review` without real data.
///
/// Everything comes from a seeded generator, so the same seed gives byte-identical files. The
/// generator counts what it writes (`Expected`) independently of review's code, so a test can
/// check review's totals against it.
public struct SampleTranscriptGenerator: Sendable {
    /// What was generated, counted at the source.
    public struct Expected: Sendable, Equatable {
        public var sessions = 0
        public var records = 0
        public var bytes = 0
        public var partnerTurns: [String: Int] = [:]
        public var exercisesStarted = 0
        public var exercisesFinished = 0
        public var iStatements = 0
        public var horsemen = 0
        public var mirrorsTried = 0
        public var mirrorsFaithful = 0
        public var mirrorsConfirmed = 0
        public var safetyEvents = 0
        public var feelings: [String: Int] = [:]
    }

    /// Partner exchanges per session (each adds a partner line and a coach line).
    public var turnsPerSession: Int
    /// When the first session starts.
    public var firstStart: TranscriptTimestamp
    /// Everything generated so far.
    public private(set) var expected = Expected()
    private var random: SeededGenerator

    /// A generator; `turnsPerSession` 200 gives about 100 KB per session.
    public init(seed: UInt64 = 1, turnsPerSession: Int = 200,
                firstStart: TranscriptTimestamp = TranscriptTimestamp(rfc3339: "2026-01-05T19:30:00Z")!) {
        self.turnsPerSession = max(1, turnsPerSession)
        self.firstStart = firstStart
        self.random = SeededGenerator(seed: seed)
    }

    static let couples = [("Alex", "Sam"), ("Jordan", "Riley"), ("Maya", "Noor"), ("Chris", "Dana")]
    static let flows = ["check-in", "mirroring", "active-listening", "i-feel", "appreciation", "repair", "stress-talk"]
    static let feelings = ["lonely", "tired", "hopeful", "anxious", "grateful", "frustrated", "calm", "hurt", "excited"]
    static let openings = [
        "I feel %@ when we don't get time together in the evenings",
        "Honestly I'm %@ after this week, work has been a lot",
        "When you said that yesterday I felt %@ and I didn't know how to say it",
        "I really appreciated that you made dinner, it made me feel %@",
        "Can we talk about the weekend plans, I'm %@ about it",
    ]
    static let plain = [
        "so what you're saying is that the evenings matter to you",
        "yes, that's it, thank you for hearing me",
        "I didn't think about it that way before",
        "you always do this when I bring something up",
        "fine, whatever, I don't want to talk about it",
        "that's not fair, I was busy too",
        "can we try the mirroring exercise",
        "I need a break for a minute",
        "what would help you feel more supported this week?",
        "I love that we can talk about this now",
    ]
    static let coachLines = [
        "It sounds like that matters a lot to you. Can you say a little more about it?",
        "Thank you for sharing that. Would your partner like to mirror back what they heard?",
        "Let's slow down for a moment. What do you need right now?",
        "That took courage to say. How did it feel to hear it?",
        "Try starting with \"I feel …\" and see where it goes.",
    ]

    /// The session id for session `index` (also its file name stem).
    public func sessionID(index: Int) -> String {
        JSONLFileSink.fileStem(startedAt: startOfSession(index), suffix: SampleTranscriptGenerator.suffix(index))
    }

    /// Sessions happen most evenings, sometimes skipping a day or two.
    func startOfSession(_ index: Int) -> TranscriptTimestamp {
        let days = Int64(index) + Int64(index / 5) // a gap after every fifth session
        return TranscriptTimestamp(millisecondsSinceEpoch: firstStart.millisecondsSinceEpoch + days * 86_400_000
                                   + Int64(index % 3) * 600_000)
    }

    static func suffix(_ index: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var value = index
        var text = ""
        for _ in 0..<6 {
            text.append(alphabet[value % alphabet.count])
            value /= alphabet.count
        }
        return text
    }

    /// The records of session `index`, counted into `expected`.
    public mutating func session(index: Int) -> [TranscriptRecord] {
        let id = sessionID(index: index)
        let couple = SampleTranscriptGenerator.couples[index % SampleTranscriptGenerator.couples.count]
        var clock = startOfSession(index).millisecondsSinceEpoch
        var seq = 0
        var records: [TranscriptRecord] = []
        records.reserveCapacity(turnsPerSession * 2 + 16)
        func add(_ body: TranscriptRecord.Body) {
            seq += 1
            clock += Int64(5_000 + random.index(below: 40_000))
            records.append(TranscriptRecord(session: id, seq: seq, timestamp: TranscriptTimestamp(millisecondsSinceEpoch: clock), body: body))
        }
        add(.event(.sessionStart(partners: [couple.0, couple.1], version: "0.1.0", seed: UInt64(index))))
        expected.sessions += 1

        var activeFlow: String?
        var flowTurnsLeft = 0
        for turn in 0..<turnsPerSession {
            if activeFlow == nil, random.index(below: 12) == 0 {
                let flow = SampleTranscriptGenerator.flows[random.index(below: SampleTranscriptGenerator.flows.count)]
                add(.event(.command("/start \(flow)")))
                add(.event(.flowStart(flow: flow)))
                expected.exercisesStarted += 1
                activeFlow = flow
                flowTurnsLeft = 6 + random.index(below: 20)
            }
            let speaker = turn % 2 == 0 ? couple.0 : couple.1
            var flags: [String] = []
            var slots: [String: String] = [:]
            var text: String
            var intent = "none"
            if random.index(below: 3) == 0 {
                let feeling = SampleTranscriptGenerator.feelings[random.index(below: SampleTranscriptGenerator.feelings.count)]
                let template = SampleTranscriptGenerator.openings[random.index(below: SampleTranscriptGenerator.openings.count)]
                text = template.replacingFeelingMarker(with: feeling)
                slots["feeling"] = feeling
                intent = "express_feeling"
                expected.feelings[feeling, default: 0] += 1
                if random.index(below: 2) == 0 { flags.append(TurnFlag.iStatement); expected.iStatements += 1 }
            } else {
                text = SampleTranscriptGenerator.plain[random.index(below: SampleTranscriptGenerator.plain.count)]
            }
            if random.index(below: 10) == 0 {
                let horseman = TurnFlag.horsemen[random.index(below: 4)]
                flags.append(horseman)
                expected.horsemen += 1
                intent = horseman
            }
            var mirror: MirrorJudgement?
            var confirmed: Bool?
            if activeFlow == "mirroring" || (activeFlow != nil && random.index(below: 4) == 0) {
                let verdict = MirrorVerdict.allCases[random.index(below: 3)]
                mirror = MirrorJudgement(verdict: verdict, kept: ["evenings"], missed: verdict == .faithful ? [] : ["together"],
                                         added: verdict == .off ? ["always"] : [])
                confirmed = random.index(below: 3) != 0
                intent = "mirror"
                expected.mirrorsTried += 1
                if verdict == .faithful { expected.mirrorsFaithful += 1 }
                if confirmed == true { expected.mirrorsConfirmed += 1 }
            }
            add(.partner(PartnerTurn(
                speaker: speaker, text: text, intent: intent, confidence: Double(50 + random.index(below: 50)) / 100,
                slots: slots, flags: flags, flow: activeFlow, state: activeFlow.map { _ in "send" },
                mirror: mirror, confirmed: confirmed)))
            expected.partnerTurns[speaker, default: 0] += 1
            add(.coach(text: SampleTranscriptGenerator.coachLines[random.index(below: SampleTranscriptGenerator.coachLines.count)]))
            if let flow = activeFlow {
                flowTurnsLeft -= 1
                if flowTurnsLeft <= 0 {
                    let completed = random.index(below: 4) != 0
                    add(.event(.flowEnd(flow: flow, completed: completed)))
                    if completed { expected.exercisesFinished += 1 }
                    activeFlow = nil
                }
            }
            if random.index(below: 5_000) == 0 {
                add(.event(.safety(kind: random.index(below: 2) == 0 ? "self_harm" : "abuse")))
                expected.safetyEvents += 1
            }
        }
        if let flow = activeFlow {
            add(.event(.flowEnd(flow: flow, completed: false)))
        }
        add(.event(.sessionEnd(reason: .quit)))
        expected.records += records.count
        return records
    }

    /// How lines are laid out.
    public enum Layout: String, Sendable, CaseIterable {
        /// As Attune writes them.
        case compact
        /// As other tools write the same JSON (`SpacedJSONLayout`).
        case spaced
    }

    /// Writes sessions `0..<count` as `<id>.jsonl` files in `folder` (created if missing), with
    /// buffered writes and no fsync: this is test data, not a coaching session.
    /// Returns the bytes written, or throws the errno.
    @discardableResult
    public mutating func writeCorpus(sessions count: Int, to folder: String, layout: Layout = .compact) throws(TranscriptWriteFailure) -> Int {
        if let code = JSONLFileSink.makeFolders(folder) {
            throw TranscriptWriteFailure(operation: .createFolder, errno: code, path: folder, pendingLines: 0)
        }
        var total = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        for index in 0..<count {
            let path = TranscriptLocation.path(forSession: sessionID(index: index), in: folder)
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw TranscriptWriteFailure(operation: .create, errno: errno, path: path, pendingLines: 0) }
            defer { _ = closeDescriptor(fd) }
            buffer.removeAll(keepingCapacity: true)
            for record in session(index: index) {
                var line = TranscriptLineEncoder.encode(record)
                if layout == .spaced {
                    line.removeLast()
                    line = SpacedJSONLayout.rewrite(line) + [0x0A]
                }
                buffer.append(contentsOf: line)
            }
            var offset = 0
            while offset < buffer.count {
                let written = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw TranscriptWriteFailure(operation: .write, errno: errno, path: path, pendingLines: 0)
                }
                offset += written
            }
            total += buffer.count
        }
        expected.bytes += total
        return total
    }
}

extension String {
    fileprivate func replacingFeelingMarker(with value: String) -> String {
        let parts = split(separator: "%@", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 ? parts[0] + value + parts[1] : self
    }
}
