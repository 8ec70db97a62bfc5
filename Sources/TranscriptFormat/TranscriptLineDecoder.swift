#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns one line of JSON into a record, or says precisely why it cannot.
///
/// Keys this version does not know are skipped, so a newer writer can add fields without
/// breaking older readers; a different `v` is reported as such, because then even the known
/// keys may mean something else.
public enum TranscriptLineDecoder {
    /// Why a line is not a record.
    public enum Problem: Error, Sendable, Equatable {
        /// Not valid JSON, or a key missing or of the wrong type. `column` is 1-based bytes.
        case malformed(column: Int, message: String)
        /// A `v` outside `TranscriptRecord.readableVersions`.
        case unsupportedVersion(Int?, column: Int)
    }

    /// Decodes a line (without its newline).
    public static func decode(_ line: String) -> Result<TranscriptRecord, Problem> {
        var line = line
        return line.withUTF8 { decode(UnsafeBufferPointer(rebasing: $0[...])) }
    }

    /// Decodes a line given as bytes (without its newline).
    ///
    /// - Parameter previousSession: the session id of the line before, if any. Consecutive lines
    ///   almost always share it, and reusing that string instead of making a new one saves an
    ///   allocation per line when reading a large file.
    public static func decode(_ line: UnsafeBufferPointer<UInt8>, previousSession: String? = nil) -> Result<TranscriptRecord, Problem> {
        var fields = Fields()
        fields.sessionHint = previousSession
        var cursor = JSONCursor(line)
        do throws(JSONCursor.Failure) {
            try fields.read(&cursor)
            cursor.skipWhitespace()
            guard cursor.isAtEnd else { throw cursor.fail("expected the end of the line after the object") }
        } catch {
            if let problem = versionProblem(line) { return .failure(problem) }
            return .failure(.malformed(column: error.offset + 1, message: error.message))
        }
        guard let version = fields.version else { return .failure(.malformed(column: 1, message: "expected key \"v\"")) }
        guard TranscriptRecord.readableVersions.contains(version) else {
            return .failure(.unsupportedVersion(version, column: fields.versionOffset + 1))
        }
        do throws(JSONCursor.Failure) {
            return .success(try fields.record())
        } catch {
            return .failure(.malformed(column: error.offset + 1, message: error.message))
        }
    }

    /// The 1-based column of the value of top-level `key` in a line, for diagnostics about a
    /// line that decoded but does not fit its neighbours; nil when the key is not there.
    public static func column(ofKey key: String, in line: UnsafeBufferPointer<UInt8>) -> Int? {
        var cursor = JSONCursor(line)
        var found: Int?
        try? cursor.forEachMember { (c: inout JSONCursor, name: String) throws(JSONCursor.Failure) in
            c.skipWhitespace()
            if name == key, found == nil { found = c.offset + 1 }
            try c.skipValue()
        }
        return found
    }

    /// After a failed decode: does the line at least parse as JSON with a foreign `v`?
    /// Then the version, not the shape, is the real problem.
    static func versionProblem(_ line: UnsafeBufferPointer<UInt8>) -> Problem? {
        var cursor = JSONCursor(line)
        var found: (value: Int?, offset: Int)?
        do throws(JSONCursor.Failure) {
            try cursor.forEachMember { (c: inout JSONCursor, key: String) throws(JSONCursor.Failure) in
                if key == "v" {
                    c.skipWhitespace()
                    let offset = c.offset
                    let start = c.offset
                    try c.skipValue()
                    var probe = JSONCursor(UnsafeBufferPointer(rebasing: line[start..<c.offset]))
                    found = (try? probe.int(), offset)
                } else {
                    try c.skipValue()
                }
            }
        } catch {
            return nil
        }
        guard let found, !(found.value.map(TranscriptRecord.readableVersions.contains) ?? false) else { return nil }
        return .unsupportedVersion(found.value, column: found.offset + 1)
    }

