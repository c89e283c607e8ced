import ArvioData

/// Analysis on a table of counts: an executor that counts the combinations of some columns
/// elsewhere (a database's `GROUP BY`) hands the counts to the verb instead of the rows, and the
/// verb computes the same table and statistics from them, with the same code.
extension PlanNode {
    /// The columns whose combinations' counts are all this operator needs when its input's
    /// rows are its units (a key of at most one column; on repeated answers, with the unit
    /// rule decided elsewhere: `repeatedAnswersRequest`), given the columns its input has
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
            // A weight is one more counted column: each combination then stands for its rows
            // with their weight (`freq` and `crosstab` take the count as their weight, so a
            // weighted one reads the rows).
            names = (describe.groups + describe.variables + [describe.weight].compactMap { $0 }).map(\.text)
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
    ///
    /// On repeated answers, `units` is what the executor found out for `repeatedAnswersRequest`
    /// (the counts being over units when no analysed column varies within one and `rows` was
    /// not asked for, else over rows), and the result gets the unit note and summary that
    /// `AnalysisUnit.resolve` gives the rows.
    public func runOnCounts(_ counts: PlanResult, countColumn: String, key: [String],
                            units: (request: RepeatedAnswersRequest, facts: RepeatedAnswersFacts)? = nil,
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
        if let (request, facts) = units {
            // As in memory, the unit note comes right after the notes of the steps before.
            if let note = request.note(facts) {
                table.notes.insert(note, at: table.notes.prefix { counts.table.notes.contains($0) }.count)
            }
            if table.unit != nil { table.unit = request.summary(facts) }
        } else if table.unit != nil {
            table.unit = AnalysisUnitSummary(name: key.isEmpty ? "row" : key.joined(separator: " × "),
                                             count: total, tableRows: total)
        }
        return PlanResult(table: table, origin: origin)
    }
}

/// What an executor that counts elsewhere must find out to apply the unit rule
/// (`AnalysisUnit.resolve`) to `crosstab`, `freq` or `describe` of repeated answers (a key of
/// several columns): whether each analysed column is constant within every unit of `unit`.
public struct RepeatedAnswersRequest: Sendable {
    /// The unit column ("participant"), as `AnalysisUnit.find` chooses it.
    public let unit: String
    /// The columns the rule looks at, in the verb's order (a name may repeat).
    public let analysed: [String]
    /// Whether the user asked for every row (`rows`), so the counts are over rows anyway.
    public let rowLevel: Bool
    let plural: Localized
    let key: [String]
    let hasTests: Bool
    let pairedForm: Bool

    /// The note `AnalysisUnit.resolve` writes for these facts, if any.
    func note(_ facts: RepeatedAnswersFacts) -> Localized? {
        guard facts.units < facts.rows else { return nil }
        let varying = analysed.filter(facts.varying.contains)
        return AnalysisUnit.note(column: unit, plural: plural, rows: facts.rows, units: facts.units,
                                 perUnit: AnalysisUnit.perUnit(low: facts.smallestUnit, high: facts.largestUnit),
                                 analysing: analysed, varying: varying, key: key, rowLevel: rowLevel,
                                 hasTests: hasTests, pairedForm: pairedForm)
    }

    /// The unit of the analysis, as `AnalysisUnit.summary` gives it for the rows.
    func summary(_ facts: RepeatedAnswersFacts) -> AnalysisUnitSummary {
        guard facts.units < facts.rows else {
            return AnalysisUnitSummary(name: key.joined(separator: " × "), count: facts.rows, tableRows: facts.rows)
        }
        if facts.reducesToUnits(rowLevel: rowLevel) {
            return AnalysisUnitSummary(name: unit, count: facts.units, tableRows: facts.rows)
        }
        return AnalysisUnitSummary(name: "row", count: facts.rows, tableRows: facts.rows, repeats: unit)
    }
}

/// What the executor found out for a `RepeatedAnswersRequest`.
public struct RepeatedAnswersFacts: Sendable {
    /// The rows analysed and their units (a row with a missing unit being a unit of its own).
    public var rows: Int
    public var units: Int
    /// The fewest and most rows of one unit.
    public var smallestUnit: Int
    public var largestUnit: Int
    /// The analysed columns that vary within some unit.
    public var varying: Set<String>

    /// Creates the facts.
    public init(rows: Int, units: Int, smallestUnit: Int, largestUnit: Int, varying: Set<String>) {
        self.rows = rows
        self.units = units
        self.smallestUnit = smallestUnit
        self.largestUnit = largestUnit
        self.varying = varying
    }

    /// Whether the analysis reads one row per unit: no analysed column varies and `rows` was not asked.
    public func reducesToUnits(rowLevel: Bool) -> Bool { varying.isEmpty && !rowLevel }
}

extension PlanNode {
    /// What the unit rule needs to be decided elsewhere for this `crosstab` (not paired),
    /// `freq` or `describe` without a weight on `input`, when its rows repeat a coarser unit
    /// (a key of several columns); nil otherwise (a chart has no unit rule: it counts rows).
    public func repeatedAnswersRequest(input schema: PlanSchema, workspace: Workspace) -> RepeatedAnswersRequest? {
        guard schema.key.count > 1, let unit = schema.unit, schema.table.column(named: unit) != nil else { return nil }
        let analysed: [String], rowLevel: Bool, hasTests: Bool
        switch operation {
        case .crosstab(let crosstab):
            guard crosstab.weight == nil, !crosstab.paired else { return nil }
            (analysed, rowLevel, hasTests) = ([crosstab.rows.text, crosstab.columns.text], crosstab.rowLevel, true)
        case .freq(let freq):
            guard freq.weight == nil else { return nil }
            (analysed, rowLevel, hasTests) = ([freq.column.text], freq.rowLevel, false)
        case .describe(let describe):
            guard describe.weight == nil else { return nil }
            (analysed, rowLevel, hasTests) = ((describe.variables + describe.groups).map(\.text), describe.rowLevel, false)
        default:
            return nil
        }
        let relation = schema.origin.flatMap { AnalysisUnit.unitRelation(from: $0, on: unit, in: workspace) }
        let plural = relation.map { Localized(en: $0.target, fi: $0.target) }
            ?? Localized(en: "values of \(unit)", fi: "\(unit)-arvoa")
        return RepeatedAnswersRequest(unit: unit, analysed: analysed, rowLevel: rowLevel, plural: plural, key: schema.key,
                                      hasTests: hasTests, pairedForm: hasTests)
    }
}
