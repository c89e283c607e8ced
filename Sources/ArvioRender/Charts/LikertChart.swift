import ArvioData

/// The diverging stacked bar for a Likert scale (the report's Figure 17): low categories to the
/// left of a centre line, high ones to the right, the neutral category split across the line,
/// all rows on one shared percentage axis, with the low, neutral and high shares and n printed
/// beside each row.
enum LikertChart {
    /// One row's shares in percent: each category, and the low / neutral / high totals.
    struct Shares {
        var categories: [Double]
        var low: Double
        var neutral: Double
        var high: Double
        var n: Int

        /// The low, neutral and high shares in whole percent, rounded at their cumulative
        /// boundaries so the three always add up to 100 (or are all 0 for an empty row):
        /// rounding each on its own can print 38% + 31% + 32%.
        var wholePercents: (low: Int, neutral: Int, high: Int) {
            let p = CumulativeRounding.widths([low, neutral, high], total: 100)
            return (p[0], p[1], p[2])
        }
    }

    static func shares(_ row: ChartModel.Row, neutral: Int?, count: Int) -> Shares {
        let counts = (0..<count).map { $0 < row.values.count && row.values[$0].isFinite ? max(0, row.values[$0]) : 0 }
        let total = counts.reduce(0, +)
        let pct = counts.map { total > 0 ? $0 / total * 100 : 0 }
        let lowEnd = neutral ?? (count / 2)          // categories before this index are low
        let highStart = neutral.map { $0 + 1 } ?? lowEnd
        return Shares(categories: pct, low: pct[..<lowEnd].reduce(0, +),
                      neutral: neutral.map { pct[$0] } ?? 0, high: pct[highStart...].reduce(0, +),
                      n: row.n ?? Int(total))
    }

    /// The rows in drawing order: as given, or groups ordered by their last row's high share.
    static func ordered(_ chart: ChartModel) -> [ChartModel.Row] {
        guard chart.sortByHigh else { return chart.rows }
        var groups: [[ChartModel.Row]] = []
        for (i, row) in chart.rows.enumerated() {
            if i > 0, row.group != nil, row.group == chart.rows[i - 1].group { groups[groups.count - 1].append(row) }
            else { groups.append([row]) }
        }
        let keyed = groups.enumerated().map { (offset: $0.offset, rows: $0.element,
                                               key: shares($0.element.last!, neutral: chart.neutral,
                                                           count: chart.series.count).high) }
        return keyed.sorted { $0.key != $1.key ? $0.key > $1.key : $0.offset < $1.offset }.flatMap(\.rows)
    }

