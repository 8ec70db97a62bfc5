/// The one JSON writer: appends to a byte buffer in exactly the order it is told, on one line
/// or indented.
///
/// Transcript lines and the review's JSON report both promise a stable key order, which
/// `JSONEncoder` does not (its only deterministic option sorts keys alphabetically, putting
/// `confidence` before `v`). Writing by hand also keeps encoding allocation-light on the
/// coach's per-turn path. Indented output (two spaces, `"key": value`) is for documents people
/// also read: the review report and the CLI's `--format json`.
package struct JSONOutput {
    private(set) var bytes: [UInt8] = []
    /// Per open container: whether it holds a value yet (so the next one needs a comma).
    private var needsComma: [Bool] = [false]
    /// Whether a key was just written, so the value that follows stays on its line.
    private var afterKey = false
    /// Two spaces per level and a line per member, or everything on one line.
    private let indented: Bool

    package init(reservingCapacity capacity: Int = 256, indented: Bool = false) {
        self.indented = indented
        bytes.reserveCapacity(capacity)
    }

    package var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text written since the last call, removed from the buffer; the writer stays where it
    /// was, so a long document can be handed on in pieces.
    package mutating func take() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return string
    }

    package mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `"name":`; the value written next completes the member.
    package mutating func key(_ name: String) {
        separate()
        JSONOutput.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if indented { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    package mutating func string(_ value: String) { separate(); JSONOutput.appendQuoted(value, to: &bytes) }
    package mutating func optionalString(_ value: String?) { if let value { string(value) } else { null() } }
    package mutating func int(_ value: Int) { separate(); bytes.append(contentsOf: String(value).utf8) }
    package mutating func uint64(_ value: UInt64) { separate(); bytes.append(contentsOf: String(value).utf8) }
    package mutating func bool(_ value: Bool) { separate(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    package mutating func null() { separate(); bytes.append(contentsOf: "null".utf8) }

    /// Writes a finite number with at most `places` decimals (trailing zeros dropped).
    /// Non-finite values, which JSON cannot hold, become 0.
    package mutating func number(_ value: Double, places: Int = 3) {
        separate()
        bytes.append(contentsOf: JSONOutput.decimal(value, places: places).utf8)
    }

    package mutating func stringArray(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    package mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// Before a value or key: the comma and, when indented, the line break and indentation.
    /// A value right after its key needs neither.
    private mutating func separate() {
        if afterKey { afterKey = false; return }
        let depth = needsComma.count - 1
        if needsComma[depth] { bytes.append(UInt8(ascii: ",")) }
        needsComma[depth] = true
        if indented && depth > 0 { breakLine(depth: depth) }
    }

    private mutating func close(_ bracket: UInt8) {
        let hadMembers = needsComma.removeLast()
        if indented && hadMembers { breakLine(depth: needsComma.count - 1) }
        bytes.append(bracket)
    }

    private mutating func breakLine(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// Appends `"text"` with the escapes JSON requires (quote, backslash, control characters),
    /// plus `\u` escapes for DEL and the C1 controls (U+0080…U+009F), which JSON allows raw but
    /// which some terminals obey, so a transcript `cat` to a terminal stays inert.
    package static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs that need no escape are copied whole.
            var run = 0
            func flush(upTo end: Int) {
                if end > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<end])) }
            }
            var i = 0
            let n = utf8.count
            while i < n {
                let byte = utf8[i]
                if byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xC2 {
                    i += 1
                    continue
                }
                flush(upTo: i)
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                case 0..<0x20, 0x7F:
                    appendUnicodeEscape(UInt8(byte), to: &bytes)
                case 0xC2 where i + 1 < n && utf8[i + 1] >= 0x80 && utf8[i + 1] <= 0x9F:
                    appendUnicodeEscape(utf8[i + 1], to: &bytes)
                    i += 1
                default:
                    bytes.append(byte)
                }
                i += 1
                run = i
            }
            flush(upTo: n)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendUnicodeEscape(_ value: UInt8, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: "\\u00".utf8)
        bytes.append(hex[Int(value >> 4)])
        bytes.append(hex[Int(value & 0xF)])
    }

    /// A fixed-point rendering with at most `places` decimals: `0.5`, `12`, `0.333`.
    package static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e15 else { return String(Int64(value.rounded())) }
        let units = Int64(scaled)
        let negative = value < 0 && units != 0
        let whole = units / Int64(scale)
        var fraction = units % Int64(scale)
        var digits = places
        while digits > 0 && fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        var text = (negative ? "-" : "") + String(whole)
        if digits > 0 { text += "." + CivilDay.pad(Int(fraction), digits) }
        return text
    }
}
