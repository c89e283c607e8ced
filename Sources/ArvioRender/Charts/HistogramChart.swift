import ArvioData

/// A histogram: the samples counted in round, left-closed bins, drawn as horizontal bars whose
/// labels are the bins (`[10, 15)`, or just `3` for whole-number bins one wide).
enum HistogramChart {
    static func lines(_ chart: ChartModel, options: RenderOptions) -> [StyledLine] {
        let bins = HistogramBins(samples: chart.samples, width: chart.binWidth, discrete: chart.discrete)
        guard !bins.counts.isEmpty else { return [StyledLine(Phrases.noData.text(options.language))] }
        let labels = binLabels(bins, discrete: chart.discrete, language: options.language)
        let labelWidth = min(labels.map(DisplayWidth.of).max() ?? 0, ChartLabels.cap(options.width))
        let counts = bins.counts.map(Double.init)
        let notes = BarChart.annotations(counts, measure: .count, charset: options.charset)
        let bars = labels.indices.map {
            BarChart.Bar(label: DisplayWidth.fit(labels[$0], to: labelWidth, charset: options.charset, alignRight: true),
                         value: counts[$0], annotation: notes[$0], style: ChartColour.series(0))
        }
        return BarChart.draw(bars, labelWidth: labelWidth, breaks: [:], measure: .count, options: options)
    }

    /// The bin labels, with the edges padded so the commas and brackets line up.
    static func binLabels(_ bins: HistogramBins, discrete: Bool, language: Language = .en) -> [String] {
        let edges = bins.edges.map { NumberFormat.tick($0, step: bins.width) }
        if discrete && bins.width == 1 {
            let w = edges.dropLast().map(DisplayWidth.of).max() ?? 0
            return edges.dropLast().map { DisplayWidth.padLeft($0, to: w) }
        }
        let w = edges.map(DisplayWidth.of).max() ?? 0
        return bins.counts.indices.map {
            // With a decimal comma, Finnish sets the ends of an interval apart with a semicolon.
            "[" + DisplayWidth.padLeft(edges[$0], to: w) + (language == .fi ? "; " : ", ")
                + DisplayWidth.padLeft(edges[$0 + 1], to: w) + ")"
        }
    }
}
