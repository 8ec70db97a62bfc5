/// Turns a record into its one-line JSON form, byte for byte the same every time.
///
/// Key order is part of the format: `v`, `session`, `seq`, `ts`, `role`, then the payload.
/// Partner lines: `speaker`, `text`, `intent`, `confidence`, `slots` (keys sorted), `flags`,
/// `flow`, `state` (null when idle), then `mirror` and `confirmed` only when present.
/// A withheld partner line (one that raised a safety event) has `speaker`, `intent` and
/// `withheld: true` only: no `text`, slots or anything else derived from the words.
/// Coach lines: `text`, then `response` when known. Event lines: `event`, then its fields in the order the SPEC lists them.
/// A stable order makes transcripts diffable and lets `replay --check` compare lines as text.
public enum TranscriptLineEncoder {
    /// The record as UTF-8 JSON followed by a newline.
    public static func encode(_ record: TranscriptRecord) -> [UInt8] {
        var out = JSONOutput(reservingCapacity: 320)
        out.beginObject()
        out.key("v"); out.int(record.version)
        out.key("session"); out.string(record.session)
        out.key("seq"); out.int(record.seq)
        out.key("ts"); out.string(record.timestamp.rfc3339)
        out.key("role"); out.string(record.role.rawValue)
        switch record.body {
        case .partner(let turn) where turn.withheld:
            out.key("speaker"); out.string(turn.speaker)
            out.key("intent"); out.string(turn.intent)
            out.key("withheld"); out.bool(true)
        case .partner(let turn):
            out.key("speaker"); out.string(turn.speaker)
            out.key("text"); out.string(turn.text)
            out.key("intent"); out.string(turn.intent)
            out.key("confidence"); out.number(clampedConfidence(turn.confidence), places: 4)
            out.key("slots")
            out.beginObject()
            for name in turn.slots.keys.sorted() {
                out.key(name); out.string(turn.slots[name]!)
            }
            out.endObject()
            out.key("flags"); out.stringArray(turn.flags)
            out.key("flow"); out.optionalString(turn.flow)
            out.key("state"); out.optionalString(turn.state)
            if let mirror = turn.mirror {
                out.key("mirror")
                out.beginObject()
                out.key("verdict"); out.string(mirror.verdict.rawValue)
                out.key("kept"); out.stringArray(mirror.kept)
                out.key("missed"); out.stringArray(mirror.missed)
                out.key("added"); out.stringArray(mirror.added)
                out.endObject()
            }
            if let confirmed = turn.confirmed {
                out.key("confirmed"); out.bool(confirmed)
            }
        case .coach(let text, let response):
            out.key("text"); out.string(text)
            if let response {
                out.key("response"); out.string(response)
            }
        case .event(let event):
            out.key("event"); out.string(event.name)
            switch event {
            case .sessionStart(let partners, let version, let seed, let firstSession):
                out.key("partners"); out.stringArray(partners)
                out.key("version"); out.string(version)
                out.key("seed"); out.uint64(seed)
                out.key("first_session"); out.bool(firstSession)
            case .namesGiven(let partners, let firstSession):
                out.key("partners"); out.stringArray(partners)
                out.key("first_session"); out.bool(firstSession)
            case .sessionEnd(let reason):
                if let reason {
                    out.key("reason"); out.string(reason.rawValue)
                }
            case .flowStart(let flow):
                out.key("flow"); out.string(flow)
            case .flowEnd(let flow, let completed):
                out.key("flow"); out.string(flow)
                out.key("completed"); out.bool(completed)
            case .safety(let kind):
                out.key("kind"); out.string(kind)
            case .command(let command, let speaker):
                out.key("command"); out.string(command)
                if let speaker {
                    out.key("speaker"); out.string(speaker)
                }
            case .artifact(let artifact):
                out.key("flow"); out.string(artifact.flow)
                out.key("kind"); out.string(artifact.kind)
                out.key("by"); out.stringArray(artifact.by)
                out.key("value")
                out.beginObject()
                for field in artifact.value {
                    out.key(field.name); out.string(field.text)
                }
                out.endObject()
            case .unrecognized:
                break
            }
        }
        out.endObject()
        out.newline()
        return out.bytes
    }

    /// The record's line as a `String`, newline included.
    public static func line(_ record: TranscriptRecord) -> String {
        String(decoding: encode(record), as: UTF8.self)
    }

    /// Confidence is 0…1 by contract; NaN becomes 0 so the line stays valid JSON.
    static func clampedConfidence(_ value: Double) -> Double {
        guard value.isFinite else { return value == .infinity ? 1 : 0 }
        return min(1, max(0, value))
    }
}
