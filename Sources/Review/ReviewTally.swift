import IntentEngine
import TranscriptFormat

/// Counts for one partner: how much they spoke and how they spoke.
public struct PartnerTally: Sendable, Equatable {
    /// The partner's name (or "Partner A" once redacted).
    public var name: String
    /// Partner lines they typed.
    public var turns = 0
    /// Words in those lines (the words the coach matches on, `TextNormalizer.tokenize`).
    public var words = 0
    /// Lines flagged `i_statement`.
    public var iStatements = 0
    /// Lines flagged `criticism`.
    public var criticism = 0
    /// Lines flagged `contempt`.
    public var contempt = 0
    /// Lines flagged `defensiveness`.
    public var defensiveness = 0
    /// Lines flagged `stonewalling`.
    public var stonewalling = 0
    /// Their lines judged as mirrors of the other partner.
    public var mirrorsTried = 0
    /// Of those, verdict `faithful`.
    public var mirrorsFaithful = 0
    /// Of those, accepted by the speaker (`confirmed`).
    public var mirrorsConfirmed = 0

    /// A partner with nothing counted yet.
    public init(name: String) {
        self.name = name
    }

    /// All four horsemen together.
    public var horsemen: Int { criticism + contempt + defensiveness + stonewalling }

    /// The count for one of `TurnFlag.horsemen`.
    public func count(ofHorseman flag: String) -> Int {
        switch flag {
        case TurnFlag.criticism: return criticism
        case TurnFlag.contempt: return contempt
        case TurnFlag.defensiveness: return defensiveness
        case TurnFlag.stonewalling: return stonewalling
        default: return 0
        }
    }

    mutating func merge(_ other: PartnerTally) {
        turns += other.turns
        words += other.words
        iStatements += other.iStatements
        criticism += other.criticism
        contempt += other.contempt
        defensiveness += other.defensiveness
        stonewalling += other.stonewalling
        mirrorsTried += other.mirrorsTried
        mirrorsFaithful += other.mirrorsFaithful
        mirrorsConfirmed += other.mirrorsConfirmed
    }
}

/// How often one exercise was started and how often it was finished.
public struct FlowTally: Sendable, Equatable {
    /// The flow name, such as `mirroring`.
    public var name: String
    /// `flow_start` events.
    public var started = 0
    /// `flow_end` events with `completed: true`.
    public var finished = 0
}

/// A safety event as review shows it: its kind and time, never the words behind it.
public struct SafetyNote: Sendable, Equatable {
    /// The session it was raised in.
    public var session: String
    /// When.
    public var timestamp: TranscriptTimestamp
    /// Its kind, such as `self_harm` or `abuse`.
    public var kind: String
}

/// Something the couple made, as review and progress show it: the artifact and when.
public struct ArtifactNote: Sendable, Equatable {
    /// The session it was made in.
    public var session: String
    /// When.
    public var timestamp: TranscriptTimestamp
    /// What was made.
    public var artifact: Artifact

    /// Newest first; ties by session, then kind, so output is stable.
    static func newerFirst(_ a: ArtifactNote, _ b: ArtifactNote) -> Bool {
        if a.timestamp != b.timestamp { return a.timestamp > b.timestamp }
        if a.session != b.session { return a.session > b.session }
        return a.artifact.kind < b.artifact.kind
    }
}

/// Everything review counts over a set of records: one session, one week, or all of them.
///
/// Tallies are small and merge by addition, which is what lets review stream: each record
/// updates its session's tally and is then forgotten, and totals and weekly trends are merges.
public struct ReviewTally: Sendable, Equatable {
    /// Per partner, in order of first appearance.
    public var partners: [PartnerTally] = []
    /// Per exercise, in order of first appearance.
    public var flows: [FlowTally] = []
    /// `feeling` slot values and how often each was named.
    public var feelings: [String: Int] = [:]
    /// Who made the last mirror not yet confirmed: the speaker's "yes" comes on a later line,
    /// and the confirmation belongs to the listener who mirrored.
    var lastMirrorBy: Int?
    /// Safety events, in the order seen.
    public var safety: [SafetyNote] = []
    /// What the couple made, newest first: at most `artifactsKept`, so memory stays flat
    /// however many sessions are read.
    public var artifacts: [ArtifactNote] = []
    /// Artifacts seen in all, including those no longer kept.
    public var artifactCount = 0
    /// Artifacts seen, by kind (counted even when no longer kept).
    public var artifactsByKind: [String: Int] = [:]
    /// Repair phrases chosen: the lines of the `phrases` field of `repair_phrases` artifacts.
    public var repairPhrasesChosen = 0
    /// How many artifacts a tally keeps.
    public static let artifactsKept = 50

    /// An empty tally.
    public init() {}

