/// A forward-only JSON reader over the bytes of one line.
///
/// Review reads gigabytes of transcripts at 50 MB/s or better, so lines are decoded straight
/// into records: no intermediate tree, keys compared as short strings, unknown values skipped
/// without being built. Every failure carries the byte offset and what was expected there,
/// which becomes the `file:line:col` diagnostic. It borrows the line's buffer, so it must not
/// outlive the call that made it.
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Why a line is not the JSON we expected, and where (0-based byte offset in the line).
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    /// Deepest nesting skipped inside unknown values; deeper input is rejected rather than
    /// risking the stack.
    static let maximumDepth = 64

    var isAtEnd: Bool { offset >= bytes.count }

    func fail(_ message: String) -> Failure { Failure(offset: offset, message: message) }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    /// Consumes `byte` (after whitespace) or fails saying it was expected.
    mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(Failure) {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == byte else { throw fail("expected \(what())") }
        offset += 1
    }

    /// Peeks the next non-whitespace byte.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return offset < bytes.count ? bytes[offset] : nil
    }

    /// Walks an object's members, calling `member` with each key; `member` must consume the value.
    mutating func forEachMember(_ member: (inout JSONCursor, String) throws(Failure) -> Void) throws(Failure) {
        try forEachMemberKeyBytes { (cursor: inout JSONCursor, key: UnsafeBufferPointer<UInt8>) throws(Failure) in
            try member(&cursor, String(decoding: key, as: UTF8.self))
        }
    }

    /// Walks an object's members, handing each key as its UTF-8 bytes (valid only during the
    /// call), so hot paths can match keys without making strings.
    mutating func forEachMemberKeyBytes(
        _ member: (inout JSONCursor, UnsafeBufferPointer<UInt8>) throws(Failure) -> Void
    ) throws(Failure) {
        try expect(UInt8(ascii: "{"), "'{'")
        if peek() == UInt8(ascii: "}") { offset += 1; return }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
            let keyStart = offset
            let keyRange = plainStringRange()
            let escapedKey: String? = keyRange == nil ? try string() : nil
            try expect(UInt8(ascii: ":"), "':' after the key at column \(keyStart + 1)")
            if let keyRange {
                try member(&self, UnsafeBufferPointer(rebasing: bytes[keyRange]))
            } else {
                var key = escapedKey ?? ""
                var failure: Failure?
                key.withUTF8 { key in
                    do throws(Failure) { try member(&self, key) } catch { failure = error }
                }
                if let failure { throw failure }
            }
            skipWhitespace()
            guard offset < bytes.count else { throw fail("expected ',' or '}'") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "}") { offset += 1; return }
            throw fail("expected ',' or '}'")
        }
    }

    /// Walks an array's elements; `element` must consume each value.
    mutating func forEachElement(_ element: (inout JSONCursor) throws(Failure) -> Void) throws(Failure) {
        try expect(UInt8(ascii: "["), "'['")
        if peek() == UInt8(ascii: "]") { offset += 1; return }
        while true {
            try element(&self)
            skipWhitespace()
            guard offset < bytes.count else { throw fail("expected ',' or ']'") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "]") { offset += 1; return }
            throw fail("expected ',' or ']'")
        }
    }

    /// Reads a string value. Invalid UTF-8 (a stray byte, an overlong form, a surrogate, a
    /// truncated sequence) is a failure at the byte where it starts: a transcript is written as
    /// UTF-8, so such a byte is damage to report, not text to repair quietly. A lone surrogate
    /// written as a `\u` escape is still read as U+FFFD, since that is valid JSON.
    mutating func string() throws(Failure) -> String {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a string") }
        offset += 1
        let start = offset
        // Fast path: no escapes. `seen` gathers every byte's high bit, so UTF-8 is checked only
        // for strings that are not plain ASCII.
        var seen: UInt8 = 0
        while offset < bytes.count {
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") {
                if seen & 0x80 != 0 { try checkUTF8(start..<offset) }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
                offset += 1
                return text
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("expected '\"' (control character inside a string)") }
            seen |= b
            offset += 1
        }
        guard offset < bytes.count else { throw Failure(offset: start - 1, message: "unterminated string") }
        var decoded = Array(bytes[start..<offset])
        while offset < bytes.count {
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") {
                // Escapes are ASCII, so the raw bytes are valid UTF-8 exactly when the text is.
                if seen & 0x80 != 0 { try checkUTF8(start..<offset) }
                offset += 1
                return String(decoding: decoded, as: UTF8.self)
            }
            if b < 0x20 { throw fail("expected '\"' (control character inside a string)") }
            if b != UInt8(ascii: "\\") { seen |= b; decoded.append(b); offset += 1; continue }
            offset += 1
            guard offset < bytes.count else { break }
            let escape = bytes[offset]
            offset += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by \uDC00…\uDFFF.
                    if offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") {
                        offset += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00..<0xE000).contains(scalar) {
                    scalar = 0xFFFD
                }
                JSONCursor.appendUTF8(scalar, to: &decoded)
            default:
                offset -= 1
                throw fail("expected a valid escape after '\\'")
            }
        }
        throw Failure(offset: start - 1, message: "unterminated string")
    }

    /// Appends a scalar's UTF-8 bytes (no `String` made: escaped text is common in JSON that
    /// other tools wrote, one `\u00e9` after another).
    static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (scalar >> 6)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (scalar >> 12)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (scalar >> 18)))
            bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Fails at the first byte in `range` that does not begin valid UTF-8.
    private func checkUTF8(_ range: Range<Int>) throws(Failure) {
        guard let bad = UTF8Check.firstInvalid(UnsafeBufferPointer(rebasing: bytes[range])) else { return }
        let at = range.lowerBound + bad
        let hex = String(bytes[at], radix: 16, uppercase: true)
        throw Failure(offset: at, message: "expected UTF-8 text (byte 0x\(hex) does not begin a valid UTF-8 sequence)")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail("expected four hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[offset]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw fail("expected four hex digits after \\u")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    /// Calls `body` with the raw bytes of a string value when it has no escapes (the common case
    /// for timestamps), else with its decoded UTF-8.
    mutating func withStringBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) throws(Failure) -> R {
        if let range = plainStringRange() {
            return body(UnsafeBufferPointer(rebasing: bytes[range]))
        }
        var text = try string()
        return text.withUTF8 { body($0) }
    }

    /// When the next value is a string without escapes or control characters, consumes it and
    /// returns the range of its contents; otherwise consumes nothing and returns nil.
    mutating func plainStringRange() -> Range<Int>? {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { return nil }
        var end = offset + 1
        var seen: UInt8 = 0
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            seen |= bytes[end]
            end += 1
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
        let range = (offset + 1)..<end
        // Not plain if it is not valid UTF-8: `string()` then reports where.
        if seen & 0x80 != 0, UTF8Check.firstInvalid(UnsafeBufferPointer(rebasing: bytes[range])) != nil { return nil }
        offset = end + 1
        return range
    }

    /// A string or `null`.
    mutating func optionalString() throws(Failure) -> String? {
        if peek() == UInt8(ascii: "n") { try literal("null"); return nil }
        return try string()
    }

    mutating func stringArray() throws(Failure) -> [String] {
        var values: [String] = []
        try forEachElement { (cursor: inout JSONCursor) throws(Failure) in values.append(try cursor.string()) }
        return values
    }

    mutating func bool() throws(Failure) -> Bool {
        switch peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw fail("expected true or false")
        }
    }

    /// Consumes the literal `word` (`true`, `false`, `null`).
    mutating func literal(_ word: StaticString) throws(Failure) {
        skipWhitespace()
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw fail("expected \(word)") }
        for i in 0..<count where bytes[offset + i] != word.utf8Start[i] {
            throw fail("expected \(word)")
        }
        offset += count
    }

    /// A JSON number, kept exact when it is an integer.
    enum Number {
        case integer(negative: Bool, magnitude: UInt64)
        case real(Double)

        var double: Double {
            switch self {
            case .integer(let negative, let magnitude): return negative ? -Double(magnitude) : Double(magnitude)
            case .real(let value): return value
            }
        }
    }

    mutating func number() throws(Failure) -> Number {
        skipWhitespace()
        let start = offset
        var negative = false
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { negative = true; offset += 1 }
        var magnitude: UInt64 = 0
        var overflow = false
        let digitsStart = offset
        while offset < bytes.count, bytes[offset] &- UInt8(ascii: "0") < 10 {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(bytes[offset] - UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            magnitude = sum
            offset += 1
        }
        guard offset > digitsStart else { offset = start; throw fail("expected a number") }
        if bytes[digitsStart] == UInt8(ascii: "0"), offset - digitsStart > 1 {
            offset = digitsStart
            throw fail("expected a number without leading zeros")
        }
        var isReal = overflow
        // The digits as one integer and a power of ten, for the exact fast path below.
        var significand = magnitude
        var significandDigits = offset - digitsStart
        var decimalExponent = 0
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            isReal = true
            offset += 1
            let fractionStart = offset
            while offset < bytes.count, bytes[offset] &- UInt8(ascii: "0") < 10 {
                if significandDigits < 19 {
                    significand = significand &* 10 &+ UInt64(bytes[offset] - UInt8(ascii: "0"))
                    decimalExponent -= 1
                }
                significandDigits += 1
                offset += 1
            }
            guard offset > fractionStart else { throw fail("expected digits after '.'") }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            isReal = true
            offset += 1
            var exponentNegative = false
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                exponentNegative = bytes[offset] == UInt8(ascii: "-")
                offset += 1
            }
            let exponentStart = offset
            var exponent = 0
            while offset < bytes.count, bytes[offset] &- UInt8(ascii: "0") < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[offset] - UInt8(ascii: "0")) }
                offset += 1
            }
            guard offset > exponentStart else { throw fail("expected digits in the exponent") }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        if !isReal { return .integer(negative: negative, magnitude: magnitude) }
        // Exact fast path (as in strtod implementations): a significand below 2^53 times or
        // divided by a power of ten up to 10^22 is one correctly rounded operation. Other writers
        // put `0.92`, `1e1` or `4.0` where Attune writes integers, and making a String per number
        // to parse it would cost an allocation each.
        if !overflow, significandDigits <= 19, significand < (1 << 53), (-22...22).contains(decimalExponent) {
            let value = decimalExponent < 0 ? Double(significand) / JSONCursor.powersOfTen[-decimalExponent]
                : Double(significand) * JSONCursor.powersOfTen[decimalExponent]
            return .real(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard let value = Double(text) else { throw Failure(offset: start, message: "expected a number") }
        return .real(value)
    }

    /// 10^0 … 10^22, each exactly representable as a Double.
    static let powersOfTen: [Double] = (0...22).map { power in (0..<power).reduce(1.0) { value, _ in value * 10 } }

    /// An integer that fits in `Int`, in any JSON form that denotes one: `10`, `10.0`, `1e1`,
    /// `1.0E+1` (other writers than Attune's print integers so).
    mutating func int() throws(Failure) -> Int {
        let start = offset
        switch try number() {
        case .integer(let negative, let magnitude) where magnitude <= UInt64(Int.max):
            return negative ? -Int(magnitude) : Int(magnitude)
        case .real(let value) where value.rounded() == value && abs(value) < 9.0e15:
            return Int(value)
        default:
            throw Failure(offset: start, message: "expected an integer")
        }
    }

    /// Skips any value, nested up to `maximumDepth`.
    mutating func skipValue(depth: Int = 0) throws(Failure) {
        guard depth < JSONCursor.maximumDepth else { throw fail("nesting deeper than \(JSONCursor.maximumDepth) levels") }
        switch peek() {
        case UInt8(ascii: "{"):
            try forEachMember { (cursor: inout JSONCursor, _: String) throws(Failure) in try cursor.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            try forEachElement { (cursor: inout JSONCursor) throws(Failure) in try cursor.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""):
            _ = try withStringBytes { _ in () }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }
}
