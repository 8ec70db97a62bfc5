/// Rewrites a compact transcript line the way other tools write the same JSON, so review can be
/// tested and benchmarked on layouts Attune itself never writes.
///
/// What Python's `json.dumps(record, sort_keys=True)` does and more: a space after every `:`
/// and `,`; the top-level keys in another order (sorted, so `v` comes last); every character
/// outside ASCII written as a `\uXXXX` escape (a surrogate pair above U+FFFF), and `/` as
/// `\/`; integers written as reals with an exponent (`"seq": 4` → `"seq": 4.0e0`) and reals
/// with an exponent too (`0.92` → `9.2e-1`). The result is the same JSON value.
public enum SpacedJSONLayout {
    /// The spaced form of one compact line (without its newline).
    public static func rewrite(_ line: [UInt8]) -> [UInt8] {
        guard line.first == UInt8(ascii: "{"), line.last == UInt8(ascii: "}") else { return line }
        // Split the top-level object into members at commas outside strings and nesting.
        var members: [ArraySlice<UInt8>] = []
        var depth = 0
        var inString = false
        var escaped = false
        var start = 1
        for index in 1..<(line.count - 1) {
            let byte = line[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                members.append(line[start..<index])
                start = index + 1
            default: break
            }
        }
        if start < line.count - 1 { members.append(line[start..<(line.count - 1)]) }
        members.sort { $0.lexicographicallyPrecedes($1) }
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(line.count * 5 / 4)
        for (index, member) in members.enumerated() {
            if index > 0 { out += [UInt8(ascii: ","), UInt8(ascii: " ")] }
            spaced(member, into: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Copies a member with spaces after separators, escaped strings and rewritten numbers.
    static func spaced(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index = string(bytes, from: index, into: &out)
                continue
            case UInt8(ascii: ":"), UInt8(ascii: ","):
                out += [byte, UInt8(ascii: " ")]
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                index = number(bytes, from: index, into: &out)
                continue
            default:
                out.append(byte)
            }
            index += 1
        }
    }

    /// Copies the string starting at `start` (its opening quote); returns the index after it.
    static func string(_ bytes: ArraySlice<UInt8>, from start: Int, into out: inout [UInt8]) -> Int {
        out.append(UInt8(ascii: "\""))
        var index = start + 1
        var scalarBytes: [UInt8] = []
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                out.append(byte)
                out.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\"") {
                out.append(byte)
                return index + 1
            }
            if byte == UInt8(ascii: "/") {
                out += Array(#"\/"#.utf8)
            } else if byte < 0x80 {
                out.append(byte)
            } else {
                // One whole UTF-8 sequence, written as \uXXXX (UTF-16, so a pair above U+FFFF).
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                scalarBytes = Array(bytes[index..<min(index + length, bytes.endIndex)])
                for unit in String(decoding: scalarBytes, as: UTF8.self).utf16 {
                    out += Array("\\u".utf8) + hex(unit)
                }
                index += length
                continue
            }
            index += 1
        }
        return index
    }

    /// Copies the number at `start` in exponent form; returns the index after it.
    static func number(_ bytes: ArraySlice<UInt8>, from start: Int, into out: inout [UInt8]) -> Int {
        var end = start
        while end < bytes.endIndex, "-+.eE0123456789".utf8.contains(bytes[end]) { end += 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        if text.contains("e") || text.contains("E") {
            out += Array(text.utf8)
        } else if let dot = text.firstIndex(of: ".") {
            // 0.92 → 92e-2: the same value, another form.
            let digits = text[..<dot] + text[text.index(after: dot)...]
            let places = text.distance(from: dot, to: text.endIndex) - 1
            let trimmed = digits.drop { $0 == "0" || $0 == "-" }
            let sign = text.hasPrefix("-") ? "-" : ""
            out += Array("\(sign)\(trimmed.isEmpty ? "0" : String(trimmed))e-\(places)".utf8)
        } else {
            out += Array("\(text).0e0".utf8)
        }
        return end
    }

    static func hex(_ unit: UInt16) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [digits[Int(unit >> 12)], digits[Int((unit >> 8) & 0xF)], digits[Int((unit >> 4) & 0xF)], digits[Int(unit & 0xF)]]
    }
}
