import ArvioData

/// Bars, grouped bars, 100% stacked bars and the heat map: charts of counts per category.
extension ChartBuilder {
    /// `chart bar C`: a bar per category of C with its count (or percentage). `chart bar V by G`:
    /// a bar per row labelled by G when V holds numbers; grouped bars (one per G) for each
    /// category of V when V is categorical.
    func bar() throws(Diagnostic) -> (ChartModel, Table) {
        let token = chart.columns[0]
        if let by = chart.by {
            let column = try self.column(token)
            return column.type.isCoded || column.type == .text ? try groupedBar(token, by: by)
                : try valueBar(token, column: column, by: by)
        }
        let categories = try self.categories(token, allLevels: true)
        var counts = try polledCounts { w, poll in w.counts(categories, poll: poll) }
        let total = counts.reduce(0, +)
        if chart.options.percent { counts = counts.map { total > 0 ? $0 / total * 100 : 0 } }
        let measure: ChartModel.Measure = chart.options.percent ? .percent : .count
        var model = ChartModel.bar(title: title(token), bars: Array(zip(categories.labels, counts)),
                                   measure: measure, axisLabel: axisLabel(measure))
        if chart.options.percent { model.notes = [Localized(en: "n = \(Int(total))", fi: "n = \(Int(total))")] }
        let table = ChartTable.make(model, name: frame.table.name, labelName: token.text, groupName: nil,
                                    seriesNames: [Localized(chart.options.percent ? "percent" : "n")], withN: false)
        return (model, table)
    }

    /// One bar per row: the number in `token`, labelled by the row's value of `by`.
    private func valueBar(_ token: Token, column: Column, by: Token) throws(Diagnostic) -> (ChartModel, Table) {
        let labels = ChartCategories(try self.column(by), frame: frame, allLevels: false, missingShown: true)
        let data = frame.data(of: column)
        let values = (0..<frame.rowCount).map { data.number(at: $0) ?? .nan }
        let isCount = token.text == "n" && column.type == .integer
        let model = ChartModel.bar(title: title(token),
                                   bars: (0..<frame.rowCount).map { (labels.labels[labels.index[$0] ?? 0], values[$0]) },
                                   measure: isCount ? .count : (chart.options.percent ? .percent : .value),
                                   axisLabel: Localized(token.text))
        let table = ChartTable.make(model, name: frame.table.name, labelName: by.text, groupName: nil,
                                    seriesNames: [Localized(token.text)], withN: false)
        return (model, table)
    }

    /// Grouped bars: a line per category of `token`, a bar per category of `by` on it; with
    /// `percent`, each bar is its share of its group (so groups of unequal size compare).
    private func groupedBar(_ token: Token, by: Token) throws(Diagnostic) -> (ChartModel, Table) {
        let values = try categories(token, allLevels: true)
        let groups = try categories(by, allLevels: false)
        let counts = try polledCounts { w, poll in w.counts(values, by: groups, poll: poll) }
        var rows = zip(values.labels, counts).map { ChartModel.Row(label: $0, values: $1) }
        if chart.options.percent {
            let totals = groups.labels.indices.map { g in counts.map { $0[g] }.reduce(0, +) }
            rows = rows.map { row in
                var row = row
                row.values = row.values.enumerated().map { totals[$0] > 0 ? $1 / totals[$0] * 100 : 0 }
                return row
            }
        }
        let measure: ChartModel.Measure = chart.options.percent ? .percent : .count
        let model = ChartModel(kind: .groupedBar, title: title(token), series: groups.labels, rows: rows,
                               measure: measure, axisLabel: axisLabel(measure))
        let table = ChartTable.make(model, name: frame.table.name, labelName: token.text, groupName: nil,
                                    seriesNames: groups.labels, withN: false)
        return (model, table)
    }

    /// `chart stacked V by G`: a 100% bar per category of G, split by the categories of V.
    func stacked() throws(Diagnostic) -> (ChartModel, Table) {
        let token = chart.columns[0]
        let segments = try categories(token, allLevels: true)
        let model = ChartModel(kind: .stackedBar, title: title(token), series: segments.labels,
                               rows: try crossRows(segments, by: chart.by))
        let table = ChartTable.make(model, name: frame.table.name, labelName: chart.by?.text ?? "rows", groupName: nil,
                                    seriesNames: segments.labels, withN: true)
        return (model, table)
    }