    /// Partner lines in all.
    public var partnerTurns: Int { partners.reduce(0) { $0 + $1.turns } }
    /// Words in all partner lines.
    public var partnerWords: Int { partners.reduce(0) { $0 + $1.words } }
    /// "I" statements in all.
    public var iStatements: Int { partners.reduce(0) { $0 + $1.iStatements } }
    /// Horsemen flags in all.
    public var horsemen: Int { partners.reduce(0) { $0 + $1.horsemen } }
    /// Mirrors tried in all.
    public var mirrorsTried: Int { partners.reduce(0) { $0 + $1.mirrorsTried } }
    /// Mirrors judged faithful.
    public var mirrorsFaithful: Int { partners.reduce(0) { $0 + $1.mirrorsFaithful } }
    /// Mirrors the speaker accepted.
    public var mirrorsConfirmed: Int { partners.reduce(0) { $0 + $1.mirrorsConfirmed } }
    /// Exercises started.
    public var exercisesStarted: Int { flows.reduce(0) { $0 + $1.started } }
    /// Exercises finished.
    public var exercisesFinished: Int { flows.reduce(0) { $0 + $1.finished } }

    /// Feelings by how often they were named, most first (ties alphabetical).
    public var feelingsByCount: [(feeling: String, count: Int)] {
        feelings.map { (feeling: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.feeling < $1.feeling }
    }

    /// Counts one record.
    public mutating func add(_ record: TranscriptRecord) {
        switch record.body {
        case .partner(let turn):
            // A line typed before names were known (the names themselves) belongs to no one.
            guard !turn.speaker.isEmpty else { return }
            let index = partnerIndex(turn.speaker)
            partners[index].turns += 1
            partners[index].words += TextNormalizer.tokenize(turn.text).count
            for flag in turn.flags {
                switch flag {
                case TurnFlag.iStatement: partners[index].iStatements += 1
                case TurnFlag.criticism: partners[index].criticism += 1
                case TurnFlag.contempt: partners[index].contempt += 1
                case TurnFlag.defensiveness: partners[index].defensiveness += 1
                case TurnFlag.stonewalling: partners[index].stonewalling += 1
                default: break
                }
            }
            if let mirror = turn.mirror {
                partners[index].mirrorsTried += 1
                if mirror.verdict == .faithful { partners[index].mirrorsFaithful += 1 }
                lastMirrorBy = index
            }
            if turn.confirmed == true, let listener = lastMirrorBy {
                partners[listener].mirrorsConfirmed += 1
                lastMirrorBy = nil
            }
            if let feeling = turn.slots["feeling"], !feeling.isEmpty {
                feelings[feeling, default: 0] += 1
            }
        case .coach:
            break
        case .event(let event):
            switch event {
            case .sessionStart(let names, _, _, _), .namesGiven(let names, _):
                for name in names { _ = partnerIndex(name) }
            case .flowStart(let flow):
                flows[flowIndex(flow)].started += 1
            case .flowEnd(let flow, let completed):
                let index = flowIndex(flow)
                if completed { flows[index].finished += 1 }
            case .safety(let kind):
                safety.append(SafetyNote(session: record.session, timestamp: record.timestamp, kind: kind))
            case .artifact(let artifact):
                keep([ArtifactNote(session: record.session, timestamp: record.timestamp, artifact: artifact)])
                artifactCount += 1
                artifactsByKind[artifact.kind, default: 0] += 1
                if artifact.kind == Artifact.repairPhrases, let phrases = artifact[field: "phrases"] {
                    repairPhrasesChosen += phrases.split(separator: "\n").count
                }
            case .sessionEnd, .command, .unrecognized:
                break
            }
        }
    }

    /// Adds another tally's counts to this one; partners and flows keep first-appearance order.
    public mutating func merge(_ other: ReviewTally) {
        for partner in other.partners {
            partners[partnerIndex(partner.name)].merge(partner)
        }
        for flow in other.flows {
            let index = flowIndex(flow.name)
            flows[index].started += flow.started
            flows[index].finished += flow.finished
        }
        for (feeling, count) in other.feelings {
            feelings[feeling, default: 0] += count
        }
        safety.append(contentsOf: other.safety)
        keep(other.artifacts)
        artifactCount += other.artifactCount
        artifactsByKind.merge(other.artifactsByKind, uniquingKeysWith: +)
        repairPhrasesChosen += other.repairPhrasesChosen
    }

    /// Adds notes to `artifacts`, keeping the newest `artifactsKept`.
    mutating func keep(_ notes: [ArtifactNote]) {
        guard !notes.isEmpty else { return }
        artifacts = (artifacts + notes).sorted(by: ArtifactNote.newerFirst)
        if artifacts.count > Self.artifactsKept { artifacts.removeLast(artifacts.count - Self.artifactsKept) }
    }

    /// The partner's index, adding them when new.
    mutating func partnerIndex(_ name: String) -> Int {
        if let index = partners.firstIndex(where: { $0.name == name }) { return index }
        partners.append(PartnerTally(name: name))
        return partners.count - 1
    }

    private mutating func flowIndex(_ name: String) -> Int {
        if let index = flows.firstIndex(where: { $0.name == name }) { return index }
        flows.append(FlowTally(name: name))
        return flows.count - 1
    }
}
