/// `Codable`, for callers that want records inside other documents or through `JSONDecoder`.
///
/// Transcript files themselves are written by `TranscriptLineEncoder` (fixed key order) and read
/// by `TranscriptLineDecoder` (fast, precise diagnostics); this conformance uses the same key
/// names and the same defaults, and the tests check that both paths agree.
extension TranscriptRecord: Codable {
    enum CodingKeys: String, CodingKey {
        case v, session, seq, ts, role
        case speaker, text, intent, confidence, slots, flags, flow, state, mirror, confirmed
        case event, partners, version, seed, completed, kind, command
    }

    enum MirrorKeys: String, CodingKey {
        case verdict, kept, missed, added
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decode(Int.self, forKey: .v)
        guard version == TranscriptRecord.currentVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .v, in: c, debugDescription: "transcript format version \(version) is not supported")
        }
        let tsText = try c.decode(String.self, forKey: .ts)
        guard let timestamp = TranscriptTimestamp(rfc3339: tsText) else {
            throw DecodingError.dataCorruptedError(forKey: .ts, in: c, debugDescription: "expected an RFC 3339 timestamp")
        }
        let roleText = try c.decode(String.self, forKey: .role)
        guard let role = Role(rawValue: roleText) else {
            throw DecodingError.dataCorruptedError(forKey: .role, in: c, debugDescription: "expected partner, coach or event")
        }
        let body: Body
        switch role {
        case .partner:
            var mirror: MirrorJudgement?
            if c.contains(.mirror), try !c.decodeNil(forKey: .mirror) {
                let m = try c.nestedContainer(keyedBy: MirrorKeys.self, forKey: .mirror)
                let verdictText = try m.decode(String.self, forKey: .verdict)
                guard let verdict = MirrorVerdict(rawValue: verdictText) else {
                    throw DecodingError.dataCorruptedError(forKey: .verdict, in: m, debugDescription: "expected faithful, partial or off")
                }
                mirror = MirrorJudgement(
                    verdict: verdict,
                    kept: try m.decodeIfPresent([String].self, forKey: .kept) ?? [],
                    missed: try m.decodeIfPresent([String].self, forKey: .missed) ?? [],
                    added: try m.decodeIfPresent([String].self, forKey: .added) ?? [])
            }
            body = .partner(PartnerTurn(
                speaker: try c.decode(String.self, forKey: .speaker),
                text: try c.decode(String.self, forKey: .text),
                intent: try c.decodeIfPresent(String.self, forKey: .intent) ?? "none",
                confidence: try c.decodeIfPresent(Double.self, forKey: .confidence) ?? 0,
                slots: try c.decodeIfPresent([String: String].self, forKey: .slots) ?? [:],
                flags: try c.decodeIfPresent([String].self, forKey: .flags) ?? [],
                flow: try c.decodeIfPresent(String.self, forKey: .flow),
                state: try c.decodeIfPresent(String.self, forKey: .state),
                mirror: mirror,
                confirmed: try c.decodeIfPresent(Bool.self, forKey: .confirmed)))
        case .coach:
            body = .coach(text: try c.decode(String.self, forKey: .text))
        case .event:
            let name = try c.decode(String.self, forKey: .event)
            switch name {
            case "session_start":
                body = .event(.sessionStart(
                    partners: try c.decode([String].self, forKey: .partners),
                    version: try c.decodeIfPresent(String.self, forKey: .version) ?? "",
                    seed: try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? 0))
            case "session_end": body = .event(.sessionEnd)
            case "flow_start": body = .event(.flowStart(flow: try c.decode(String.self, forKey: .flow)))
            case "flow_end":
                body = .event(.flowEnd(
                    flow: try c.decode(String.self, forKey: .flow),
                    completed: try c.decodeIfPresent(Bool.self, forKey: .completed) ?? false))
            case "safety": body = .event(.safety(kind: try c.decode(String.self, forKey: .kind)))
            case "command": body = .event(.command(try c.decode(String.self, forKey: .command)))
            default: body = .event(.unrecognized(name: name))
            }
        }
        self.init(
            session: try c.decode(String.self, forKey: .session), seq: try c.decode(Int.self, forKey: .seq),
            timestamp: timestamp, body: body, version: version)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .v)
        try c.encode(session, forKey: .session)
        try c.encode(seq, forKey: .seq)
        try c.encode(timestamp.rfc3339, forKey: .ts)
        try c.encode(role.rawValue, forKey: .role)
        switch body {
        case .partner(let turn):
            try c.encode(turn.speaker, forKey: .speaker)
            try c.encode(turn.text, forKey: .text)
            try c.encode(turn.intent, forKey: .intent)
            try c.encode(TranscriptLineEncoder.clampedConfidence(turn.confidence), forKey: .confidence)
            try c.encode(turn.slots, forKey: .slots)
            try c.encode(turn.flags, forKey: .flags)
            try c.encode(turn.flow, forKey: .flow)
            try c.encode(turn.state, forKey: .state)
            if let mirror = turn.mirror {
                var m = c.nestedContainer(keyedBy: MirrorKeys.self, forKey: .mirror)
                try m.encode(mirror.verdict.rawValue, forKey: .verdict)
                try m.encode(mirror.kept, forKey: .kept)
                try m.encode(mirror.missed, forKey: .missed)
                try m.encode(mirror.added, forKey: .added)
            }
            try c.encodeIfPresent(turn.confirmed, forKey: .confirmed)
        case .coach(let text):
            try c.encode(text, forKey: .text)
        case .event(let event):
            try c.encode(event.name, forKey: .event)
            switch event {
            case .sessionStart(let partners, let version, let seed):
                try c.encode(partners, forKey: .partners)
                try c.encode(version, forKey: .version)
                try c.encode(seed, forKey: .seed)
            case .flowStart(let flow):
                try c.encode(flow, forKey: .flow)
            case .flowEnd(let flow, let completed):
                try c.encode(flow, forKey: .flow)
                try c.encode(completed, forKey: .completed)
            case .safety(let kind):
                try c.encode(kind, forKey: .kind)
            case .command(let command):
                try c.encode(command, forKey: .command)
            case .sessionEnd, .unrecognized:
                break
            }
        }
    }
}
