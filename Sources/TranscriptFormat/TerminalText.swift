/// Text for a terminal: untrusted text made safe to print, and the one way output is coloured.
///
/// Transcripts are plain files anyone can edit, so text read back from them may hold escape
/// sequences that move the cursor, retitle the window or hide output. Review and `show` pass all
/// text through `sanitize` before printing: escape sequences are removed whole, other control
/// characters (C0, DEL, C1) are dropped, and line breaks become spaces so one record stays on
/// one line. Bidi controls (U+061C, U+200E–200F, U+202A–202E, U+2066–2069) and invisible
/// characters (U+200B–200D, U+2060–2064, U+FEFF) are dropped too: they would let one name be
/// made to look like another, or reorder what a line appears to say. The coach cleans every
/// typed line with this before it is matched, echoed or saved, so the transcript never holds them.
public enum TerminalText {
    /// `text` without terminal control sequences.
    public static func sanitize(_ text: String) -> String {
        // Fast path: nothing below 0x20, no DEL, no C1 (encoded as C2 80…C2 9F), and none of the
        // lead bytes of the invisible controls (D8 for U+061C, E2 for U+20xx, EF for U+FEFF).
        var clean = true
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || byte == 0xE2 || byte == 0xEF || byte == 0xD8
                || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) { clean = false; break }
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
            } else if value >= 0x20 && value != 0x7F && !(0x80...0x9F).contains(value) && !isInvisibleControl(value) {
                out.append(scalars[i])
            }
            i += 1
        }
        return String(out)
    }

    /// Bidi controls and zero-width characters: they change how text around them is shown while
    /// showing nothing themselves.
    public static func isInvisibleControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
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
