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
        let data = try frame.data(of: column, context: context, at: token.position)
        name = column.name
        // Each pass writes 10M values of fresh memory at 10M rows: in polled blocks on both cores.
        let poll = CancelPoll(context)
        switch data {
        case .integer(let v):
            values = v.decimals(poll)
        case .decimal(let v):
            values = v
        case .categorical(let c, ordered: true):
            let numbers = [Missing.decimal] + c.levels.enumerated().map { $1.number ?? Double($0 + 1) }
            (values, categories) = c.codes.withBuffer { buffer in
                func read<Code: FixedWidthInteger>(_ codes: UnsafeBufferPointer<Code>) -> ([Double], [Int]) {
                    (poll.array(codes.count) { numbers[Int(codes[$0])] }, poll.array(codes.count) { Int(codes[$0]) - 1 })
                }
                switch buffer {
                case .u8(let b): return read(b)
                case .u16(let b): return read(b)
                case .u32(let b): return read(b)
                }
            }
            levels = c.levels
        case .categorical, .text:
            throw Diagnostic(token.position,
                             "describe needs numbers or an ordinal scale, but \"\(column.name)\" is \(data.type.rawValue); try freq \(column.name)")
        }
        try poll.check(at: token.position)
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

    /// Summarises `variable` over the frame rows `rows`; throws `StatsError.cancelled` once
    /// `isCancelled` is set (looked at every block of every pass, the sort's included).
    init(_ variable: DescribedVariable, rows: [Int], method: Quantile.Method, isCancelled: (@Sendable () -> Bool)?) throws {
        let check = CancelCheck(isCancelled)
        var present: [Double] = []
        present.reserveCapacity(rows.count)
        try check.blocks(rows.count) { range in
            for i in range where !variable.values[rows[i]].isNaN { present.append(variable.values[rows[i]]) }
        }
        n = present.count
        missing = rows.count - present.count
        let summarised: (summary: DescriptiveSummary, sorted: [Double])?
        do {
            summarised = try DescriptiveSummary.summarising(present, isCancelled: isCancelled)
        } catch StatsError.cancelled {
            throw StatsError.cancelled
        } catch {
            summarised = nil
        }
        if let (summary, sorted) = summarised {
            mean = summary.mean
            sd = summary.standardDeviation ?? Missing.decimal
            min = summary.minimum
            max = summary.maximum
            // One sort for the three quartiles.
            q1 = (try? Quantile.ofSorted(sorted, 0.25, method: method)) ?? Missing.decimal
            median = (try? Quantile.ofSorted(sorted, 0.5, method: method)) ?? Missing.decimal
            q3 = (try? Quantile.ofSorted(sorted, 0.75, method: method)) ?? Missing.decimal
        }
        if let categories = variable.categories, let levels = variable.levels, n > 0 {
            var counts = [Int](repeating: 0, count: levels.count)
            try check.blocks(rows.count) { range in
                for i in range where categories[rows[i]] >= 0 { counts[categories[rows[i]]] += 1 }
            }
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
