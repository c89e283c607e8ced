import ArvioData
import ArvioQuery

extension SQLCompiler {
    /// The hidden columns the counts of repeated answers end with, in order: the rows, the
    /// units with a unit value, the rows with none (each a unit of its own), the fewest and
    /// most rows of a unit with a value, then 1 or 0 per analysed column (`analysedOnce`): whether it
    /// varies within some unit.
    static let unitFactCount = 5

    /// The analysed columns of `request`, each once, in order: one varies-column each.
    static func analysedOnce(_ request: RepeatedAnswersRequest) -> [String] {
        request.analysed.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The counts of `counted`'s combinations for an analysis of repeated answers, with the unit
    /// rule decided in the same statement. The rows are grouped by unit once (`units`; rows with
    /// no unit by their combination, each such row being a unit of its own), with each counted
    /// column's smallest and largest value and how many values it has, which says whether it
    /// varies within a unit (two values, or missing on some rows only) and, when it does not,
    /// what the unit's value is. When none varies (and `rows` was not asked) the counts are
    /// of those units; else a second scan counts the rows. Each branch is gated by the facts,
    /// so PostgreSQL runs only the one it needs. The facts come back in hidden columns after
    /// the input's note columns, the same in every row.
    mutating func repeatedCounts(_ request: RepeatedAnswersRequest, counted: [String], on input: Relation,
                                 countName: String) throws(NotCompilable) -> (relation: Relation, factCount: Int) {
        guard input.columns.contains(where: { $0.name == request.unit }) else {
            throw NotCompilable(reason: "the unit column \"\(request.unit)\" is not known here")
        }
        var kinds: [String: SQLKind] = [:]
        for name in counted {
            guard let column = input.columns.first(where: { $0.name == name }) else {
                throw NotCompilable(reason: "the column \"\(name)\" is not known here")
            }
            kinds[name] = column.kind
        }
        let analysed = Self.analysedOnce(request)
        guard analysed.allSatisfy({ kinds[$0] != nil }) else { throw NotCompilable(reason: "an analysed column is not counted") }
        let b = alias(), t = alias(), x = alias(), f = alias()
        let unitsName = name("units"), factsName = name("facts")
        let unit = name("unit"), n = name("n"), reduce = name("reduce")
        let unitSQL = "\(b).\(q(request.unit))"
        // Per counted column: its smallest and largest value in a unit (text in byte order,
        // which is also how equal values are told apart) and how many are not missing.
        var low: [String: String] = [:], high: [String: String] = [:], present: [String: String] = [:]
        var unitItems = ["\(unitSQL) AS \(q(unit))", "count(*) AS \(q(n))"]
        for column in counted {
            let value = "\(b).\(q(column))"
            let ordered = kinds[column]?.isTextual == true ? "\(value) COLLATE \"C\"" : value
            let (lo, hi, k) = (name("lo"), name("hi"), name("k"))
            (low[column], high[column], present[column]) = (lo, hi, k)
            unitItems += ["min(\(ordered)) AS \(q(lo))", "max(\(ordered)) AS \(q(hi))", "count(\(value)) AS \(q(k))"]
        }
        unitItems += input.notes.map { "max(\(b).\(q($0.column))) AS \(q($0.column))" }
        let alone = counted.map { "(CASE WHEN \(unitSQL) IS NULL THEN \(b).\(q($0)) END)" }
        let units = "SELECT \(unitItems.joined(separator: ", ")) FROM (\(input.sql)) AS \(b) GROUP BY \(([unitSQL] + alone).joined(separator: ", "))"
        let withUnit = "FILTER (WHERE \(t).\(q(unit)) IS NOT NULL)"
        let varies = analysed.map { column -> String in
            let (lo, hi, k) = ("\(t).\(q(low[column] ?? ""))", "\(t).\(q(high[column] ?? ""))", "\(t).\(q(present[column] ?? ""))")
            return "bool_or(\(lo) IS DISTINCT FROM \(hi) OR (\(k) > 0 AND \(k) < \(t).\(q(n)))) \(withUnit)"
        }
        let factNames = (0..<Self.unitFactCount).map { _ in name("f") } + analysed.map { _ in name("f") }
        let factItems = [
            "COALESCE(sum(\(t).\(q(n))), 0)::int8",
            "(count(*) \(withUnit))::int8",
            "COALESCE(sum(\(t).\(q(n))) FILTER (WHERE \(t).\(q(unit)) IS NULL), 0)::int8",
            "(min(\(t).\(q(n))) \(withUnit))::int8",
            "(max(\(t).\(q(n))) \(withUnit))::int8",
        ] + varies.map { "(CASE WHEN \($0) THEN 1 ELSE 0 END)::int8" }
        let reduces = request.rowLevel ? "0"
            : "(CASE WHEN \(varies.isEmpty ? "true" : varies.map { "COALESCE(\($0), false)" }.joined(separator: " OR ")) THEN 0 ELSE 1 END)"
        let facts = "SELECT \((zip(factItems, factNames).map { "\($0) AS \(q($1))" } + ["\(reduces) AS \(q(reduce))"]).joined(separator: ", ")) FROM \(unitsName) AS \(t)"
        let gate = "(SELECT \(q(reduce)) FROM \(factsName))"
        // Every row counted, when the rule keeps the rows.
        let r = alias()
        let rowItems = counted.map { "\(r).\(q($0))" } + ["count(*) AS \(q(n))"] + input.notes.map { "max(\(r).\(q($0.column))) AS \(q($0.column))" }
        let rowCounts = "SELECT \(rowItems.joined(separator: ", ")) FROM (\(input.sql)) AS \(r) WHERE \(gate) = 0 GROUP BY \(counted.map { "\(r).\(q($0))" }.joined(separator: ", "))"
        // One count per unit, its value the one it has throughout; a row without a unit counts alone.
        let valueItems = counted.map { column -> String in
            let lo = "\(t).\(q(low[column] ?? ""))"
            return "\(kinds[column]?.isTextual == true ? "(\(lo) COLLATE \"default\")" : lo) AS \(q(column))"
        }
        let unitItemsOut = valueItems + ["sum(CASE WHEN \(t).\(q(unit)) IS NULL THEN \(t).\(q(n)) ELSE 1 END) AS \(q(n))"]
            + input.notes.map { "max(\(t).\(q($0.column))) AS \(q($0.column))" }
        let unitCounts = "SELECT \(unitItemsOut.joined(separator: ", ")) FROM \(unitsName) AS \(t) WHERE \(gate) = 1 GROUP BY \(counted.map { "\(t).\(q(low[$0] ?? ""))" }.joined(separator: ", "))"
        var joined = input
        joined.sql = "WITH \(unitsName) AS (\(units)), \(factsName) AS (\(facts)) SELECT \(x).*, \(f).* FROM (\(rowCounts) UNION ALL \(unitCounts)) AS \(x) CROSS JOIN \(factsName) AS \(f)"
        joined.columns = counted.map { ($0, kinds[$0] ?? .text) }
        joined.order = []
        // The facts ride along as note columns after the input's (one value per group keeps them).
        let extra = factNames.map { NoteColumn(column: $0, aggregate: "", recount: "") }
        joined.notes = input.notes + extra
        let s = alias()
        let total = "sum(\(s).\(q(n)))::int8"
        var expressions = ExpressionCompiler(columns: [:], parameters: parameters)
        let grouped = try group(joined, keys: counted, alias: s, expressions: &expressions) { (_: inout SQLCompiler, _: inout ExpressionCompiler) throws(NotCompilable) in
            ([(countName, total, .integer)], [])
        }
        return (grouped, extra.count)
    }
}