    /// Every key a line may have, collected before the record is assembled.
    private struct Fields {
        var version: Int?
        var versionOffset = 0
        var sessionHint: String?
        var session: String?
        var seq: Int?
        var timestamp: TranscriptTimestamp?
        var role: TranscriptRecord.Role?
        var speaker: String?
        var text: String?
        var intent: String?
        var confidence: Double?
        var slots: [String: String]?
        var flags: [String]?
        var flow: String?
        var state: String?
        var mirror: MirrorJudgement?
        var confirmed: Bool?
        var withheld: Bool?
        var event: String?
        var partners: [String]?
        var appVersion: String?
        var seed: UInt64?
        var completed: Bool?
        var kind: String?
        var command: String?
        var response: String?
        var firstSession: Bool?
        var reason: EndReason?
        var by: [String]?
        var value: [Artifact.Field]?
        /// Where the object ended, for "missing key" messages.
        var endOffset = 0

        mutating func read(_ cursor: inout JSONCursor) throws(JSONCursor.Failure) {
            // Which known keys this line has had, one bit each: with a key given twice,
            // `"role":"partner","role":"coach"`, no reader could say which one the writer meant.
            var seen: UInt32 = 0
            try cursor.forEachMemberKeyBytes { (c: inout JSONCursor, keyBytes: UnsafeBufferPointer<UInt8>) throws(JSONCursor.Failure) in
                guard let key = FieldKey(keyBytes) else {
                    try c.skipValue()
                    return
                }
                let bit = UInt32(1) << UInt32(key.rawValue)
                if seen & bit != 0 {
                    throw JSONCursor.Failure(offset: Fields.keyOffset(keyBytes, in: c),
                                             message: "duplicate key \"\(String(decoding: keyBytes, as: UTF8.self))\"; expected each key once")
                }
                seen |= bit
                switch key {
                case .v:
                    c.skipWhitespace()
                    versionOffset = c.offset
                    let start = c.offset
                    guard let parsed = try? c.int(), (0...1_000_000).contains(parsed) else {
                        throw JSONCursor.Failure(offset: start, message: "expected an integer version")
                    }
                    version = parsed
                case .session:
                    if let range = c.plainStringRange() {
                        let raw = UnsafeBufferPointer(rebasing: c.bytes[range])
                        if let hint = sessionHint, Fields.same(hint, raw) {
                            session = hint
                        } else {
                            session = String(decoding: raw, as: UTF8.self)
                        }
                    } else {
                        session = try c.string()
                    }
                case .seq: seq = try c.int()
                case .ts:
                    c.skipWhitespace()
                    let start = c.offset
                    guard let parsed = try c.withStringBytes({ TranscriptTimestamp.parse($0) }) else {
                        throw JSONCursor.Failure(offset: start, message: "expected an RFC 3339 UTC timestamp such as \"2026-11-29T10:51:33Z\"")
                    }
                    timestamp = parsed
                case .role:
                    c.skipWhitespace()
                    let start = c.offset
                    guard let parsed = TranscriptRecord.Role(rawValue: try c.string()) else {
                        throw JSONCursor.Failure(offset: start, message: "expected role \"partner\", \"coach\" or \"event\"")
                    }
                    role = parsed
                case .speaker: speaker = try c.string()
                case .text: text = try c.string()
                case .intent: intent = try c.string()
                case .confidence:
                    c.skipWhitespace()
                    let start = c.offset
                    let value = try c.number().double
                    guard value >= 0, value <= 1 else {
                        throw JSONCursor.Failure(offset: start, message: "expected a confidence between 0 and 1")
                    }
                    confidence = value
                case .slots:
                    var values: [String: String] = [:]
                    try c.forEachMember { (inner: inout JSONCursor, name: String) throws(JSONCursor.Failure) in
                        values[name] = try inner.string()
                    }
                    slots = values
                case .flags: flags = try c.stringArray()
                case .flow: flow = try c.optionalString()
                case .state: state = try c.optionalString()
                case .mirror:
                    if c.peek() == UInt8(ascii: "n") { try c.literal("null"); mirror = nil; break }
                    mirror = try Fields.mirror(&c)
                case .confirmed:
                    if c.peek() == UInt8(ascii: "n") { try c.literal("null"); confirmed = nil; break }
                    confirmed = try c.bool()
                case .withheld: withheld = try c.bool()
                case .event: event = try c.string()
                case .partners: partners = try c.stringArray()
                case .version: appVersion = try c.string()
                case .seed:
                    c.skipWhitespace()
                    let start = c.offset
                    switch try c.number() {
                    case .integer(false, let magnitude): seed = magnitude
                    case .real(let value) where value >= 0 && value.rounded() == value && value < 9.0e15: seed = UInt64(value)
                    default: throw JSONCursor.Failure(offset: start, message: "expected a non-negative integer seed")
                    }
                case .completed: completed = try c.bool()
                case .kind: kind = try c.string()
                case .command: command = try c.string()
                case .response: response = try c.optionalString()
                case .firstSession: firstSession = try c.bool()
                case .reason:
                    c.skipWhitespace()
                    let start = c.offset
                    guard let parsed = EndReason(rawValue: try c.string()) else {
                        let known = EndReason.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                        throw JSONCursor.Failure(offset: start, message: "expected reason \(known)")
                    }
                    reason = parsed
                case .by: by = try c.stringArray()
                case .value:
                    var fields: [Artifact.Field] = []
                    try c.forEachMember { (inner: inout JSONCursor, name: String) throws(JSONCursor.Failure) in
                        fields.append(Artifact.Field(name, try inner.string()))
                    }
                    value = fields
                }
            }
            endOffset = cursor.offset - 1
        }

