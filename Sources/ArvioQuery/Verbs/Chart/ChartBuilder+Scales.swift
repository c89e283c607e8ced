import ArvioData

/// Charts of scales and numbers: the diverging Likert bar, the histogram and the pre/post
/// dumbbell.
extension ChartBuilder {
    /// `chart likert V [by G] [per H]`: counts of each scale point of V, a row per category of
    /// G (grouped by H), the neutral point centred when the scale has an odd number of points.
    func likert() throws(Diagnostic) -> (ChartModel, Table) {
        let token = chart.columns[0]
        let column = try self.column(token)
        guard column.type == .ordinal else {
            let hint = column.type.isNumeric ? "; try chart hist \(token.text)" : "; try chart stacked \(token.text)"
            throw typeError(token, column, needs: "an ordinal scale (such as score)", hint: hint)
        }
        let scale = ChartCategories(column, frame: frame, allLevels: true, missingShown: false)
        let weights = try self.weights()
        var rows: [ChartModel.Row] = []
        let groups = try chart.per.map { token throws(Diagnostic) in try categories(token, allLevels: false) }
        let lines = try chart.by.map { token throws(Diagnostic) in try categories(token, allLevels: false) }
        for g in 0..<(groups?.count ?? 1) {
            for l in 0..<(lines?.count ?? 1) {
                var counts = [Double](repeating: 0, count: scale.count)
                var any = false
                for row in 0..<frame.rowCount where groups?.index[row] ?? 0 == g && lines?.index[row] ?? 0 == l {
                    any = true
                    if let k = scale.index[row] { counts[k] += weights.weights[row] }
                }
                guard any || (groups == nil && lines == nil) else { continue }
                let label = lines?.labels[l] ?? groups?.labels[g] ?? Localized(en: "all", fi: "kaikki")
                rows.append(ChartModel.Row(label: label, values: counts,
                                           group: lines != nil ? groups?.labels[g] : nil))
            }
        }
        var model = ChartModel.likert(title: title(token), categories: scale.labels,
                                      neutral: scale.count % 2 == 1 ? scale.count / 2 : nil, rows: rows,
                                      sortByHigh: chart.options.sorted)
        model.notes = missingNote(weights.missing(scale), of: token)
        let table = ChartTable.make(model, name: frame.table.name, labelName: chart.by?.text ?? chart.per?.text ?? "rows",
                                    groupName: chart.by != nil ? chart.per?.text : nil,
                                    seriesNames: scale.labels, withN: true)
        return (model, table)
    }

    /// `chart hist V [binwidth W]`: the numbers of V in round, left-closed bins.
    func histogram() throws(Diagnostic) -> (ChartModel, Table) {
        let token = chart.columns[0]
        let column = try self.column(token)
        guard column.type.isNumeric else {
            let hint = column.type.isCoded ? "; try chart bar \(token.text)" : ""
            throw typeError(token, column, needs: "numbers", hint: hint)
        }
        let data = frame.data(of: column)
        let weights = try self.weights().weights
        let total = weights.reduce(0, +)
        guard total <= 100_000_000 else {
            throw Diagnostic(chart.keyword.position, "the counts in n add up to \(NumberFormat.full(total)) values, more than a histogram here can hold (100000000); draw it from the rows themselves")
        }
        var samples: [Double] = []
        var missing = 0
        for row in 0..<frame.rowCount {
            let times = max(0, Int(weights[row]))
            guard let value = data.number(at: row) else { missing += times; continue }
            samples += [Double](repeating: value, count: times)
        }
        if let width = chart.options.binWidth, let low = samples.min(), let high = samples.max(),
           !((high - low) / width <= 10_000) {
            throw Diagnostic(chart.keyword.position, "binwidth \(NumberFormat.full(width)) gives more than 10000 bins for values from \(NumberFormat.full(low)) to \(NumberFormat.full(high)); use a width of at least \(NumberFormat.full((high - low) / 10_000))")
        }
        var model = ChartModel.histogram(title: title(token), samples: samples, discrete: column.type == .integer,
                                         binWidth: chart.options.binWidth, axisLabel: axisLabel(.count))
        model.notes = missingNote(missing, of: token)
        let table = Table(name: frame.table.name, columns: [Column(name: token.text, data: .decimal(samples))])
        return (model, table)
    }

