import ArvioData

/// Horizontal bars: `bar` (one bar a row, value and share printed at the end), `groupedBar`
/// (one bar per series, the series named on each line) and, through `HistogramChart`, the
/// histogram. Bars start at zero; ends are drawn to an eighth of a cell in Unicode.
enum BarChart {
    /// One drawn bar: the label to its left, its value, and the annotation to its right.
    struct Bar {
        var label: String
        var value: Double
        var annotation: [String]
        var style: String?
    }

    static func lines(_ chart: ChartModel, options: RenderOptions) -> [StyledLine] {
        let labels = ChartLabels(rows: chart.rows, options: options)
        let seriesCount = chart.kind == .groupedBar ? max(1, chart.series.count) : 1
        let seriesNames = (0..<seriesCount).map { j in
            j < chart.series.count ? Cell.flatten(chart.series[j].text(options.language)) : ""
        }
        let seriesWidth = chart.kind == .groupedBar ? min(12, seriesNames.map(DisplayWidth.of).max() ?? 0) : 0
        let values = chart.rows.flatMap { row in (0..<seriesCount).map { j in j < row.values.count ? row.values[j] : .nan } }
        let notes = annotations(values, measure: chart.measure, charset: options.charset)
        var bars: [Bar] = []
        var breaks: [Int: Bool] = [:]
        for i in chart.rows.indices {
            if i > 0, seriesCount > 1 || ChartLabels.startsGroup(chart.rows, i) { breaks[bars.count] = true }
            for j in 0..<seriesCount {
                var label = j == 0 ? labels.texts[i] : String(repeating: " ", count: labels.width)
                if seriesWidth > 0 {
                    label += " " + DisplayWidth.fit(seriesNames[j], to: seriesWidth, charset: options.charset)
                }
                let k = i * seriesCount + j
                bars.append(Bar(label: label, value: values[k], annotation: notes[k],
                                style: seriesCount > 1 ? ChartColour.series(j) : ChartColour.series(0)))
            }
        }
        let labelWidth = labels.width + (seriesWidth > 0 ? seriesWidth + 1 : 0)
        return draw(bars, labelWidth: labelWidth, breaks: breaks, measure: chart.measure, options: options)
    }

    /// The text printed after each bar: the count and its share of the total, the percentage,
    /// or the value, as columns aligned across bars.
    static func annotations(_ values: [Double], measure: ChartModel.Measure, charset: Charset) -> [[String]] {
        let finite = values.filter(\.isFinite)
        let format = NumberFormat.alike(finite)
        switch measure {
        case .count:
            let total = finite.reduce(0, +)
            return values.map { v in
                guard v.isFinite else { return [charset.missing, ""] }
                return [format(v), total > 0 ? NumberFormat.percent(v / total * 100) : charset.missing]
            }
        case .percent:
            return values.map { [$0.isFinite ? NumberFormat.percent($0) : charset.missing] }
        case .value:
            return values.map { v in
                [v.isFinite ? format(v) : charset.missing]
            }
        }
    }

    /// Lays out labelled bars with aligned annotation columns and a zero-based axis.
    static func draw(_ bars: [Bar], labelWidth: Int, breaks: [Int: Bool], measure: ChartModel.Measure,
                     options: RenderOptions) -> [StyledLine] {
        let glyphs = ChartGlyphs(charset: options.charset)
        let columns = bars.first?.annotation.count ?? 0
        let noteWidths = (0..<columns).map { c in bars.map { DisplayWidth.of($0.annotation[c]) }.max() ?? 0 }
        let noteWidth = noteWidths.reduce(0, +) + max(0, columns - 1) * 2
        let room = max(10, options.width - labelWidth - 1 - 2 - noteWidth)
        let top = bars.map { $0.value.isFinite ? max(0, $0.value) : 0 }.max() ?? 0
        let unit = measure == .percent ? "%" : ""
        let (ticks, axis, cells) = ChartAxis.zeroBased(max: top, cells: room, integer: measure == .count) {
            NumberFormat.tick($0, step: $1) + unit
        }
        let scale = ticks.last!
        var out: [StyledLine] = []
        for (i, bar) in bars.enumerated() {
            if breaks[i] == true { out.append(StyledLine()) }
            var line = StyledLine(bar.label + " ")
            let eighths = bar.value.isFinite ? CumulativeRounding.round(max(0, bar.value) / scale * Double(cells * 8)) : 0
            let drawn = glyphs.bar(eighths: eighths)
            line.append(drawn, style: bar.style)
            line.append(String(repeating: " ", count: room - DisplayWidth.of(drawn) + 2))
            line.append(zip(bar.annotation, noteWidths).map { DisplayWidth.padLeft($0, to: $1) }.joined(separator: "  "))
            out.append(line)
        }
        out += axis.lines(indent: labelWidth + 1, limit: options.width, glyphs: glyphs)
        return out
    }
}
