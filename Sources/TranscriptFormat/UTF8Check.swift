/// Strict UTF-8 validation that says where it fails, for diagnostics with a real column.
///
/// Rejects what RFC 3629 forbids: stray continuation bytes, overlong forms (`C0 AF` for `/`),
/// UTF-16 surrogates encoded as UTF-8 (`ED A0 80`), values past U+10FFFF, and sequences cut short.
public enum UTF8Check {
    /// The 0-based offset of the first byte that does not begin a valid sequence; nil when all is valid.
    public static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            // The allowed range of the second byte narrows for E0, ED, F0 and F4 (no overlongs,
            // no surrogates, nothing past U+10FFFF).
            let length: Int, low: UInt8, high: UInt8
            switch lead {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: return i
            }
            guard i + length <= n, (low...high).contains(bytes[i + 1]) else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
