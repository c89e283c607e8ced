import ArvioData
import ArvioStats

/// What an executor that aggregates elsewhere (a database) computes for `describe` of columns
/// of numbers: per group and variable the rows, the values, their mean, sd, min and max, and
/// the three quantiles of the describe's type, instead of the rows.
public struct DescribeMomentsRequest: Sendable {
    /// The described columns, in order.
    public let variables: [String]
    /// The `by` columns.
    public let groups: [String]
    /// 6 or 7: the quantiles' Hyndman–Fan type.
    public let quantileType: Int
}

/// One group's summary of one variable, as the database computed it (nil: no value).
public struct DescribeMoments: Sendable {
    /// The group's values of the `by` columns as text, missing nil.
    public var group: [String?]
    /// The variable's index in the request.
    public var variable: Int
    /// The group's rows and the variable's values among them.
    public var rows: Int
    public var n: Int
    /// Mean, sd, min, q1, median, q3, max.
    public var statistics: [Double?]

    /// Creates a summary.
    public init(group: [String?], variable: Int, rows: Int, n: Int, statistics: [Double?]) {
        self.group = group
        self.variable = variable
        self.rows = rows
        self.n = n
        self.statistics = statistics
    }
}

extension DescribeRow {
    /// The row the database's summary gives.
    init(moments: DescribeMoments) {
        n = moments.n
        missing = moments.rows - moments.n
        let s = moments.statistics.map { $0 ?? Missing.decimal }
        guard s.count == 7, n > 0 else { return }
        (mean, sd, min, q1, median, q3, max) = (s[0], s[1], s[2], s[3], s[4], s[5], s[6])
    }
}

extension PlanNode {
    /// The aggregates a database must compute for this `describe` on `input`, or nil when it
    /// needs the rows or counts: another verb, a weight, an ordinal column (its median
    /// category and top-two share come from counts), or repeated answers (a key of several
    /// columns), which the unit rule may reduce.
    public func describeMomentsRequest(input schema: PlanSchema) -> DescribeMomentsRequest? {
        guard case .describe(let describe) = operation, describe.weight == nil, schema.key.count <= 1 else { return nil }
        let variables = describe.variables.map(\.text)
        for name in variables {
            guard let column = schema.table.column(named: name), column.type == .integer || column.type == .decimal else { return nil }
        }
        for name in describe.groups.map(\.text) {
            guard let column = schema.table.column(named: name), column.type != .text, column.type != .decimal else { return nil }
        }
        guard Set(variables).count == variables.count else { return nil }
        return DescribeMomentsRequest(variables: variables, groups: describe.groups.map(\.text), quantileType: describe.quantileType)
    }

    /// Runs this `describe` on `summaries`, what the database computed for `request` on the
    /// rows of `schema`: the table and notes the rows give.
    public func runOnDescribeMoments(_ summaries: [DescribeMoments], request: DescribeMomentsRequest, schema: PlanSchema,
                                     in context: EvaluationContext) throws(Diagnostic) -> PlanResult {
        guard case .describe(let describe) = operation else { throw Diagnostic(position, "\(verb) cannot run on moments") }
        let groupColumns = request.groups.compactMap { schema.table.column(named: $0) }
        var seen = Set<[String?]>()
        let groups = RemoteGroups.sorted(summaries.map(\.group).filter { seen.insert($0).inserted }, columns: groupColumns)
        var index: [[String?]: Int] = [:]
        for (g, values) in groups.enumerated() { index[values] = g }
        let keyColumns = RemoteGroups.keyColumns(groups, columns: groupColumns)
        var byCell: [Int: DescribeMoments] = [:]
        let count = request.variables.count
        for summary in summaries {
            guard let g = index[summary.group] else { continue }
            byCell[g * count + summary.variable] = summary
        }
        var rows: [DescribeRow] = []
        var groupOfRow: [Int] = []
        var variableOfRow: [UInt32] = []
        for g in 0..<max(groups.count, request.groups.isEmpty ? 1 : 0) {
            for v in 0..<count {
                let summary = byCell[g * count + v] ?? DescribeMoments(group: [], variable: v, rows: 0, n: 0, statistics: [])
                rows.append(DescribeRow(moments: summary))
                groupOfRow.append(g)
                variableOfRow.append(UInt32(v + 1))
            }
        }
        var columns = keyColumns.map { Column(name: $0.name, data: $0.data.gathering(groupOfRow), label: $0.label) }
        if count > 1 {
            let levels = request.variables.map { Level(value: $0) }
            columns.append(Headings.headed(Column(name: "variable", data: .categorical(
                CategoricalData(codes: Codes(variableOfRow, levelCount: levels.count), levels: levels), ordered: false))))
        }
        columns += DescribeRow.columns(rows, ordinal: false)
        var table = Table(name: schema.table.name, columns: columns, rowCount: rows.count,
                          key: request.groups + (count > 1 ? ["variable"] : []))
        table.notes = [Describe.quantileNote(describe.quantileType)]
        // Each group counted once: the rows of the first variable's summaries.
        let total = summaries.filter { $0.variable == 0 }.reduce(0) { $0 + $1.rows }
        let key = schema.key
        table.unit = AnalysisUnitSummary(name: key.isEmpty ? "row" : key.joined(separator: " × "), count: total, tableRows: total)
        return PlanResult(table: table, origin: nil)
    }
}

/// The groups of an analysis computed elsewhere, in the order `Grouping` gives them: a
/// category's level order or ascending numbers, missing last.
enum RemoteGroups {
    /// `groups` (the columns' values as text) sorted.
    static func sorted(_ groups: [[String?]], columns: [Column]) -> [[String?]] {
        func rank(_ column: Column, _ text: String?) -> (Int, Double) {
            guard let text else { return (1, 0) }
            if case .categorical(let c, _) = column.data {
                return (0, Double(c.levels.firstIndex { $0.value == text } ?? Int.max))
            }
            return (0, Double(text) ?? 0)
        }
        return groups.sorted { a, b in
            for (j, column) in columns.enumerated() {
                let x = rank(column, a[j]), y = rank(column, b[j])
                if x != y { return x < y }
            }
            return false
        }
    }

    /// The columns with one value per group, labels and levels kept.
    static func keyColumns(_ groups: [[String?]], columns: [Column]) -> [Column] {
        columns.enumerated().map { j, column in
            var built = column
            switch column.data {
            case .categorical(var c, let ordered):
                let codes = groups.map { values in
                    UInt32(values[j].flatMap { v in c.levels.firstIndex { $0.value == v } }.map { $0 + 1 } ?? 0)
                }
                c.codes = Codes(codes, levelCount: c.levels.count)
                built.data = .categorical(c, ordered: ordered)
            default:
                built.data = .integer(groups.map { $0[j].flatMap { Int64($0) } ?? Missing.integer })
            }
            return built
        }
    }
}
