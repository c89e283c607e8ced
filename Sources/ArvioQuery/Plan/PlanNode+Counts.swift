import ArvioData

/// Analysis on a table of counts: an executor that counts the combinations of some columns
/// elsewhere (a database's `GROUP BY`) hands the counts to the verb instead of the rows, and the
/// verb computes the same table and statistics from them, with the same code.
extension PlanNode {
    /// The columns whose combinations' counts are all this operator needs when its input's
    /// rows are its units (a key of at most one column), given the columns its input has
    /// (`available`): those `crosstab` (without a weight or `paired`), `freq` (without a weight), `describe` and
    /// `chart` name, and for a chart the `n` it counts rows by. Nil for an operator that needs
    /// the rows themselves: one that pairs rows through the key (`delta`, `attrition`,
    /// `crosstab … paired`, a dumbbell), reads every column (`associate`, `chart heat` of a
    /// whole table), or depends on the rows' order (a seeded permutation test, a histogram's
    /// table of values).
    public func countedColumns(among available: [String]) -> [String]? {
        var names: [String]
        switch operation {
        case .crosstab(let crosstab):
            guard crosstab.weight == nil, !crosstab.paired else { return nil }
            names = [crosstab.rows.text, crosstab.columns.text]
        case .freq(let freq):
            guard freq.weight == nil else { return nil }
            names = [freq.column.text]
        case .describe(let describe):
            names = (describe.groups + describe.variables).map(\.text)
        case .chart(let chart):
            // A histogram's table lists the values in row order, which counts do not keep.
            guard chart.kind != .dumbbell, chart.kind != .hist, !chart.columns.isEmpty else { return nil }
            names = (chart.columns + [chart.by, chart.per].compactMap { $0 }).map(\.text)
            // A chart counts each row `n` times when the table has an `n` it does not chart.
            if available.contains("n"), !names.contains("n") {
                names.append("n")
            }
        default:
            return nil
        }
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        guard unique.allSatisfy(available.contains) else { return nil }
        return unique
    }

    /// Runs the operator on `counts`: one row per combination of `countedColumns` (missing
    /// ones included), with how many rows had it in the integer column `countColumn`. The
    /// result is the one the rows give: `crosstab` takes the counts as frequency weights
    /// (without the note that a weight was used); the other verbs read each combination as
    /// many times as it was counted, through the selection vector, so no column is copied
    /// until a verb reads it. `key` is the key the rows had (at most one column), which names
    /// the unit of the result.
    public func runOnCounts(_ counts: PlanResult, countColumn: String, key: [String],
                            in context: EvaluationContext) throws(Diagnostic) -> PlanResult {
        guard let counted = countedColumns(among: counts.table.columnNames),
              let countIndex = counts.table.columnIndex(named: countColumn) else {
            throw Diagnostic(position, "\(verb) cannot run on a table of counts")
        }
        guard case .integer(let n) = counts.table.columns[countIndex].data else {
            throw Diagnostic(position, "the counts for \(verb) are not whole numbers")
        }
        let total = n.reduce(0) { $0 + Int(max(0, $1)) }
        var table: Table
        var origin: String?
        if case .crosstab(var crosstab) = operation {
            crosstab.weight = Token(.quotedIdentifier, countColumn, keyword.position)
            let frame = try crosstab.apply(to: Frame(table: counts.table, origin: counts.origin), in: context, keyword: keyword)
            table = frame.materialized()
            origin = frame.origin
            let weighted = "counts are cases weighted by \(countColumn)"
            table.notes.removeAll { $0.en.hasPrefix(weighted) }
        } else {
            var rows: [Int] = []
            rows.reserveCapacity(total)
            for (row, count) in n.enumerated() where count > 0 {
                try context.checkCancelled(at: position)
                rows.append(contentsOf: repeatElement(row, count: Int(count)))
            }
            var input = counts.table
            input.columns = input.columns.filter { counted.contains($0.name) }
            input.key = []
            let frame = try verbValue.apply(to: Frame(table: input, rows: rows, origin: counts.origin), in: context,
                                            keyword: keyword)
            table = frame.materialized()
            origin = frame.origin
        }
        // The notes of the steps before (an aggregate's skipped values) stay first, as in memory.
        table.notes = counts.table.notes.filter { !table.notes.contains($0) } + table.notes
        if table.unit != nil {
            table.unit = AnalysisUnitSummary(name: key.isEmpty ? "row" : key.joined(separator: " × "),
                                             count: total, tableRows: total)
        }
        return PlanResult(table: table, origin: origin)
    }
}