    static func lines(_ chart: ChartModel, options: RenderOptions) -> [StyledLine] {
        let glyphs = ChartGlyphs(charset: options.charset)
        let language = options.language
        let rows = ordered(chart)
        let count = chart.series.count
        let all = rows.map { shares($0, neutral: chart.neutral, count: count) }
        // The annotation columns: low, (mid,) high, n. When the width is tight the labels give
        // way first, then the mid column, so the bars keep at least 8 cells a side.
        var showMid = chart.neutral != nil
        var labels = ChartLabels(rows: rows, options: options)
        var heads: [String] = []
        var cells: [[String]] = []
        var widths: [Int] = []
        var half = 0
        for attempt in 0..<3 {
            if attempt == 1 { labels = ChartLabels(rows: rows, options: options, cap: 12) }
            if attempt == 2 { showMid = false }
            heads = [Phrases.low.text(language)] + (showMid ? [Phrases.neutral.text(language)] : [])
                + [Phrases.high.text(language), "n"]
            cells = all.map { s in
                let p = s.wholePercents
                return ["\(p.low)%"] + (showMid ? ["\(p.neutral)%"] : []) + ["\(p.high)%", String(s.n)]
            }
            widths = heads.indices.map { c in max(DisplayWidth.of(heads[c]), cells.map { DisplayWidth.of($0[c]) }.max() ?? 0) }
            let noteWidth = widths.reduce(0, +) + 2 * (widths.count - 1)
            half = (options.width - labels.width - 1 - 2 - noteWidth - 1) / 2
            if half >= 8 { break }
        }
        half = max(3, half)
        let extent = all.map { max($0.low + $0.neutral / 2, $0.high + $0.neutral / 2) }.max() ?? 0
        let budget = max(2, min(6, half / 7 + 1))  // "100%" needs about 7 cells per interval
        let tickValues = NiceTicks.ticks(lower: 0, upper: max(extent, 1), maxTicks: budget, integer: true)
        let top = tickValues.last!
        // Narrow each half to a multiple of the tick intervals so the ticks sit evenly apart.
        let intervals = max(1, tickValues.count - 1)
        half = max(intervals, half / intervals * intervals)
        let barWidth = 2 * half + 1
        func annotation(_ texts: [String]) -> String {
            zip(texts, widths).map { DisplayWidth.padLeft($0, to: $1) }.joined(separator: "  ")
        }
        var out: [StyledLine] = []
        out.append(StyledLine(String(repeating: " ", count: labels.width + 1 + barWidth + 2) + annotation(heads)))
        for (i, s) in all.enumerated() {
            if ChartLabels.startsGroup(rows, i) { out.append(StyledLine()) }
            var line = StyledLine(labels.texts[i] + " ")
            for run in bar(s, neutral: chart.neutral, half: half, top: top, glyphs: glyphs) {
                line.append(run.text, style: run.style)
            }
            line.append("  " + annotation(cells[i]))
            out.append(line)
        }
        // The shared axis: ticks mirrored about the centre line (each in the outermost cell its
        // value reaches), labelled with plain percentages.
        var ticks: [ChartAxis.Tick] = []
        for t in tickValues.reversed() where t > 0 {
            ticks.append(ChartAxis.Tick(position: half - CumulativeRounding.round(t / top * Double(half)), label: percent(t)))
        }
        ticks.append(ChartAxis.Tick(position: half, label: "0%"))
        for t in tickValues where t > 0 {
            ticks.append(ChartAxis.Tick(position: half + CumulativeRounding.round(t / top * Double(half)), label: percent(t)))
        }
        out += ChartAxis(ticks: ticks, length: barWidth, centre: half)
            .lines(indent: labels.width + 1, limit: options.width, glyphs: glyphs)
        out += ChartLegend.lines(chart.series.indices.map { k in
            let (glyph, style) = fill(k, neutral: chart.neutral, count: count, glyphs: glyphs)
            return (glyph, Cell.flatten(chart.series[k].text(language)), style)
        }, width: options.width)
        return out
    }

    /// The runs of one row's bar, `2 × half + 1` cells with the centre line in the middle.
    /// Segment ends are rounded where they fall on the shared axis (cumulatively), so no bar
    /// drifts and the neutral halves are mirror images.
    static func bar(_ s: Shares, neutral: Int?, half: Int, top: Double, glyphs: ChartGlyphs)
        -> [(text: String, style: String?)] {
        var cellsOf = Array(repeating: -1, count: 2 * half + 1)  // category drawn in each cell
        var x = -(s.low + s.neutral / 2)
        func position(_ x: Double, right: Bool) -> Int {
            let offset = CumulativeRounding.round(abs(x) / top * Double(half))
            return x < 0 || (x == 0 && !right) ? half - offset : half + 1 + offset
        }
        for (k, share) in s.categories.enumerated() {
            let end = x + share
            if share > 0 {
                let a = position(x, right: x >= 0)
                let b = position(end, right: end > 0)
                for c in a..<max(a, b) where c != half { cellsOf[c] = k }
            }
            x = end
        }
        var runs: [(text: String, style: String?)] = []
        for (c, k) in cellsOf.enumerated() {
            let piece: (text: String, style: String?) = c == half ? (glyphs.centreLine, nil)
                : k < 0 ? (" ", nil) : fill(k, neutral: neutral, count: s.categories.count, glyphs: glyphs)
            // Neighbouring cells of one style become one run, so colour codes are not repeated per cell.
            if let last = runs.last, last.style == piece.style {
                runs[runs.count - 1].text += piece.text
            } else {
                runs.append(piece)
            }
        }
        return runs
    }

    /// The glyph and colour of category `k`: a fill of its own on each side, and the same
    /// colours mirrored (warm low, cool high, strongest at the extremes).
    static func fill(_ k: Int, neutral: Int?, count: Int, glyphs: ChartGlyphs) -> (String, String?) {
        if k == neutral { return (glyphs.neutral, ChartColour.neutral) }
        let lowEnd = neutral ?? (count / 2)
        if k < lowEnd { return (glyphs.likert(low: true, distance: k), ChartColour.likert(low: true, distance: k)) }
        let distance = count - 1 - k
        return (glyphs.likert(low: false, distance: distance), ChartColour.likert(low: false, distance: distance))
    }

    static func percent(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 0) + "%" }
}
