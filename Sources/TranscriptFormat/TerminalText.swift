/// Text for a terminal: untrusted text made safe to print, and the one way output is coloured.
///
/// Transcripts are plain files anyone can edit, so text read back from them may hold escape
/// sequences that move the cursor, retitle the window or hide output. Review and `show` pass all
/// text through `sanitize` before printing: escape sequences are removed whole, other control
/// characters (C0, DEL, C1) are dropped, and line breaks become spaces so one record stays on
/// one line.
public enum TerminalText {
    /// `text` without terminal control sequences.
    public static func sanitize(_ text: String) -> String {
        // Fast path: nothing below 0x20, no DEL, no C1 (encoded as C2 80…C2 9F).
        var clean = true
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) { clean = false; break }
            previous = byte
        }
        if clean { return text }

        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let value = scalars[i].value
            if value == 0x1B || value == 0x9B || value == 0x9D {
                i = skipEscape(scalars, i)
                continue
            }
            if value == 0x0A || value == 0x0D || value == 0x09 {
                out.append(" ")
            } else if value >= 0x20 && value != 0x7F && !(0x80...0x9F).contains(value) {
                out.append(scalars[i])
            }
            i += 1
        }
        return String(out)
    }

    /// Skips an escape sequence starting at `i` (ESC or a C1 introducer); returns the index after it.
    static func skipEscape(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i + 1
        var kind = s[i].value
        if kind == 0x1B {
            guard j < s.count else { return j }
            switch s[j] {
            case "[": kind = 0x9B; j += 1
            case "]", "P", "X", "^", "_": kind = 0x9D; j += 1
            default:
                // Two-character sequence (ESC c, ESC 7, …), possibly with intermediates.
                while j < s.count, (0x20...0x2F).contains(s[j].value) { j += 1 }
                return min(j + 1, s.count)
            }
        }
        if kind == 0x9B {
            // CSI: parameters and intermediates, then one final byte 0x40…0x7E.
            while j < s.count, (0x20...0x3F).contains(s[j].value) { j += 1 }
            return min(j + 1, s.count)
        }
        // OSC and other strings: up to BEL or ST (ESC \ or 0x9C).
        while j < s.count {
            let v = s[j].value
            if v == 0x07 || v == 0x9C { return j + 1 }
            if v == 0x1B { return min(j + 2, s.count) }
            j += 1
        }
        return j
    }

    /// `text` wrapped in the ANSI style `code` (SGR parameters such as `"1"` bold, `"2"` dim,
    /// `"31"` red) when `colour` is on, else unchanged. Whether colour is on is decided once, by
    /// `TerminalStyle.useColour`, and passed down.
    public static func paint(_ text: String, _ code: String, when colour: Bool) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
