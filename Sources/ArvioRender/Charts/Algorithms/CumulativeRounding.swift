/// Whole-cell widths for the segments of a stacked bar, found by rounding the cumulative
/// boundaries rather than each segment, so the widths always add up to the bar and the error
/// of any one segment stays under a cell.
public enum CumulativeRounding {
    /// Widths for `parts` (negative parts count as 0) that sum to exactly `total` cells,
    /// or all zeros when the parts sum to zero.
    public static func widths(_ parts: [Double], total: Int) -> [Int] {
        var clean = parts.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        var sum = clean.reduce(0, +)
        // Parts near Double.greatestFiniteMagnitude sum to infinity, which would make every
        // boundary NaN: then they are scaled to the largest part first.
        if sum.isInfinite, let largest = clean.max() {
            clean = clean.map { $0 / largest }
            sum = clean.reduce(0, +)
        }
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
    /// Not finite (a scale of infinity or zero) counts as 0; beyond ±2^31 is clamped, as no
    /// chart is that many cells wide.
    static func round(_ x: Double) -> Int {
        let r = (x + 0.5).rounded(.down)
        guard r.isFinite else { return 0 }
        return Int(min(max(r, -2_147_483_648), 2_147_483_647))
    }
}
