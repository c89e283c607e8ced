import ArvioData
import ArvioStats

/// `freq x`: the frequency table of one column: each category (scale order for ordinal
/// columns, every category of the codebook even when nobody chose it), then missing in a row of
/// its own, then the total; with percent of all rows, valid percent and cumulative percent.
public struct Freq: Verb {
    static let name = "freq"
    /// The most distinct values a number or text column may have to be tabulated.
    static let valueLimit = 200
    public var column: Token
    /// `rows`: every row is counted, even when the table's rows repeat a coarser unit.
    public var rowLevel = false
    /// `ci`: Wilson 95% intervals for the valid percentages (gtsummary's default).
    public var intervals = false
    /// `weight n`: frequency weights, each row counting as n cases.
    public var weight: Token?

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Freq {
        let column = try parser.name(expected: "a column after \"freq\", as in freq org")
        var result = Freq(column: column)
        // `weight n`, `rows` and `ci` in any order.
        for _ in 0..<3 {
            if parser.match(word: "weight") {
                result.weight = try parser.name(expected: "a count column after \"weight\", as in freq \(column.text) weight n")
            }
            if parser.match(word: "rows") { result.rowLevel = true }
            if parser.match(word: "ci") { result.intervals = true }
        }
        if !parser.atStepEnd { throw parser.expected("\"ci\", \"rows\", \"weight\" and a count column, or the end of the step") }
        return result
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        let named = [column] + (weight.map { [$0] } ?? [])
        try input.requireColumns(named)
        if let weight, let schema = input.schema {
            _ = try FrequencyWeight.read(frame: schema.frame, token: weight, context: input.context)
        }
        return input.analysisNode(.freq(self), verb: self, reads: input.analysisReads(named))
    }

    func apply(to given: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        var (frame, unitNote, unit) = try AnalysisUnit.resolve(given, analysing: [column.text] + (weight.map { [$0.text] } ?? []),
                                                               rowLevel: rowLevel, hasTests: false, context: context, at: keyword.position)
        var weightNote: Localized?
        if let weight { (frame, weightNote) = try FrequencyWeight.expand(frame, token: weight, context: context) }
        let axis = try CrosstabAxis.make(frame: frame, token: column, context: context, limit: Self.valueLimit, verb: "freq")
        let counts = try axis.counts(in: context, at: column.position)
        let all = axis.ids.count
        let missing = counts[axis.levels.count]
        let valid = all - missing
        let categories = axis.levels.indices.filter { axis.coded || counts[$0] > 0 }
        let missingLevel = Level(value: "missing", label: Localized(en: "missing", fi: "puuttuu"))
        let totalLevel = Level(value: "total", label: Localized(en: "Total", fi: "Yhteensä"))
        // Missing values a file or `.missing` gave a reason for are counted on rows of their own.
        let reasons = MissingReasonRows(frame: frame, column: axis.name, missing: missing)
        let levels = categories.map { axis.levels[$0] } + reasons.levels + [reasons.otherLevel ?? missingLevel, totalLevel]

        var n: [Int64] = [], percent: [Double] = [], validPercent: [Double] = [], cumulative: [Double] = []
        var running = 0
        func share(_ part: Int, of whole: Int) -> Double { whole > 0 ? 100 * Double(part) / Double(whole) : Missing.decimal }
        for i in categories {
            running += counts[i]
            n.append(Int64(counts[i]))
            percent.append(share(counts[i], of: all))
            validPercent.append(share(counts[i], of: valid))
            cumulative.append(share(running, of: valid))
        }
        let missingCounts = reasons.counts + [reasons.other]
        n += missingCounts.map(Int64.init) + [Int64(all)]
        percent += missingCounts.map { share($0, of: all) } + [share(all, of: all)]
        validPercent += missingCounts.map { _ in Missing.decimal } + [share(valid, of: valid)]
        cumulative += missingCounts.map { _ in Missing.decimal } + [Missing.decimal]

        let codes = (1...levels.count).map(UInt32.init)
        let table = Table(name: frame.table.name, columns: [
            Column(name: axis.name, data: .categorical(CategoricalData(codes: Codes(codes, levelCount: levels.count),
                                                                       levels: levels), ordered: axis.ordered)),
            Headings.headed(Column(name: "n", data: .integer(n))),
            Headings.headed(Column(name: "percent", data: .decimal(percent), format: .percent)),
            Headings.headed(Column(name: "valid_percent", data: .decimal(validPercent), format: .percent)),
            Headings.headed(Column(name: "cumulative_percent", data: .decimal(cumulative), format: .percent)),
        ], key: [axis.name])
        var next = Frame(table: table, origin: nil)
        next.notes = frame.notes + (unitNote.map { [$0] } ?? []) + (weightNote.map { [$0] } ?? [])
        next.table.unit = AnalysisUnit.summary(of: given, analysed: frame, unit: unit)
        if intervals {
            // One interval per category, of its share of the valid answers; none for the
            // missing rows (not a share of the valid) and the total (100% by definition).
            var low: [Double] = [], high: [Double] = []
            for i in categories {
                let interval = try? WilsonInterval(successes: counts[i], trials: valid)
                low.append(interval.map { 100 * $0.lower } ?? Missing.decimal)
                high.append(interval.map { 100 * $0.upper } ?? Missing.decimal)
            }
            let rest = [Double](repeating: Missing.decimal, count: missingCounts.count + 1)
            next.table.columns.insert(contentsOf: [
                Headings.headed(Column(name: "ci_low", data: .decimal(low + rest), format: .percent)),
                Headings.headed(Column(name: "ci_high", data: .decimal(high + rest), format: .percent)),
            ], at: 4)
            next.notes.append(Localized(
                en: "ci_low, ci_high: Wilson 95% score interval of valid_percent (n = \(valid) with a value), as R prop.test(correct = FALSE) and gtsummary.",
                fi: "alaraja, yläraja (ci_low, ci_high): osuuden ”% vastanneista” Wilsonin 95 %:n luottamusvälin rajat (n = \(valid), joilla on arvo), kuten R:n prop.test(correct = FALSE) ja gtsummary."))
        }
        return next
    }
}
