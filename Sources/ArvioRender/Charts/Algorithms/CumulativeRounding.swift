/// Whole-cell widths for the segments of a stacked bar, found by rounding the cumulative
/// boundaries rather than each segment, so the widths always add up to the bar and the error
/// of any one segment stays under a cell.
public enum CumulativeRounding {
    /// Widths for `parts` (negative parts count as 0) that sum to exactly `total` cells,
    /// or all zeros when the parts sum to zero.
    public static func widths(_ parts: [Double], total: Int) -> [Int] {
        let clean = parts.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let sum = clean.reduce(0, +)
        guard sum > 0, total > 0 else { return Array(repeating: 0, count: parts.count) }
        var widths: [Int] = []
        var cumulative = 0.0
        var previous = 0
        for (i, part) in clean.enumerated() {
            cumulative += part
            let boundary = i == clean.count - 1 ? total : round(cumulative / sum * Double(total))
            widths.append(boundary - previous)
            previous = boundary
        }
        return widths
    }

    /// `x` rounded half up, the one rounding rule for chart cells.
    static func round(_ x: Double) -> Int {
        Int((x + 0.5).rounded(.down))
    }
}
