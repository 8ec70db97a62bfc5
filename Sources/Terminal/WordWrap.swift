/// Breaks a coach reply into lines no wider than the terminal, at spaces, never inside a
/// word: a reply printed as one long line would be cut mid-word at the screen's edge. Lines
/// the reply already has are kept; a line that starts with spaces (a list item) keeps that
/// indent on its continuation lines; a word longer than the width gets a line of its own.
/// Only the REPL on a terminal wraps: piped output stays one line a reply.
public enum WordWrap {
    public static func wrap(_ text: String, width: Int) -> String {
        guard width > 0 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { wrapLine($0, width: width) }
            .joined(separator: "\n")
    }

    private static func wrapLine(_ line: Substring, width: Int) -> String {
        guard line.count > width else { return String(line) }
        let indent = String(line.prefix { $0 == " " })
        let continuation = indent.count < width / 2 ? indent : ""
        var lines: [String] = []
        var current = indent
        var currentHasWord = false
        for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: true) {
            if currentHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = continuation
                currentHasWord = false
            }
            if currentHasWord { current += " " }
            current += word
            currentHasWord = true
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
