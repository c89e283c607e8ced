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
    /// rule decided in the same statement: the rows are grouped by unit and combination once
    /// (`per`), which says per unit whether an analysed column takes two values or is missing
    /// in some rows only (`facts`); when none varies (and `rows` was not asked) a unit with a
    /// value counts once, else every row counts. The facts come back in hidden columns after
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
        let b = alias(), p = alias(), t = alias(), x = alias()
        let perName = name("per"), factsName = name("facts")
        let unit = name("unit"), n = name("n")
        let columns = counted.map { "\(b).\(q($0))" }
        let perItems = ["\(b).\(q(request.unit)) AS \(q(unit))"] + columns + ["count(*) AS \(q(n))"]
            + input.notes.map { "max(\(b).\(q($0.column))) AS \(q($0.column))" }
        let per = "SELECT \(perItems.joined(separator: ", ")) FROM (\(input.sql)) AS \(b) GROUP BY \((["\(b).\(q(request.unit))"] + columns).joined(separator: ", "))"
        // Within a unit, a column varies when its smallest and largest values differ, or when
        // it is missing in some of the unit's combinations but not all (missing equals missing).
        let varies = analysed.map { column -> String in
            let value = "\(p).\(q(column))"
            let ordered = kinds[column]?.isTextual == true ? "\(value) COLLATE \"C\"" : value
            return "(min(\(ordered)) IS DISTINCT FROM max(\(ordered)) OR (count(\(value)) > 0 AND count(\(value)) < count(*)))"
        }
        let variesNames = analysed.map { _ in name("v") }
        let perUnit = (["\(p).\(q(unit))", "sum(\(p).\(q(n))) AS \(q(n))"] + zip(varies, variesNames).map { "\($0) AS \(q($1))" })
            .joined(separator: ", ")
        let factNames = (0..<Self.unitFactCount).map { _ in name("f") } + analysed.map { _ in name("f") }
        let withUnit = "FILTER (WHERE \(t).\(q(unit)) IS NOT NULL)"
        let factItems = [
            "COALESCE(sum(\(t).\(q(n))), 0)::int8",
            "(count(*) \(withUnit))::int8",
            "COALESCE(sum(\(t).\(q(n))) FILTER (WHERE \(t).\(q(unit)) IS NULL), 0)::int8",
            "(min(\(t).\(q(n))) \(withUnit))::int8",
            "(max(\(t).\(q(n))) \(withUnit))::int8",
        ] + variesNames.map { "(CASE WHEN bool_or(\(t).\(q($0))) \(withUnit) THEN 1 ELSE 0 END)::int8" }
        let facts = "SELECT \(zip(factItems, factNames).map { "\($0) AS \(q($1))" }.joined(separator: ", ")) FROM (SELECT \(perUnit) FROM \(perName) AS \(p) GROUP BY \(p).\(q(unit))) AS \(t)"
        var joined = input
        joined.sql = "WITH \(perName) AS (\(per)), \(factsName) AS (\(facts)) SELECT \(p).*, \(x).* FROM \(perName) AS \(p) CROSS JOIN \(factsName) AS \(x)"
        joined.columns = counted.map { ($0, kinds[$0] ?? .text) }
        joined.order = []
        let s = alias()
        let analysedFacts = factNames.dropFirst(Self.unitFactCount)
        let constant = request.rowLevel ? "false"
            : analysedFacts.isEmpty ? "true" : analysedFacts.map { "\(s).\(q($0)) = 0" }.joined(separator: " AND ")
        let count = "sum(CASE WHEN \(s).\(q(unit)) IS NOT NULL AND \(constant) THEN 1 ELSE \(s).\(q(n)) END)::int8"
        // The facts ride along as note columns after the input's (one value per group keeps them).
        let extra = factNames.map { NoteColumn(column: $0, aggregate: "", recount: "") }
        joined.notes = input.notes + extra
        var expressions = ExpressionCompiler(columns: [:], parameters: parameters)
        let grouped = try group(joined, keys: counted, alias: s, expressions: &expressions) { (_: inout SQLCompiler, _: inout ExpressionCompiler) throws(NotCompilable) in
            ([(countName, count, .integer)], [])
        }
        return (grouped, extra.count)
    }
}