    /// `chart dumbbell V by PHASE per R`: the mean of V at the two phases for each category of
    /// R. `chart dumbbell A, B per R` (or bare `per R`, finding columns named pre and post)
    /// reads a table that already has the two values side by side.
    func dumbbell() throws(Diagnostic) -> (ChartModel, Table) {
        guard let per = chart.per else { return try wideDumbbell(per: chart.keyword) }
        guard let phase = chart.by, let token = chart.columns.first else { return try wideDumbbell(per: per) }
        let column = try self.column(token)
        let range = try scaleRange(token, column)
        var phases = try categories(phase, allLevels: true, missingShown: false)
        if phases.count != 2 { phases = try categories(phase, allLevels: false, missingShown: false) }
        guard phases.count == 2 else {
            throw Diagnostic(phase.position, "chart dumbbell needs two phases, but \"\(phase.text)\" has \(phases.count) values here; keep two with where")
        }
        let rows = try categories(per, allLevels: false)
        let data = frame.data(of: column)
        let weights = try self.weights().weights
        // Weighted rows are counts of cases, not people who can be paired.
        if weights.allSatisfy({ $0 == 1 }),
           let paired = pairedDumbbellMeans(value: column, phase: phase, phases: phases, rows: rows) {
            var model = ChartModel.dumbbell(
                title: title(token), phases: phases.labels,
                rows: rows.labels.indices.map { r in
                    ChartModel.Row(label: rows.labels[r],
                                   values: (0..<2).map { paired.n[r] > 0 ? paired.sums[r][$0] / Double(paired.n[r]) : .nan },
                                   n: paired.n[r])
                },
                valueRange: range, axisLabel: Localized(token.text))
            model.notes = [paired.note]
            let table = ChartTable.make(model, name: frame.table.name, labelName: per.text, groupName: nil,
                                        seriesNames: phases.labels, withN: true)
            return (model, table)
        }
        var sums = [[Double]](repeating: [0, 0], count: rows.count)
        var counts = sums
        for row in 0..<frame.rowCount {
            guard let r = rows.index[row], let p = phases.index[row], let value = data.number(at: row) else { continue }
            sums[r][p] += value * weights[row]
            counts[r][p] += weights[row]
        }
        let model = ChartModel.dumbbell(
            title: title(token), phases: phases.labels,
            rows: rows.labels.indices.map { r in
                ChartModel.Row(label: rows.labels[r], values: (0..<2).map { counts[r][$0] > 0 ? sums[r][$0] / counts[r][$0] : .nan })
            },
            valueRange: range, axisLabel: Localized(token.text))
        return finishDumbbell(model, labelName: per.text,
                              seriesNames: phases.labels)
    }

    /// A dumbbell from two numeric columns, one row of the table per dumbbell.
    private func wideDumbbell(per: Token) throws(Diagnostic) -> (ChartModel, Table) {
        let pair: [Token]
        if chart.columns.count == 2 {
            pair = chart.columns
        } else {
            let names = frame.table.columnNames
            let known = [("pre", "post"), ("alku", "loppu"), ("start", "end"), ("before", "after")]
            guard let found = known.first(where: { names.contains($0.0) && names.contains($0.1) }) else {
                throw Diagnostic(per.position, "chart dumbbell found no columns named pre and post; name the two columns (chart dumbbell pre, post per \(per.text)) or write chart dumbbell score by phase per \(per.text)")
            }
            pair = [found.0, found.1].map { Token(.identifier, $0, per.position) }
        }
        var columns: [Column] = []
        for token in pair {
            let column = try self.column(token)
            guard column.type.isNumeric || column.type == .ordinal else {
                throw typeError(token, column, needs: "numbers or a scale", hint: "")
            }
            columns.append(column)
        }
        let labels = ChartCategories(try column(per), frame: frame, allLevels: false, missingShown: true)
        let data = columns.map { frame.data(of: $0) }
        let rows = (0..<frame.rowCount).map { row in
            ChartModel.Row(label: labels.labels[labels.index[row] ?? 0], values: data.map { $0.number(at: row) ?? .nan })
        }
        let model = ChartModel.dumbbell(title: nil, phases: pair.map { Localized($0.text) }, rows: rows,
                                        valueRange: try scaleRange(pair[0], columns[0]))
        return finishDumbbell(model, labelName: per.text, seriesNames: pair.map { Localized($0.text) })
    }

    private func finishDumbbell(_ model: ChartModel, labelName: String, seriesNames: [Localized]) -> (ChartModel, Table) {
        var model = model
        let partial = model.rows.filter { $0.values.filter(\.isFinite).count == 1 }.count
        if partial > 0 {
            let names = model.series.map { $0 }
            model.notes = [Localized(
                en: "\(partial) of \(model.rows.count) have a value for only one of \(names[0].en) and \(names[1].en)",
                fi: "\(partial)/\(model.rows.count): arvo vain toiselta ajankohdalta (\(names[0].fi), \(names[1].fi))")]
        }
        let table = ChartTable.make(model, name: frame.table.name, labelName: labelName, groupName: nil,
                                    seriesNames: seriesNames, withN: false)
        return (model, table)
    }

    /// The ends of an ordinal scale's numbers (1...5), so dumbbells of scores share the scale's axis.
    private func scaleRange(_ token: Token, _ column: Column) throws(Diagnostic) -> ClosedRange<Double>? {
        switch column.data {
        case .categorical(let c, true):
            let numbers = c.levels.compactMap(\.number)
            guard let low = numbers.min(), let high = numbers.max(), low < high else { return nil }
            return low...high
        case .categorical:
            throw typeError(token, column, needs: "numbers or a scale", hint: "; try chart stacked \(token.text)")
        case .text:
            throw typeError(token, column, needs: "numbers or a scale", hint: "")
        default:
            return nil
        }
    }
}
