import ArvioData

/// A dumbbell per row: the pre marker and the post marker on a shared axis, joined by a line,
/// with both values and the change printed at the end. A row missing one phase shows the other
/// marker alone and `·` for the change.
enum DumbbellChart {
    static func lines(_ chart: ChartModel, options: RenderOptions) -> [StyledLine] {
        let glyphs = ChartGlyphs(charset: options.charset)
        let labels = ChartLabels(rows: chart.rows, options: options)
        let pairs = chart.rows.map { row -> (Double, Double) in
            (row.values.count > 0 ? row.values[0] : .nan, row.values.count > 1 ? row.values[1] : .nan)
        }
        let finite = pairs.flatMap { [$0.0, $0.1] }.filter(\.isFinite)
        let whole = finite.allSatisfy(NumberFormat.isWhole)
        let alike = NumberFormat.alike(finite)
        func format(_ v: Double) -> String {
            v.isFinite ? alike(v) : options.charset.missing
        }
        func change(_ pre: Double, _ post: Double) -> String {
            guard pre.isFinite, post.isFinite else { return options.charset.missing }
            let d = post - pre
            let text = format(abs(d))
            return d > 0 ? "+" + text : (d < 0 ? glyphs.minus + text : text)
        }
        // Rows that know their pairs (a paired dumbbell) print n after the change.
        let counts = chart.rows.map { row in row.n.map { "n \($0)" } ?? "" }
        let notes = pairs.indices.map { [format(pairs[$0].0), glyphs.arrow, format(pairs[$0].1), change(pairs[$0].0, pairs[$0].1), counts[$0]] }
        let widths = (0..<5).map { c in notes.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        let noteWidth = widths.reduce(0, +) + 5 + (widths[4] > 0 ? 2 : 0)
        let room = max(10, options.width - labels.width - 1 - 2 - noteWidth)
        var cells = room
        let lower = chart.valueRange?.lowerBound ?? finite.min() ?? 0
        let upper = chart.valueRange?.upperBound ?? finite.max() ?? 1
        let labelRoom = max(format(lower).count, format(upper).count) + 2
        let budget = max(2, min(11, cells / labelRoom + 1))
        var tickValues = NiceTicks.ticks(lower: lower, upper: upper, maxTicks: budget, integer: whole)
        let lo = chart.valueRange?.lowerBound ?? tickValues.first!
        let hi = max(chart.valueRange?.upperBound ?? tickValues.last!, lo + 1e-9)
        tickValues = tickValues.filter { $0 >= lo - 1e-9 && $0 <= hi + 1e-9 }
        // Markers sit on cells, so ticks are evenly apart when (cells - 1) is a multiple of the span.
        let spans = (hi - lo) / (tickValues.count > 1 ? tickValues[1] - tickValues[0] : hi - lo)
        if spans >= 1, spans == spans.rounded() {
            let k = Int(spans)
            cells = max(k + 1, (room - 1) / k * k + 1)
        }
        func position(_ v: Double) -> Int {
            min(cells - 1, max(0, CumulativeRounding.round((v - lo) / (hi - lo) * Double(cells - 1))))
        }
        var sawBoth = false
        var out: [StyledLine] = []
        for (i, (pre, post)) in pairs.enumerated() {
            if ChartLabels.startsGroup(chart.rows, i) { out.append(StyledLine()) }
            var track = Array(repeating: " ", count: cells)
            var styles: [String?] = Array(repeating: nil, count: cells)
            if pre.isFinite, post.isFinite {
                let (a, b) = (position(pre), position(post))
                for c in min(a, b)..<max(a, b) { track[c] = glyphs.join }
            }
            if pre.isFinite { track[position(pre)] = glyphs.pre; styles[position(pre)] = ChartColour.series(1) }
            if post.isFinite { track[position(post)] = glyphs.post; styles[position(post)] = ChartColour.series(0) }
            if pre.isFinite, post.isFinite, position(pre) == position(post) {
                track[position(pre)] = glyphs.both
                sawBoth = true
            }
            var line = StyledLine(labels.texts[i] + " ")
            for (c, ch) in track.enumerated() { line.append(ch, style: styles[c]) }
            let note = notes[i]
            line.append(String(repeating: " ", count: room - cells + 2) + DisplayWidth.padLeft(note[0], to: widths[0]) + " " + note[1] + " "
                + DisplayWidth.padLeft(note[2], to: widths[2]) + "  " + DisplayWidth.padLeft(note[3], to: widths[3])
                + (widths[4] > 0 ? "  " + DisplayWidth.padLeft(note[4], to: widths[4]) : ""))
            out.append(line)
        }
        let step = tickValues.count > 1 ? tickValues[1] - tickValues[0] : 1
        let ticks = tickValues.map { ChartAxis.Tick(position: position($0), label: NumberFormat.tick($0, step: step)) }
        out += ChartAxis(ticks: ticks, length: cells, centre: nil)
            .lines(indent: labels.width + 1, limit: options.width, glyphs: glyphs)
        let names = (0..<2).map { $0 < chart.series.count ? Cell.flatten(chart.series[$0].text(options.language)) : ["pre", "post"][$0] }
        var legend: [(glyph: String, name: String, style: String?)] = [
            (glyphs.pre, names[0], ChartColour.series(1)), (glyphs.post, names[1], ChartColour.series(0)),
        ]
        if sawBoth { legend.append((glyphs.both, Phrases.noChange.text(options.language), nil)) }
        return out + ChartLegend.lines(legend, width: options.width)
    }
}