    /// `chart heat A by B`: a row per category of A, a shaded cell per category of B. Bare
    /// `chart heat` reads a cross-tab already made: its first non-number column labels the
    /// rows and its whole-number columns (other than n and totals) are the cells.
    func heat() throws(Diagnostic) -> (ChartModel, Table) {
        guard let token = chart.columns.first, let by = chart.by else { return try heatFromCrossTab() }
        let columns = try categories(by, allLevels: true)
        let rows = try categories(token, allLevels: false)
        try checkHeatSize(rows: rows.labels.count, columns: columns.labels.count, rowName: token.text, columnName: by.text)
        let counts = try polledCounts { w, poll in w.counts(rows, by: columns, poll: poll) }
        let model = ChartModel(kind: .heat, title: Localized(en: "\(title(token).en) by \(title(by).en)",
                                                             fi: "\(title(token).fi) ja \(title(by).fi)"),
                               series: columns.labels,
                               rows: zip(rows.labels, counts).map { ChartModel.Row(label: $0, values: $1) })
        let table = ChartTable.make(model, name: frame.table.name, labelName: token.text, groupName: nil,
                                    seriesNames: columns.labels, withN: true)
        return (model, table)
    }

    private func heatFromCrossTab() throws(Diagnostic) -> (ChartModel, Table) {
        let table = frame.materialized()
        let totals: Set<String> = ["n", "total", "Total", "yhteensä", "all", "count"]
        guard let labelIndex = table.columns.firstIndex(where: { !$0.type.isNumeric }) else {
            throw Diagnostic(chart.keyword.position, "chart heat needs a column of row categories; write chart heat A by B for a table of rows")
        }
        let cells = table.columns.filter { $0.type == .integer && !totals.contains($0.name) }
        guard !cells.isEmpty else {
            throw Diagnostic(chart.keyword.position, "chart heat found no columns of counts in \(table.name); write chart heat A by B to count its rows")
        }
        let labels = ChartCategories(table.columns[labelIndex], frame: Frame(table: table, origin: nil),
                                     allLevels: false, missingShown: true)
        // A cross-tab's margin row is not a category: it would shade every cell of its own.
        let categoryRows = (0..<table.rowCount).filter { row in
            let label = labels.labels[labels.index[row] ?? 0]
            return !totals.contains(label.en) && !totals.contains(label.fi)
        }
        let rows = categoryRows.map { row in
            ChartModel.Row(label: labels.labels[labels.index[row] ?? 0],
                           values: cells.map { $0.data.number(at: row) ?? .nan })
        }
        try checkHeatSize(rows: rows.count, columns: cells.count, rowName: table.columns[labelIndex].name, columnName: "count columns")
        let model = ChartModel(kind: .heat, title: nil, series: cells.map { Localized($0.name) }, rows: rows)
        return (model, table)
    }

    /// The most categories a heat map draws across (cells of a line) and down (lines).
    static let heatColumnLimit = 100
    static let heatRowLimit = 1000

    /// Refuses a heat map beyond the limits before its cells are counted: 100k × 63k
    /// categories would allocate until the process aborts, and could not be read anyway.
    private func checkHeatSize(rows: Int, columns: Int, rowName: String, columnName: String) throws(Diagnostic) {
        guard rows > Self.heatRowLimit || columns > Self.heatColumnLimit else { return }
        throw Diagnostic(chart.keyword.position, "chart heat would draw \(rows) rows (\(rowName)) × \(columns) columns (\(columnName)); it draws at most \(Self.heatRowLimit) rows and \(Self.heatColumnLimit) columns; make groups first, or filter with where")
    }

    /// Counts of `segments` per category of `by` (one row of everything without `by`).
    func crossRows(_ segments: ChartCategories, by: Token?) throws(Diagnostic) -> [ChartModel.Row] {
        guard let by else {
            return [ChartModel.Row(label: Localized(en: "all", fi: "kaikki"), values: try polledCounts { w, poll in w.counts(segments, poll: poll) })]
        }
        let groups = try categories(by, allLevels: false)
        return zip(groups.labels, try polledCounts { w, poll in w.counts(groups, by: segments, poll: poll) }).map { ChartModel.Row(label: $0, values: $1) }
    }
}