        /// Where the key whose bytes these are starts (its opening quote), when they lie in the
        /// line; an escaped key was decoded elsewhere, so then the value's offset stands in.
        static func keyOffset(_ key: UnsafeBufferPointer<UInt8>, in cursor: JSONCursor) -> Int {
            guard let keyStart = key.baseAddress, let lineStart = cursor.bytes.baseAddress,
                  keyStart >= lineStart, keyStart < lineStart + cursor.bytes.count else { return cursor.offset }
            return lineStart.distance(to: keyStart) - 1
        }

        /// Whether `text` is exactly these UTF-8 bytes.
        static func same(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard text.utf8.count == bytes.count else { return false }
            if bytes.isEmpty { return true }
            return text.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
                ?? text.utf8.elementsEqual(bytes)
        }

        /// The keys of a version-1 line, matched on their bytes: review decodes millions of
        /// lines, and making a `String` per key and comparing it case by case showed up in profiles.
        enum FieldKey: Int {
            case v, session, seq, ts, role, speaker, text, intent, confidence, slots, flags, flow, state, mirror
            case confirmed, withheld, event, partners, version, seed, completed, kind, command, response, firstSession, reason
            case by, value

            init?(_ key: UnsafeBufferPointer<UInt8>) {
                func matches(_ word: StaticString) -> Bool {
                    memcmp(key.baseAddress!, word.utf8Start, key.count) == 0
                }
                guard !key.isEmpty else { return nil }
                switch key.count {
                case 1: if key[0] == UInt8(ascii: "v") { self = .v; return }
                case 2:
                    if matches("ts") { self = .ts; return }
                    if matches("by") { self = .by; return }
                case 3: if matches("seq") { self = .seq; return }
                case 4:
                    if matches("role") { self = .role; return }
                    if matches("text") { self = .text; return }
                    if matches("flow") { self = .flow; return }
                    if matches("seed") { self = .seed; return }
                    if matches("kind") { self = .kind; return }
                case 5:
                    if matches("slots") { self = .slots; return }
                    if matches("flags") { self = .flags; return }
                    if matches("state") { self = .state; return }
                    if matches("event") { self = .event; return }
                    if matches("value") { self = .value; return }
                case 6:
                    if matches("intent") { self = .intent; return }
                    if matches("mirror") { self = .mirror; return }
                    if matches("reason") { self = .reason; return }
                case 7:
                    if matches("session") { self = .session; return }
                    if matches("speaker") { self = .speaker; return }
                    if matches("version") { self = .version; return }
                    if matches("command") { self = .command; return }
                case 8:
                    if matches("partners") { self = .partners; return }
                    if matches("withheld") { self = .withheld; return }
                    if matches("response") { self = .response; return }
                case 9:
                    if matches("confirmed") { self = .confirmed; return }
                    if matches("completed") { self = .completed; return }
                case 10: if matches("confidence") { self = .confidence; return }
                case 13: if matches("first_session") { self = .firstSession; return }
                default: break
                }
                return nil
            }
        }

