import ArvioData
import ArvioStats

/// A column `describe` summarises: its values as numbers (scale points for an ordinal column)
/// and, for an ordinal column, its categories.
struct DescribedVariable {
    /// The column's name.
    var name: String
    /// The value of each frame row as a number; NaN when missing.
    var values: [Double]
    /// The category (0-based) of each frame row, -1 when missing; ordinal columns only.
    var categories: [Int]?
    /// The scale's categories; ordinal columns only.
    var levels: [Level]?

    init(frame: Frame, token: Token, context: EvaluationContext) throws(Diagnostic) {
        let column = try context.column(token.text, in: frame.table, at: token.position)
        let data = frame.data(of: column)
        name = column.name
        switch data {
        case .integer(let v):
            values = v.map { Missing.isMissing($0) ? Missing.decimal : Double($0) }
        case .decimal(let v):
            values = v
        case .categorical(let c, ordered: true):
            let numbers = c.levels.enumerated().map { $1.number ?? Double($0 + 1) }
            let codes = c.codes.widened
            values = codes.map { $0 == 0 ? Missing.decimal : numbers[Int($0) - 1] }
            categories = codes.map { Int($0) - 1 }
            levels = c.levels
        case .categorical, .text:
            throw Diagnostic(token.position,
                             "describe needs numbers or an ordinal scale, but \"\(column.name)\" is \(data.type.rawValue); try freq \(column.name)")
        }
    }
}

/// One row of `describe`: the summary of one variable in one group.
struct DescribeRow {
    var n = 0
    var missing = 0
    var mean = Missing.decimal
    var sd = Missing.decimal
    var min = Missing.decimal
    var q1 = Missing.decimal
    var median = Missing.decimal
    var q3 = Missing.decimal
    var max = Missing.decimal
    var medianCategory: Localized?
    var topTwoPercent = Missing.decimal

    /// Summarises `variable` over the frame rows `rows`.
    init(_ variable: DescribedVariable, rows: [Int], method: Quantile.Method) {
        let present = rows.map { variable.values[$0] }.filter { !$0.isNaN }
        n = present.count
        missing = rows.count - present.count
        if let summary = try? DescriptiveSummary(present) {
            mean = summary.mean
            sd = summary.standardDeviation ?? Missing.decimal
            min = summary.minimum
            max = summary.maximum
            q1 = (try? Quantile.of(present, 0.25, method: method)) ?? Missing.decimal
            median = (try? Quantile.of(present, 0.5, method: method)) ?? Missing.decimal
            q3 = (try? Quantile.of(present, 0.75, method: method)) ?? Missing.decimal
        }
        if let categories = variable.categories, let levels = variable.levels, n > 0 {
            var counts = [Int](repeating: 0, count: levels.count)
            for row in rows where categories[row] >= 0 { counts[categories[row]] += 1 }
            var running = 0
            for (k, count) in counts.enumerated() {
                running += count
                if 2 * running >= n {
                    medianCategory = levels[k].label ?? Localized(levels[k].value)
                    break
                }
            }
            let top = counts.suffix(2).reduce(0, +)
            topTwoPercent = 100 * Double(top) / Double(n)
        }
    }

    /// The columns of `rows`, with the ordinal ones when `ordinal`.
    static func columns(_ rows: [DescribeRow], ordinal: Bool) -> [Column] {
        var columns = [
            Column(name: "n", data: .integer(rows.map { Int64($0.n) })),
            Column(name: "missing", data: .integer(rows.map { Int64($0.missing) })),
        ]
        let numbers: [(String, KeyPath<DescribeRow, Double>)] = [
            ("mean", \.mean), ("sd", \.sd), ("min", \.min), ("q1", \.q1), ("median", \.median), ("q3", \.q3), ("max", \.max),
        ]
        columns += numbers.map { name, path in Column(name: name, data: .decimal(rows.map { $0[keyPath: path] })) }
        if ordinal {
            columns.append(Headings.textColumn("median_category", rows.map(\.medianCategory)))
            columns.append(Column(name: "top2_pct", data: .decimal(rows.map(\.topTwoPercent)), format: .percent))
        }
        return columns.map(Headings.headed)
    }
}
