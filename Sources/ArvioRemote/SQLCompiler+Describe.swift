import ArvioData
import ArvioQuery

/// `describe` of columns of numbers as SQL aggregates: per group and variable the rows, the
/// values, avg, stddev_samp, min, max and the three quantiles (`percentile_cont` is type 7;
/// type 6 is type 7 at the fraction that puts its position at type 6's, from each group's n),
/// so only one row per group and variable comes back.
extension SQLCompiler {
    /// The statement for `request` on `input`: the group columns as text, the variable's index,
    /// rows, values, then mean, sd, min, q1, median, q3, max, then the input's note counts.
    mutating func describeMoments(_ request: DescribeMomentsRequest, on input: Relation) throws(NotCompilable) -> String {
        for name in request.variables + request.groups where !input.columns.contains(where: { $0.name == name }) {
            throw NotCompilable(reason: "the column \"\(name)\" is not known here")
        }
        let r = alias()
        let groups = request.groups.indices.map { "g\($0)" }
        let values = request.variables.enumerated().map { "(\($0.offset), \(r).\(q($0.element))::float8)" }.joined(separator: ", ")
        var inner = request.groups.enumerated().map { "\(r).\(q($0.element))::text AS g\($0.offset)" } + ["u.j", "u.x"]
        let sixth = request.quantileType == 6
        if sixth {
            inner.append("count(u.x) OVER (PARTITION BY \((request.groups.map { "\(r).\(q($0))" } + ["u.j"]).joined(separator: ", "))) AS nn")
        }
        // An earlier aggregate's skipped-value counts, the same in every row, come back last.
        inner += input.notes.map { "\(r).\(q($0.column)) AS \(q($0.column))" }
        func quantile(_ p: Double) -> String {
            // Type 6's position (n + 1)p, clamped to 1...n, is type 7's at ((n + 1)p − 1)/(n − 1).
            let fraction = sixth ? "(CASE WHEN nn <= 1 THEN 0.5 ELSE least(1, greatest(0, ((nn + 1) * \(p) - 1) / (nn - 1)::float8)) END)" : "\(p)"
            return "percentile_cont(\(fraction)) WITHIN GROUP (ORDER BY x)"
        }
        let items = groups + ["j", "count(*)", "count(x)", "avg(x)", "stddev_samp(x)", "min(x)",
                              quantile(0.25), quantile(0.5), quantile(0.75), "max(x)"] + input.notes.map { "max(\(q($0.column)))" }
        let groupBy = (groups + ["j"] + (sixth ? ["nn"] : [])).joined(separator: ", ")
        return """
            SELECT \(items.joined(separator: ", ")) FROM (SELECT \(inner.joined(separator: ", ")) FROM (\(input.sql)) AS \(r) \
            CROSS JOIN LATERAL (VALUES \(values)) AS u(j, x)) AS t GROUP BY \(groupBy)
            """
    }
}

extension DescribeMoments {
    /// The summaries in the rows of `SQLCompiler.describeMoments`'s statement, `groupCount`
    /// group columns wide.
    static func decode(_ rows: [[String?]], groupCount m: Int) -> [DescribeMoments] {
        rows.map { row in
            DescribeMoments(group: Array(row[0..<m]), variable: row[m].flatMap { Int($0) } ?? 0,
                            rows: row[m + 1].flatMap { Int($0) } ?? 0, n: row[m + 2].flatMap { Int($0) } ?? 0,
                            statistics: row[(m + 3)..<(m + 10)].map { $0.flatMap { Double($0) } })
        }
    }
}
