import ArvioData

/// Analysis on a table of counts: an executor that counts the combinations of some columns
/// elsewhere (a database's `GROUP BY`) hands the counts to the verb instead of the rows, and the
/// verb computes the same table and statistics from them.
extension PlanNode {
    /// The columns whose combinations' counts are all this operator needs when its input's
    /// rows are its units (a key of at most one column): those a `crosstab` without a weight
    /// names. Nil for every other operator.
    public var countedColumns: [String]? {
        guard case .crosstab(let crosstab) = operation, crosstab.weight == nil else { return nil }
        return [crosstab.rows.text, crosstab.columns.text]
    }

    /// Runs the operator on `counts`: one row per combination of `countedColumns` (missing
    /// ones included), with how many rows had it in the integer column `countColumn`. The
    /// counts act as frequency weights, so the result is the one the rows give, without the
    /// note that a weight was used.
    public func runOnCounts(_ counts: PlanResult, countColumn: String,
                            in context: EvaluationContext) throws(Diagnostic) -> PlanResult {
        guard case .crosstab(var crosstab) = operation, crosstab.weight == nil else {
            throw Diagnostic(position, "\(verb) cannot run on a table of counts")
        }
        crosstab.weight = Token(.quotedIdentifier, countColumn, keyword.position)
        let frame = try crosstab.apply(to: Frame(table: counts.table, origin: counts.origin), in: context, keyword: keyword)
        var table = frame.materialized()
        let weighted = "counts are cases weighted by \(countColumn)"
        table.notes.removeAll { $0.en.hasPrefix(weighted) }
        return PlanResult(table: table, origin: frame.origin)
    }
}
