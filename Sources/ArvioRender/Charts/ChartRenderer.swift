import ArvioData

/// Draws a `ChartModel` as plain text: title, the chart, its axis, legend and notes.
public enum ChartRenderer {
    /// `chart` drawn in its own width if it has one, else in `options.width` cells, with
    /// `options.charset`, coloured only when `options.colour` is set. Every line ends in "\n"
    /// and none in a space; the same chart and options give the same bytes on any machine.
    public static func render(_ chart: ChartModel, options: RenderOptions = RenderOptions()) -> String {
        var options = options
        if let width = chart.width { options.width = width }
        var lines: [StyledLine] = []
        if let title = chart.title {
            let text = DisplayWidth.truncate(Cell.flatten(title.prose(options.language)), to: options.width,
                                             charset: options.charset)
            lines.append(StyledLine(text, style: ANSIStyle.bold))
        }
        // The chart's numbers (axis ticks, values, percentages) are written as the language
        // writes decimals; a comma takes a point's one cell, so the layout stays as drawn.
        lines += body(chart, options: options).map { line in
            options.language == .fi ? line.mappingText(NumberFormat.comma) : line
        }
        if let axis = chart.axisLabel, chart.kind != .likert, chart.kind != .heat, chart.kind != .stackedBar {
            let text = Cell.flatten(axis.text(options.language))
            if !text.isEmpty { lines.append(StyledLine(DisplayWidth.truncate(text, to: options.width, charset: options.charset))) }
        }
        for note in chart.notes {
            lines += TextWrap.wrap(Phrases.note.text(options.language) + " " + note.prose(options.language),
                                   width: options.width, charset: options.charset, indent: "  ").map { StyledLine($0) }
        }
        return lines.map { $0.render(colour: options.colour) + "\n" }.joined()
    }

    static func body(_ chart: ChartModel, options: RenderOptions) -> [StyledLine] {
        if chart.kind != .histogram && chart.rows.isEmpty {
            return [StyledLine(Phrases.noData.text(options.language))]
        }
        switch chart.kind {
        case .bar, .groupedBar: return BarChart.lines(chart, options: options)
        case .histogram: return HistogramChart.lines(chart, options: options)
        case .stackedBar: return StackedBarChart.lines(chart, options: options)
        case .likert: return LikertChart.lines(chart, options: options)
        case .dumbbell: return DumbbellChart.lines(chart, options: options)
        case .heat: return HeatChart.lines(chart, options: options)
        }
    }
}
