import TranscriptFormat

/// Masks what identifies people in free text: email addresses, phone numbers, links, street
/// addresses, and given names.
///
/// Written as small hand-made scanners rather than regular expressions so that every rule is
/// visible, testable and linear-time, and so the Transcripts module needs no Foundation.
/// It errs towards masking: a long run of digits is treated as a phone number even when it
/// might not be one, because a shared report should not leak a number.
public enum SensitiveTextMasker {
    /// What replaces each kind of detail.
    public static let emailMask = "[email]"
    public static let phoneMask = "[phone]"
    public static let linkMask = "[link]"
    public static let addressMask = "[address]"

    /// `text` with details masked and each name in `names` (whole words, any case) replaced by
    /// its alias.
    public static func mask(_ text: String, names: [(name: String, alias: String)] = []) -> String {
        let chars = Array(text)
        let names = names.filter { !$0.name.isEmpty }
            .map { (name: Array($0.name.lowercased()), alias: $0.alias) }
            .sorted { $0.name.count > $1.name.count }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = 0
        while i < chars.count {
            if i == 0 || !isWordCharacter(chars[i - 1]) {
                if let end = link(chars, i) { out += linkMask; i = end; continue }
                if let end = email(chars, i) { out += emailMask; i = end; continue }
                if let end = address(chars, i) { out += addressMask; i = end; continue }
                if let end = phone(chars, i) { out += phoneMask; i = end; continue }
                if let (end, alias) = name(chars, i, names) { out += alias; i = end; continue }
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    // MARK: - Scanners: each returns the end of its match at `i`, or nil.

    static func link(_ c: [Character], _ i: Int) -> Int? {
        let starts = ["https://", "http://", "www."]
        let hasScheme = starts.contains { hasPrefix(c, i, $0) }
        var end = i
        while end < c.count, !c[end].isWhitespace { end += 1 }
        end = trimTrailingPunctuation(c, i, end)
        guard end > i else { return nil }
        if hasScheme { return end }
        // A bare domain such as example.com or example.org/path.
        let token = String(c[i..<end])
        let host = token.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, !token.contains("@"),
              labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }),
              let tld = labels.last, commonTopLevelDomains.contains(tld.lowercased())
        else { return nil }
        return end
    }

    static func email(_ c: [Character], _ i: Int) -> Int? {
        var at = i
        while at < c.count, isEmailLocal(c[at]) { at += 1 }
        guard at > i, at < c.count, c[at] == "@" else { return nil }
        var end = at + 1
        while end < c.count, c[end].isASCII, c[end].isLetter || c[end].isNumber || c[end] == "." || c[end] == "-" { end += 1 }
        while end > at + 1, c[end - 1] == "." || c[end - 1] == "-" { end -= 1 }
        let domain = String(c[(at + 1)..<end])
        let labels = domain.split(separator: ".")
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { return nil }
        return end
    }

    /// Seven to fifteen digits in groups joined by at most two of `space - . ( )`, optionally
    /// led by `+` or `(`. Calendar dates (YYYY-MM-DD) are left alone.
    static func phone(_ c: [Character], _ i: Int) -> Int? {
        var j = i
        if j < c.count, c[j] == "+" || c[j] == "(" { j += 1 }
        guard j < c.count, c[j].isASCII, c[j].isNumber else { return nil }
        var digits = 0
        var lastDigitEnd = j
        while j < c.count {
            if c[j].isASCII && c[j].isNumber {
                digits += 1
                j += 1
                lastDigitEnd = j
                continue
            }
            var k = j
            while k < c.count, k - j < 2, " -.()".contains(c[k]) { k += 1 }
            guard k > j, k < c.count, c[k].isASCII, c[k].isNumber else { break }
            j = k
        }
        var end = lastDigitEnd
        if end < c.count, c[end] == ")" { end += 1 }
        guard (7...15).contains(digits), end == c.count || !isWordCharacter(c[end]) else { return nil }
        let candidate = String(c[i..<end])
        if isCalendarDate(candidate) { return nil }
        return end
    }

    /// A house number, one to four capitalised words, and a street type: "42 Baker Street",
    /// "1600 Pennsylvania Ave", "7b Rue Street".
    static func address(_ c: [Character], _ i: Int) -> Int? {
        var j = i
        while j < c.count, j - i < 5, c[j].isASCII, c[j].isNumber { j += 1 }
        guard j > i else { return nil }
        if j < c.count, c[j].isLetter, c[j].isASCII, j + 1 < c.count, c[j + 1] == " " { j += 1 }
        var words = 0
        while words < 5 {
            guard j < c.count, c[j] == " " else { return nil }
            j += 1
            let start = j
            while j < c.count, c[j].isLetter || c[j].isNumber { j += 1 }
            guard j > start else { return nil }
            let word = String(c[start..<j])
            if words >= 1, streetTypes.contains(word.lowercased()) {
                if j < c.count, c[j] == ".", j + 1 == c.count || c[j + 1] == " " || c[j + 1] == "," {
                    // "St." — keep the dot unless it ends the sentence.
                    if j + 1 < c.count { j += 1 }
                }
                return j == c.count || !isWordCharacter(c[j]) ? j : nil
            }
            guard word.first!.isUppercase || isOrdinal(word) else { return nil }
            words += 1
        }
        return nil
    }

    static func name(_ c: [Character], _ i: Int, _ names: [(name: [Character], alias: String)]) -> (Int, String)? {
        for entry in names {
            let end = i + entry.name.count
            guard end <= c.count else { continue }
            var matches = true
            for k in 0..<entry.name.count where Character(c[i + k].lowercased()) != entry.name[k] {
                matches = false
                break
            }
            // "Sam's" still names Sam.
            if matches, end == c.count || !isWordCharacter(c[end]) || c[end] == "'" || c[end] == "’" {
                return (end, entry.alias)
            }
        }
        return nil
    }

    // MARK: - Helpers

    static func isWordCharacter(_ ch: Character) -> Bool { ch.isLetter || ch.isNumber || ch == "_" }

    static func isEmailLocal(_ ch: Character) -> Bool {
        ch.isASCII && (ch.isLetter || ch.isNumber || "._%+-".contains(ch))
    }

    static func hasPrefix(_ c: [Character], _ i: Int, _ prefix: String) -> Bool {
        var k = i
        for p in prefix {
            guard k < c.count, c[k].lowercased() == String(p) else { return false }
            k += 1
        }
        return true
    }

    static func trimTrailingPunctuation(_ c: [Character], _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start, ".,;:!?)\"'’”]".contains(c[end - 1]) { end -= 1 }
        return end
    }

    static func isOrdinal(_ word: String) -> Bool {
        let lower = word.lowercased()
        guard let first = lower.first, first.isNumber else { return false }
        return ["st", "nd", "rd", "th"].contains { lower.hasSuffix($0) && lower.dropLast(2).allSatisfy(\.isNumber) }
    }

    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    static let streetTypes: Set<String> = [
        "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "boulevard", "blvd",
        "court", "ct", "place", "pl", "way", "terrace", "close", "crescent", "parkway", "pkwy", "highway",
        "hwy", "square", "sq", "circle", "cir", "trail", "row", "mews", "gardens", "grove",
    ]

    static let commonTopLevelDomains: Set<String> = [
        "com", "org", "net", "io", "co", "uk", "de", "fr", "es", "it", "nl", "ca", "au", "us", "app", "dev",
        "me", "info", "edu", "gov", "ly", "tv",
    ]
}