        static func mirror(_ c: inout JSONCursor) throws(JSONCursor.Failure) -> MirrorJudgement {
            var verdict: MirrorVerdict?
            var kept: [String] = [], missed: [String] = [], added: [String] = []
            let start = c.offset
            try c.forEachMember { (inner: inout JSONCursor, key: String) throws(JSONCursor.Failure) in
                switch key {
                case "verdict":
                    inner.skipWhitespace()
                    let at = inner.offset
                    guard let parsed = MirrorVerdict(rawValue: try inner.string()) else {
                        throw JSONCursor.Failure(offset: at, message: "expected verdict \"faithful\", \"partial\" or \"off\"")
                    }
                    verdict = parsed
                case "kept": kept = try inner.stringArray()
                case "missed": missed = try inner.stringArray()
                case "added": added = try inner.stringArray()
                default: try inner.skipValue()
                }
            }
            guard let verdict else { throw JSONCursor.Failure(offset: start, message: "expected key \"verdict\" in mirror") }
            return MirrorJudgement(verdict: verdict, kept: kept, missed: missed, added: added)
        }

        func missing(_ key: String, _ context: String = "") -> JSONCursor.Failure {
            JSONCursor.Failure(offset: endOffset, message: "expected key \"\(key)\"\(context)")
        }

        func record() throws(JSONCursor.Failure) -> TranscriptRecord {
            guard let session else { throw missing("session") }
            guard let seq else { throw missing("seq") }
            guard let timestamp else { throw missing("ts") }
            guard let role else { throw missing("role") }
            let body: TranscriptRecord.Body
            switch role {
            case .partner:
                guard let speaker else { throw missing("speaker", " on a partner line") }
                if withheld == true {
                    // The words were never kept; anything else derived from them is ignored too.
                    body = .partner(.withheld(speaker: speaker, intent: intent ?? "none"))
                    break
                }
                guard let text else { throw missing("text", " on a partner line (or \"withheld\": true)") }
                body = .partner(PartnerTurn(
                    speaker: speaker, text: text, intent: intent ?? "none", confidence: confidence ?? 0,
                    slots: slots ?? [:], flags: flags ?? [], flow: flow, state: state,
                    mirror: mirror, confirmed: confirmed))
            case .coach:
                guard let text else { throw missing("text", " on a coach line") }
                body = .coach(text: text, response: response)
            case .event:
                guard let event else { throw missing("event", " on an event line") }
                switch event {
                case "session_start":
                    guard let partners else { throw missing("partners", " on a session_start event") }
                    body = .event(.sessionStart(partners: partners, version: appVersion ?? "", seed: seed ?? 0,
                                                firstSession: firstSession ?? false))
                case "names":
                    guard let partners else { throw missing("partners", " on a names event") }
                    body = .event(.namesGiven(partners: partners, firstSession: firstSession ?? false))
                case "session_end":
                    body = .event(.sessionEnd(reason: reason))
                case "flow_start":
                    guard let flow else { throw missing("flow", " on a flow_start event") }
                    body = .event(.flowStart(flow: flow))
                case "flow_end":
                    guard let flow else { throw missing("flow", " on a flow_end event") }
                    body = .event(.flowEnd(flow: flow, completed: completed ?? false))
                case "safety":
                    guard let kind else { throw missing("kind", " on a safety event") }
                    body = .event(.safety(kind: kind))
                case "command":
                    guard let command else { throw missing("command", " on a command event") }
                    body = .event(.command(command, speaker: speaker))
                case "artifact" where version.map({ $0 >= 2 }) ?? false:
                    guard let flow else { throw missing("flow", " on an artifact event") }
                    guard let kind else { throw missing("kind", " on an artifact event") }
                    guard let value else { throw missing("value", " on an artifact event") }
                    body = .event(.artifact(Artifact(flow: flow, kind: kind, by: by ?? [], value: value)))
                default:
                    body = .event(.unrecognized(name: event))
                }
            }
            return TranscriptRecord(session: session, seq: seq, timestamp: timestamp, body: body, version: version ?? 1)
        }
    }
}
