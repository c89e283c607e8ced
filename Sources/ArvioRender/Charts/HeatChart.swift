import ArvioData

/// A cross-tab as a heat map: one line per row category, one cell per column category, each
/// cell shaded by its share of the row and showing its count, with the row's n at the end.
enum HeatChart {
    /// The shade level (0–4) of a cell holding `share` of its row: none, under 25%, under 50%,
    /// under 75%, 75% or more.
    static func level(_ share: Double) -> Int {
        guard share > 0 else { return 0 }
        return share < 0.25 ? 1 : share < 0.5 ? 2 : share < 0.75 ? 3 : 4
    }

    static func lines(_ chart: ChartModel, options: RenderOptions) -> [StyledLine] {
        let glyphs = ChartGlyphs(charset: options.charset)
        let labels = ChartLabels(rows: chart.rows, options: options)
        let k = chart.series.count
        let counts = chart.rows.map { row in (0..<k).map { $0 < row.values.count && row.values[$0].isFinite ? row.values[$0] : 0 } }
        let totals = counts.map { $0.reduce(0, +) }
        let texts = counts.map { $0.map(NumberFormat.count) }
        let countWidth = texts.flatMap { $0 }.map(DisplayWidth.of).max() ?? 1
        let ns = zip(chart.rows, totals).map { row, total in row.n.map(String.init) ?? NumberFormat.count(total) }
        let nWidth = max(1, ns.map(DisplayWidth.of).max() ?? 1)
        let heads = chart.series.map { Cell.flatten($0.text(options.language)) }
        // Shade as wide as the room allows (1–4 cells), then cut the headings to the cell.
        var shade = 4
        while shade > 1, labels.width + k * (shade + 1 + countWidth + 2) + nWidth > options.width { shade -= 1 }
        // Widen cells for the headings when there is room, up to 14 cells.
        let perColumn = (options.width - labels.width - nWidth - 2) / max(1, k) - 2
        let widestHead = heads.map(DisplayWidth.of).max() ?? 0
        let cellWidth = max(shade + 1 + countWidth, min(widestHead, perColumn, 14))
        var header = StyledLine(String(repeating: " ", count: labels.width))
        for head in heads { header.append("  " + DisplayWidth.fit(head, to: cellWidth, charset: options.charset, alignRight: true)) }
        header.append("  " + DisplayWidth.padLeft("n", to: nWidth))
        var out = [header]
        for (i, row) in counts.enumerated() {
            if ChartLabels.startsGroup(chart.rows, i) { out.append(StyledLine()) }
            var line = StyledLine(labels.texts[i])
            for (j, count) in row.enumerated() {
                let lvl = totals[i] > 0 ? level(count / totals[i]) : 0
                line.append("  ")
                // The shade fills the cell up to the count, so wider cells read as larger patches.
                line.append(String(repeating: glyphs.heat[lvl], count: cellWidth - countWidth - 1),
                            style: lvl > 0 ? ChartColour.series(0) : nil)
                line.append(" " + DisplayWidth.padLeft(texts[i][j], to: countWidth))
            }
            line.append("  " + DisplayWidth.padLeft(ns[i], to: nWidth))
            out.append(line)
        }
        let dash = options.charset == .unicode ? "–" : "-"
        let atLeast = options.charset == .unicode ? "≥ " : ">= "
        let ranges = ["< 25%", "25" + dash + "50%", "50" + dash + "75%", atLeast + "75%"]
        var legend = (1...4).map { (glyph: glyphs.heat[$0], name: ranges[$0 - 1], style: Optional(ChartColour.series(0))) }
        legend[3].name += " " + Phrases.ofRow.text(options.language)
        return out + ChartLegend.lines(legend, width: options.width)
    }
}
