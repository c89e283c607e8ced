/// A value axis under a chart: a line with tick marks at cell positions and the tick labels
/// centred under them, leaving out any label that would touch its neighbour.
struct ChartAxis {
    /// A tick: where it is (a cell offset from the axis start) and what it says.
    struct Tick {
        var position: Int
        var label: String
    }

    var ticks: [Tick]
    /// How many cells the line spans.
    var length: Int
    /// A position drawn with the centre mark (the zero of a diverging chart).
    var centre: Int?

    /// The line and the label line, each starting `indent` cells in; labels stay within `limit`.
    func lines(indent: Int, limit: Int, glyphs: ChartGlyphs) -> [StyledLine] {
        var line = Array(repeating: glyphs.axisLine, count: max(1, length))
        for tick in ticks where tick.position >= 0 && tick.position < line.count {
            line[tick.position] = glyphs.axisTick
        }
        if let centre, centre >= 0, centre < line.count { line[centre] = glyphs.axisCentre }
        let pad = String(repeating: " ", count: indent)
        var labels = ""
        var used = 0  // cells written on the label line, relative to the axis start
        for tick in ticks {
            let w = DisplayWidth.of(tick.label)
            var start = tick.position - w / 2
            start = max(start, 0)
            start = min(start, limit - indent - w)
            guard start >= (used == 0 ? 0 : used + 1), start >= 0 else { continue }
            labels += String(repeating: " ", count: start - used) + tick.label
            used = start + w
        }
        return [StyledLine(pad + line.joined()), StyledLine(pad + labels)]
    }

    /// Ticks for 0…max on a bar area of at most `cells` cells, spaced so their labels fit.
    /// The area is narrowed to a multiple of the tick count so ticks sit evenly apart; the
    /// cells actually used come back with the ticks.
    static func zeroBased(max: Double, cells: Int, integer: Bool,
                          label: (Double, Double) -> String) -> (ticks: [Double], axis: ChartAxis, cells: Int) {
        let widest = DisplayWidth.of(label(max, 1)) + 1
        let budget = Swift.max(2, Swift.min(11, cells / (widest + 2) + 1))
        var values = NiceTicks.ticks(lower: 0, upper: max, maxTicks: budget, integer: integer)
        // Near Double.greatestFiniteMagnitude the round tick above the largest value is
        // infinite: then the axis runs from 0 to the value itself.
        if !(values.last ?? .nan).isFinite || !(values.last! > 0) { values = max.isFinite && max > 0 ? [0, max] : [0, 1] }
        let intervals = Swift.max(1, values.count - 1)
        let used = Swift.max(intervals, cells / intervals * intervals)
        let top = values.last!
        let step = values.count > 1 ? values[1] - values[0] : top
        let ticks = values.map {
            Tick(position: CumulativeRounding.round($0 / top * Double(used)), label: label($0, step))
        }
        return (values, ChartAxis(ticks: ticks, length: used + 1, centre: nil), used)
    }
}
