import ArvioData

/// 100% stacked bars: each row's counts as shares of one full-width bar, segments told apart
/// by fill, widths from cumulative rounding so every bar is exactly the same length.
enum StackedBarChart {
    static func lines(_ chart: ChartModel, options: RenderOptions) -> [StyledLine] {
        let glyphs = ChartGlyphs(charset: options.charset)
        let labels = ChartLabels(rows: chart.rows, options: options)
        let ns = chart.rows.map { row in "n=" + (row.n.map(String.init) ?? NumberFormat.count(row.values.filter(\.isFinite).reduce(0, +))) }
        let nWidth = ns.map(DisplayWidth.of).max() ?? 0
        let room = max(10, options.width - labels.width - 1 - 2 - nWidth)
        let axis = ChartAxis.zeroBased(max: 100, cells: room, integer: true) { NumberFormat.tick($0, step: $1) + "%" }
        let cells = axis.cells
        var out: [StyledLine] = []
        for (i, row) in chart.rows.enumerated() {
            if ChartLabels.startsGroup(chart.rows, i) { out.append(StyledLine()) }
            var line = StyledLine(labels.texts[i] + " ")
            let widths = CumulativeRounding.widths(row.values, total: cells)
            for (k, w) in widths.enumerated() where w > 0 {
                line.append(String(repeating: glyphs.segment(k), count: w), style: ChartColour.series(k))
            }
            line.append(String(repeating: " ", count: room - widths.reduce(0, +) + 2))
            line.append(DisplayWidth.padLeft(ns[i], to: nWidth))
            out.append(line)
        }
        out += axis.axis.lines(indent: labels.width + 1, limit: options.width, glyphs: glyphs)
        out += ChartLegend.lines(chart.series.enumerated().map {
            (glyphs.segment($0.offset), Cell.flatten($0.element.text(options.language)), ChartColour.series($0.offset))
        }, width: options.width)
        return out
    }
}
