import ArvioData
import ArvioStats

/// `describe x, y [by g] [quartiles 6]`: n, missing, mean, sd, min, quartiles, median and max of
/// each numeric or ordinal column, per group; for ordinal columns also the median category and
/// the share in the top two categories. Quartiles are Hyndman–Fan type 7 unless told otherwise.
public struct Describe: Verb {
    static let name = "describe"
    public var variables: [Token]
    public var groups: [Token]
    public var quantileType: Int
    /// `rows`: every row is described, even when the table's rows repeat a coarser unit.
    public var rowLevel = false
    /// `weight n`: frequency weights, each row counting as n cases.
    public var weight: Token?

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Describe {
        let variables = try parser.names(expected: "a column after \"describe\", as in describe grade by org")
        var groups: [Token] = []
        if parser.match(word: "by") {
            groups = try parser.names(expected: "a column to group by after \"by\"")
        }
        var type = 7
        if parser.match(word: "quartiles") {
            let token = parser.current
            guard token.kind == .number, token.text == "6" || token.text == "7" else {
                throw parser.expected("6 or 7 after \"quartiles\" (Hyndman–Fan type 7 as R, or type 6 as SPSS)")
            }
            parser.advance()
            type = token.text == "6" ? 6 : 7
        }
        var weight: Token?
        if parser.match(word: "weight") {
            weight = try parser.name(expected: "a count column after \"weight\", as in describe \(variables[0].text) weight n")
        }
        let rowLevel = parser.match(word: "rows")
        if !parser.atStepEnd {
            throw parser.expected(groups.isEmpty ? "\",\", \"by\", \"quartiles\", \"weight\", \"rows\" or the end of the step"
                                                 : "\",\", \"quartiles\", \"weight\", \"rows\" or the end of the step")
        }
        return Describe(variables: variables, groups: groups, quantileType: type, rowLevel: rowLevel, weight: weight)
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        if let schema = input.schema {
            // The checks `apply` makes before it reads a row, in its order, on the schema.
            let frame = schema.frame
            for token in variables { _ = try DescribedVariable(frame: frame, token: token, context: input.context) }
            try Self.checkListedOnce(variables)
            if !groups.isEmpty { _ = try Grouping.make(frame: frame, keys: groups, context: input.context) }
            if let weight { _ = try FrequencyWeight.read(frame: frame, token: weight, context: input.context) }
        }
        return input.analysisNode(.describe(self), verb: self, reads: input.analysisReads(variables + groups + (weight.map { [$0] } ?? [])))
    }

    private static func checkListedOnce(_ variables: [Token]) throws(Diagnostic) {
        for (index, token) in variables.enumerated() where variables[..<index].contains(where: { $0.text == token.text }) {
            throw Diagnostic(token.position, "\"\(token.text)\" is listed twice")
        }
    }

    func apply(to given: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        var (frame, unitNote, unit) = try AnalysisUnit.resolve(given, analysing: (variables + groups + (weight.map { [$0] } ?? [])).map(\.text),
                                                               rowLevel: rowLevel, hasTests: false, context: context, at: keyword.position)
        var weightNote: Localized?
        if let weight { (frame, weightNote) = try FrequencyWeight.expand(frame, token: weight, context: context) }
        let described = try variables.map { token throws(Diagnostic) in try DescribedVariable(frame: frame, token: token, context: context) }
        try Self.checkListedOnce(variables)
        let grouping = groups.isEmpty ? Grouping.single(rowCount: frame.rowCount)
            : try Grouping.make(frame: frame, keys: groups, context: context)
        try context.checkCancelled(at: keyword.position)
        let members = try grouping.rowsByGroup(context: context, at: keyword.position)
        let method: Quantile.Method = quantileType == 6 ? .type6 : .type7
        let anyOrdinal = described.contains { $0.levels != nil }

        var summaries: [DescribeRow] = []
        var groupOfRow: [Int] = []
        var variableOfRow: [UInt32] = []
        for group in 0..<grouping.groupCount {
            for (v, variable) in described.enumerated() {
                do {
                    summaries.append(try DescribeRow(variable, rows: members[group], method: method, isCancelled: context.isCancelled))
                } catch {
                    // Only a cancellation is thrown.
                    throw Diagnostic(keyword.position, "stopped: the statement was cancelled", isCancellation: true)
                }
                groupOfRow.append(group)
                variableOfRow.append(UInt32(v + 1))
            }
        }
        var columns = grouping.keyColumns.map { Column(name: $0.name, data: $0.data.gathering(groupOfRow), label: $0.label) }
        if described.count > 1 {
            let levels = described.map { Level(value: $0.name) }
            columns.append(Headings.headed(Column(name: "variable", data: .categorical(
                CategoricalData(codes: Codes(variableOfRow, levelCount: levels.count), levels: levels), ordered: false))))
        }
        columns += DescribeRow.columns(summaries, ordinal: anyOrdinal)
        let table = Table(name: frame.table.name, columns: columns, rowCount: summaries.count,
                          key: groups.map(\.text) + (described.count > 1 ? ["variable"] : []))
        var next = Frame(table: table, origin: nil)
        next.notes = frame.notes + (unitNote.map { [$0] } ?? []) + (weightNote.map { [$0] } ?? [])
        next.table.unit = AnalysisUnit.summary(of: given, analysed: frame, unit: unit)
        next.notes.append(Self.quantileNote(quantileType))
        if anyOrdinal {
            next.notes.append(Localized(
                en: "ordinal columns use the numbers of their scale points; median_category is the lowest category with at least half of the answers at or below it, top2_pct the percentage of answers in the two highest categories",
                fi: "järjestysasteikolliset sarakkeet käyttävät asteikon pisteiden lukuja; mediaaniluokka (median_category) on alin luokka, jossa tai jonka alapuolella on vähintään puolet vastauksista, 2 ylintä % (top2_pct) kahden ylimmän luokan osuus vastauksista prosentteina"))
        }
        return next
    }
}

extension Describe {
    /// The note naming the quantiles' definition, for the in-memory describe and the database's
    /// aggregates (`DescribeMoments`) alike.
    static func quantileNote(_ quantileType: Int) -> Localized {
        quantileType == 6
            ? Localized(en: "q1, median and q3 are quantiles of type 6 (Hyndman–Fan; SPSS, PSPP EXAMINE)",
                        fi: "q1, mediaani ja q3 ovat tyypin 6 kvantiileja (Hyndman–Fan; SPSS, PSPP EXAMINE)")
            : Localized(en: "q1, median and q3 are quantiles of type 7 (Hyndman–Fan; the default of R and NumPy)",
                        fi: "q1, mediaani ja q3 ovat tyypin 7 kvantiileja (Hyndman–Fan; R:n ja NumPyn oletus)")
    }
}
