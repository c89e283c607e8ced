import ArvioData

/// Builds the `ChartModel` a `chart` step asks for from the frame's rows, and the table of the
/// numbers behind it. One method per kind, in `ChartBuilder+Bars.swift` and
/// `ChartBuilder+Scales.swift`; the shared reading of columns is here.
struct ChartBuilder {
    let frame: Frame
    let context: EvaluationContext
    let chart: Chart

    /// The chart and its table.
    func build() throws(Diagnostic) -> (ChartModel, Table) {
        switch chart.kind {
        case .bar: try bar()
        case .stacked: try stacked()
        case .heat: try heat()
        case .likert: try likert()
        case .hist: try histogram()
        case .dumbbell: try dumbbell()
        }
    }

    /// The column `token` names, or a diagnostic with the closest name.
    func column(_ token: Token) throws(Diagnostic) -> Column {
        try context.column(token.text, in: frame.table, at: token.position)
    }

    /// How much each row counts (its `n` when the table is counted already). A count must be a
    /// whole number from 0 to a billion: a negative bar means nothing, and larger weights
    /// would make totals no chart can hold.
    func weights() throws(Diagnostic) -> ChartWeights {
        let poll = CancelPoll(context)
        let weights = ChartWeights(frame: frame, excluding: (chart.columns + [chart.by, chart.per].compactMap { $0 }).map(\.text),
                                   poll: poll)
        try poll.check(at: chart.keyword.position)
        if let row = weights.weights.firstIndex(where: { !(0...ChartWeights.largest).contains($0) }) {
            throw Diagnostic(chart.keyword.position,
                             "the chart counts each row n times, but n is \(NumberFormat.full(weights.weights[row])) in row \(row + 1); a count is a whole number from 0 to 1000000000")
        }
        return weights
    }

    /// `count(weights)` with the rows' weights, in polled passes; throws once the flag is set.
    func polledCounts<T>(_ count: (ChartWeights, CancelPoll) -> T) throws(Diagnostic) -> T {
        let poll = CancelPoll(context)
        let counts = count(try weights(), poll)
        try poll.check(at: chart.keyword.position)
        return counts
    }

    /// The column `token` names read as categories; numbers with many values are refused,
    /// since a chart of them as categories is almost never what was meant.
    func categories(_ token: Token, allLevels: Bool, missingShown: Bool = true) throws(Diagnostic) -> ChartCategories {
        let column = try self.column(token)
        let poll = CancelPoll(context)
        let categories = ChartCategories(column, frame: frame, allLevels: allLevels, missingShown: missingShown, poll: poll)
        try poll.check(at: token.position)
        if column.type == .decimal && categories.count > 12 {
            throw Diagnostic(token.position, "\"\(token.text)\" holds numbers with \(categories.count) different values, too many for categories; try chart hist \(token.text)")
        }
        return categories
    }

    /// What a column is called in titles: its codebook label, or its name.
    func title(_ token: Token) -> Localized {
        frame.table.column(named: token.text)?.label ?? Localized(token.text)
    }

    /// The label of a value axis of counts or percentages: what is measured, in the session's
    /// language (the table's name said where the rows came from, not what the axis shows).
    func axisLabel(_ measure: ChartModel.Measure) -> Localized? {
        switch measure {
        case .count: Localized(en: "count", fi: "lukumäärä")
        case .percent: Localized(en: "percent", fi: "prosentti")
        case .value: nil
        }
    }

    /// A note saying how many values were left out because they are missing, if any.
    func missingNote(_ count: Int, of token: Token) -> [Localized] {
        guard count > 0 else { return [] }
        return [Localized(en: "\(count) row\(count == 1 ? "" : "s") with no \(token.text) left out",
                          fi: "\(count) riviä ilman arvoa \(token.text) jätetty pois")]
    }

    /// A diagnostic at `token` saying which types a chart needs.
    func typeError(_ token: Token, _ column: Column, needs: String, hint: String) -> Diagnostic {
        Diagnostic(token.position, "chart \(chart.kind.rawValue) needs \(needs), but \"\(token.text)\" \(column.type.chartDescription)\(hint)")
    }
}

extension ColumnType {
    /// The type as the end of a sentence about a column ("is categorical", "holds text").
    var chartDescription: String {
        switch self {
        case .integer: "holds whole numbers"
        case .decimal: "holds decimal numbers"
        case .text: "holds text"
        case .categorical: "is categorical"
        case .ordinal: "is an ordinal scale"
        }
    }
}
