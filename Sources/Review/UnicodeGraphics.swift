import TranscriptFormat

/// Bars and sparklines drawn with block characters, for the text report.
///
/// Eighth-blocks give bars eight times the resolution of whole characters, so a 20-column bar
/// still shows a 1 % difference in talk balance.
public enum UnicodeGraphics {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A bar `fraction` (0…1) of `width` columns long, padded with spaces to `width`.
    public static func bar(_ fraction: Double, width: Int) -> String {
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let eighthsTotal = Int((f * Double(width) * 8).rounded())
        let full = eighthsTotal / 8
        let rest = eighthsTotal % 8
        var text = String(repeating: "█", count: full)
        if rest > 0 { text.append(eighths[rest - 1]) }
        let used = full + (rest > 0 ? 1 : 0)
        return text + String(repeating: " ", count: max(0, width - used))
    }

    /// One character per value, scaled from the smallest (▁) to the largest (█). All-equal
    /// values draw a flat middle line; all-zero values draw the floor.
    public static func sparkline(_ values: [Double]) -> String {
        guard let low = values.min(), let high = values.max() else { return "" }
        if high == low {
            return String(repeating: high == 0 ? levels[0] : levels[3], count: values.count)
        }
        return String(values.map { value in
            let position = (value - low) / (high - low)
            return levels[min(levels.count - 1, Int((position * Double(levels.count - 1)).rounded()))]
        })
    }
}
