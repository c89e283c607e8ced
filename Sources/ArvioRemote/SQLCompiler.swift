import ArvioData
import ArvioQuery

/// One SQL statement for the first operators of a plan, and what comes back.
public struct CompiledStatement: Sendable {
    /// The statement, with `$1`, `$2`, ... for the values.
    public let sql: String
    /// The values of the parameters, in order.
    public let parameters: [String?]
    /// How many of the plan's operators it runs; the rest run in memory on its result.
    public let operatorCount: Int
    /// The shape of its result: the source's schema, or the schema after its last operator.
    public let schema: PlanSchema
    /// The columns of the schema that come back (all, or those the operators after it read),
    /// and for counts, the count column last.
    public let columns: [String]
    /// The column with the counts, when the statement returns the counts of combinations for
    /// the next operator (`PlanNode.countedColumns`) rather than rows.
    public let countColumn: String?
    /// Why the next operator does not compile, when one does not.
    public let stopReason: String?
    /// The notes the aggregates would write (values skipped), each read from a column of
    /// the result: the column and how the note reads.
    let notes: [NoteColumn]
    /// When the statement is the tally of the next operator's `delta` (`SQLCompiler.deltaTally`),
    /// what it counts; its result is a `DeltaTally`, not rows of the schema.
    public var delta: DeltaTallyRequest? = nil
    /// When the statement computes the next operator's `describe` (`SQLCompiler.describeMoments`),
    /// what it computes; its result is one row per group and variable.
    public var describe: DescribeMomentsRequest? = nil
    /// When the counts are of an analysis of repeated answers (`SQLCompiler.repeatedCounts`),
    /// the unit rule the statement decided; its facts follow the note columns in every row.
    public var units: RepeatedAnswersRequest? = nil
}

/// A note an aggregate writes, from a count the statement returns in a hidden column.
struct NoteColumn: Sendable {
    /// The hidden column holding the number of values skipped (the same in every row).
    let column: String
    /// `mean(score)`, as the note names the aggregate.
    let aggregate: String
    /// The SQL, inside the aggregate's GROUP BY, that counts the values skipped in all groups.
    let recount: String
}

/// Compiles the longest prefix of a plan that runs as one SQL statement against the remote
/// tables, with the in-memory engine's meaning: row order (the key's order, then each stable
/// `sort`), key order of groups with missing last, scale order of ordinal keys, three-valued
/// conditions, whole numbers kept whole. Each operator becomes a subquery around the one
/// before (PostgreSQL flattens them), with hidden columns that carry the row order, since
/// SQL does not keep the order of a subquery.
struct SQLCompiler {
    let catalog: RemoteCatalog

    /// A relation being built: the statement so far and what its columns are.
    struct Relation {
        var sql: String
        /// The visible columns, in order, with their kinds.
        var columns: [(name: String, kind: SQLKind)]
        /// Hidden columns that order the rows, first key first; `descending` per column.
        var order: [(name: String, descending: Bool, isText: Bool)]
        /// Hidden columns with the skipped-value counts of aggregates.
        var notes: [NoteColumn]

        var hidden: [String] { order.map(\.name) + notes.map(\.column) }
    }

    var parameters = SQLParameters()
    private var nextName = 0

    init(catalog: RemoteCatalog) {
        self.catalog = catalog
    }

    /// The statement for the longest prefix of `plan` that compiles; nil when the plan's
    /// source is not a remote table.
    static func compile(_ plan: LogicalPlan, catalog: RemoteCatalog,
                        keeping needed: (ArraySlice<PlanNode>) -> Set<String>? = { _ in nil },
                        delta: (PlanNode, PlanSchema) -> DeltaTallyRequest? = { _, _ in nil },
                        units: ((PlanNode, PlanSchema) -> RepeatedAnswersRequest?)? = nil) -> CompiledStatement? {
        guard let table = catalog.tables[plan.source] else { return nil }
        var compiler = SQLCompiler(catalog: catalog)
        var relation = compiler.scan(table)
        var schema = plan.sourceSchema
        var count = 0
        var reason: String?
        for node in plan.nodes {
            do throws(NotCompilable) {
                guard let after = node.schema else {
                    throw NotCompilable(reason: "\(node.verb) is an analysis; its statistics are computed in memory")
                }
                let saved = compiler.parameters
                do throws(NotCompilable) {
                    let next = try compiler.apply(node, to: relation, output: after)
                    try Self.check(next, against: after, verb: node.verb)
                    relation = next
                } catch {
                    compiler.parameters = saved
                    throw error
                }
                schema = after
                count += 1
            } catch {
                reason = error.reason
                break
            }
        }
        // A delta the server can pair gets the tally of its pairs (one statement).
        if count < plan.nodes.count, relation.notes.isEmpty, let request = delta(plan.nodes[count], schema) {
            let saved = compiler.parameters
            do throws(NotCompilable) {
                let sql = try compiler.deltaTally(request, on: relation)
                var statement = CompiledStatement(sql: sql, parameters: compiler.parameters.values, operatorCount: count,
                                                  schema: schema, columns: [], countColumn: nil, stopReason: reason, notes: [])
                statement.delta = request
                return statement
            } catch {
                compiler.parameters = saved
            }
        }
        // A describe of numbers gets its moments and quantiles, computed by the server.
        if count < plan.nodes.count, let request = plan.nodes[count].describeMomentsRequest(input: schema) {
            let saved = compiler.parameters
            do throws(NotCompilable) {
                let sql = try compiler.describeMoments(request, on: relation)
                let columns = request.groups + ["variable", "rows", "n", "mean", "sd", "min", "q1", "median", "q3", "max"]
                var statement = CompiledStatement(sql: sql, parameters: compiler.parameters.values, operatorCount: count,
                                                  schema: schema, columns: columns, countColumn: nil, stopReason: reason,
                                                  notes: relation.notes)
                statement.describe = request
                return statement
            } catch {
                compiler.parameters = saved
            }
        }
        // An analysis that needs only the counts of some columns' combinations gets those,
        // counted by the server, instead of the rows: of the rows when they are their own units,
        // and on repeated answers of the units or the rows, as the unit rule decides.
        var countColumn: String?
        var unitRequest: RepeatedAnswersRequest?
        var factCount = 0
        // On repeated answers the statement decides the unit rule too (`repeatedCounts`); a
        // chart has no unit rule and counts rows whatever the key.
        let isChart: Bool
        if count < plan.nodes.count, case .chart = plan.nodes[count].operation { isChart = true } else { isChart = false }
        if count < plan.nodes.count, schema.key.count > 1, !isChart,
           let request = (units ?? { node, schema in
               var workspace = Workspace()
               for relation in catalog.relations { workspace.add(relation) }
               return node.repeatedAnswersRequest(input: schema, workspace: workspace)
           })(plan.nodes[count], schema),
           let counted = plan.nodes[count].countedColumns(among: relation.columns.map(\.name)) {
            let saved = compiler.parameters
            do throws(NotCompilable) {
                let (grouped, facts) = try compiler.repeatedCounts(request, counted: counted, on: relation, countName: "__arvio_count")
                relation = grouped
                countColumn = "__arvio_count"
                unitRequest = request
                factCount = facts
            } catch {
                compiler.parameters = saved
            }
        }
        if count < plan.nodes.count, schema.key.count <= 1 || isChart,
           let counted = plan.nodes[count].countedColumns(among: relation.columns.map(\.name)),
           counted.allSatisfy({ name in relation.columns.contains { $0.name == name } }) {
            let name = "__arvio_count"
            let s = compiler.alias()
            var expressions = ExpressionCompiler(columns: [:], parameters: compiler.parameters)
            if let grouped = try? compiler.group(relation, keys: counted.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }, alias: s, expressions: &expressions, { (_: inout SQLCompiler, _: inout ExpressionCompiler) throws(NotCompilable) in
                ([(name, "count(*)::int8", .integer)], [])
            }) {
                relation = grouped
                countColumn = name
            }
        }
        // Only the columns the operators left to run in memory read come back.
        if countColumn == nil, count < plan.nodes.count, let keep = needed(plan.nodes[count...]) {
            let kept = keep.union(schema.key)
            relation.columns = relation.columns.filter { kept.contains($0.name) }
        }
        let sql = compiler.finish(relation)
        var statement = CompiledStatement(sql: sql, parameters: compiler.parameters.values, operatorCount: count,
                                          schema: schema, columns: relation.columns.map(\.name), countColumn: countColumn,
                                          stopReason: reason, notes: Array(relation.notes.dropLast(factCount)))
        statement.units = unitRequest
        return statement
    }

    /// Refuses a compiled operator whose columns are not the ones the binder worked out, so
    /// the result can always be read into the schema (and otherwise runs in memory).
    private static func check(_ relation: Relation, against schema: PlanSchema, verb: String) throws(NotCompilable) {
        guard relation.columns.map(\.name) == schema.columnNames else {
            throw NotCompilable(reason: "\(verb) gives columns here that SQL would give differently")
        }
        for (column, expected) in zip(relation.columns, schema.table.columns) {
            let matches: Bool
            switch (column.kind, expected.type) {
            case (.integer, .integer), (.decimal, .decimal), (.text, .text): matches = true
            case (.category(let levels, let ordered), .categorical), (.category(let levels, let ordered), .ordinal):
                guard case .categorical(let data, let isOrdered) = expected.data else { matches = false; break }
                matches = ordered == isOrdered && levels.map(\.value) == data.levels.map(\.value)
            default: matches = false
            }
            guard matches else {
                throw NotCompilable(reason: "\(verb) gives \"\(column.name)\" a type here that SQL would give differently")
            }
        }
    }

    /// The statement that reads a whole remote table in its row order, for the in-memory
    /// engine to use (the right side of a join it runs, a pipeline that starts locally).
    static func scanStatement(_ table: RemoteTable, catalog: RemoteCatalog) -> (sql: String, parameters: [String?]) {
        var compiler = SQLCompiler(catalog: catalog)
        let relation = compiler.scan(table)
        return (compiler.finish(relation), compiler.parameters.values)
    }

    mutating func name(_ prefix: String) -> String {
        nextName += 1
        return "__arvio_\(prefix)\(nextName)"
    }

    mutating func alias() -> String {
        nextName += 1
        return "s\(nextName)"
    }

    func q(_ name: String) -> String { SQLText.identifier(name) }

    // MARK: Scans and the result

    /// The table's columns as the language's types (so a category is its text, an integer a
    /// bigint, a decimal a double), and its row order: the key's, or the physical order of a
    /// plain table without one.
    mutating func scan(_ table: RemoteTable) -> Relation {
        var items: [String] = []
        var columns: [(name: String, kind: SQLKind)] = []
        for column in table.columns {
            let cast: String
            let kind: SQLKind
            switch column.type {
            case .integer: cast = "int8"; kind = .integer
            case .decimal: cast = "float8"; kind = .decimal
            case .text: cast = "text"; kind = .text
            case .categorical, .ordinal:
                cast = "text"; kind = .category(levels: column.levels, ordered: column.type == .ordinal)
            }
            if column.missingCodes.isEmpty {
                items.append("\(q(column.name))::\(cast) AS \(q(column.name))")
            } else {
                // Codes a codebook declares missing read as NULL, the database's missing.
                let codes = parameters.addArray(column.missingCodes)
                items.append("(CASE WHEN \(q(column.name))::text = ANY (\(codes)) THEN NULL ELSE \(q(column.name))::\(cast) END) AS \(q(column.name))")
            }
            columns.append((column.name, kind))
        }
        var order: [(name: String, descending: Bool, isText: Bool)] = []
        let kinds = Dictionary(columns.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        if !table.key.isEmpty {
            for key in table.key {
                let kind = kinds[key] ?? .text
                let (expression, isText) = sortKey("\(q(key))::\(castName(kind))", kind)
                let hidden = name("o")
                items.append("\(expression) AS \(q(hidden))")
                order.append((hidden, false, isText))
            }
        } else if table.isPlainTable {
            let hidden = name("o")
            items.append("ctid AS \(q(hidden))")
            order.append((hidden, false, false))
        }
        let sql = "SELECT \(items.joined(separator: ", ")) FROM \(table.sqlName)"
        return Relation(sql: sql, columns: columns, order: order, notes: [])
    }

    private func castName(_ kind: SQLKind) -> String {
        switch kind {
        case .integer: "int8"
        case .decimal: "float8"
        default: "text"
        }
    }

    /// The value that sorts a column as the in-memory engine does: numbers as numbers, text
    /// by code point (`COLLATE "C"`, the order of Swift's `<` on normalised text), categories
    /// by their level's position (scale order); missing sorts last through `NULLS LAST`.
    mutating func sortKey(_ sql: String, _ kind: SQLKind) -> (sql: String, isText: Bool) {
        switch kind {
        case .category(let levels, _):
            // Levels in byte order (a text column's categories, sorted as the catalog sorted
            // them) sort as the text does, which needs no lookup in a list of every level.
            let values = levels.map(\.value)
            if zip(values, values.dropFirst()).allSatisfy({ $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                return ("(\(sql) COLLATE \"C\")", true)
            }
            return ("array_position(\(parameters.addArray(values)), \(sql))", false)
        case .text:
            return ("(\(sql) COLLATE \"C\")", true)
        default:
            return (sql, false)
        }
    }

    private func orderBy(_ order: [(name: String, descending: Bool, isText: Bool)], alias: String) -> String {
        guard !order.isEmpty else { return "" }
        let keys = order.map { column in
            "\(alias).\(q(column.name))\(column.isText ? " COLLATE \"C\"" : "") \(column.descending ? "DESC" : "ASC") NULLS LAST"
        }
        return " ORDER BY " + keys.joined(separator: ", ")
    }

    /// The final statement: the visible columns, then the note counts, in row order.
    private mutating func finish(_ relation: Relation) -> String {
        let s = alias()
        let items = relation.columns.map { "\(s).\(q($0.name))" } + relation.notes.map { "\(s).\(q($0.column))" }
        let list = items.isEmpty ? "" : items.joined(separator: ", ")
        return "SELECT \(list) FROM (\(relation.sql)) AS \(s)\(orderBy(relation.order, alias: s))"
    }

    // MARK: Operators

    private mutating func apply(_ node: PlanNode, to input: Relation, output: PlanSchema) throws(NotCompilable) -> Relation {
        let s = alias()
        var expressions = ExpressionCompiler(columns: scope(input, alias: s), parameters: parameters)
        let passHidden = input.hidden.map { "\(s).\(q($0))" }
        switch node.operation {
        case .filter(let condition):
            let value = try expressions.compile(condition)
            parameters = expressions.parameters
            guard value.kind.isCondition else { throw NotCompilable(reason: "where of a value that is not a condition") }
            var result = input
            result.sql = "SELECT \(s).* FROM (\(input.sql)) AS \(s) WHERE \(value.sql)"
            return result
        case .select(let selected):
            var result = input
            var kinds: [(name: String, kind: SQLKind)] = []
            var items: [String] = []
            for column in selected {
                guard let kind = input.columns.first(where: { $0.name == column.source })?.kind else {
                    throw NotCompilable(reason: "the column \"\(column.source)\" is not known here")
                }
                items.append("\(s).\(q(column.source)) AS \(q(column.name))")
                kinds.append((column.name, kind))
            }
            result.columns = kinds
            result.sql = "SELECT \((items + passHidden).joined(separator: ", ")) FROM (\(input.sql)) AS \(s)"
            return result
        case .derive(let derived):
            // One subquery per column: each may use the ones before it.
            var current = input
            for item in derived {
                current = try derive(item, on: current)
            }
            return current
        case .aggregate(let keys, let aggregates):
            guard !keys.isEmpty else { throw NotCompilable(reason: "an aggregate with no group keys") }
            return try group(input, keys: keys, alias: s, expressions: &expressions) { (compiler: inout SQLCompiler, expressions: inout ExpressionCompiler) throws(NotCompilable) in
                var items: [(name: String, sql: String, kind: SQLKind)] = []
                var notes: [NoteColumn] = []
                for aggregate in aggregates {
                    let (value, found) = try compiler.aggregateExpression(aggregate.expression, expressions: &expressions,
                                                                          input: input, alias: s)
                    items.append((aggregate.name, value.sql, value.kind))
                    notes += found
                }
                return (items, notes)
            }
        case .count(let keys, let countName):
            if keys.isEmpty {
                var result = Relation(sql: "", columns: [(countName, .integer)], order: [], notes: [])
                let notes = input.notes.map { "max(\(s).\(q($0.column))) AS \(q($0.column))" }
                result.sql = "SELECT \((["count(*)::int8 AS \(q(countName))"] + notes).joined(separator: ", ")) FROM (\(input.sql)) AS \(s)"
                result.notes = input.notes
                return result
            }
            return try group(input, keys: keys, alias: s, expressions: &expressions) { (_: inout SQLCompiler, _: inout ExpressionCompiler) throws(NotCompilable) in
                ([(countName, "count(*)::int8", .integer)], [])
            }
        case .sort(let keys):
            var result = input
            var items = ["\(s).*"]
            var order: [(name: String, descending: Bool, isText: Bool)] = []
            for key in keys {
                guard let kind = input.columns.first(where: { $0.name == key.column })?.kind else {
                    throw NotCompilable(reason: "the column \"\(key.column)\" is not known here")
                }
                let (expression, isText) = sortKey("\(s).\(q(key.column))", kind)
                let hidden = name("o")
                items.append("\(expression) AS \(q(hidden))")
                order.append((hidden, key.descending, isText))
            }
            // A stable sort: rows equal on the new keys keep their order from before.
            result.order = order + input.order
            result.sql = "SELECT \(items.joined(separator: ", ")) FROM (\(input.sql)) AS \(s)"
            return result
        case .take(let n):
            var result = input
            result.sql = "SELECT \(s).* FROM (\(input.sql)) AS \(s)\(orderBy(input.order, alias: s)) LIMIT \(max(0, n))"
            return result
        case .distinct(let listed):
            let names = listed.isEmpty ? input.columns.map(\.name) : listed
            var columns: [(name: String, kind: SQLKind)] = []
            for name in names {
                guard let column = input.columns.first(where: { $0.name == name }) else {
                    throw NotCompilable(reason: "the column \"\(name)\" is not known here")
                }
                columns.append(column)
            }
            guard !columns.isEmpty else { throw NotCompilable(reason: "distinct of a table with no columns") }
            // The first row of each combination, in row order: DISTINCT ON keeps the first
            // row of each in the ORDER BY, and the rows stay in the order of those firsts.
            let keys = columns.map { "\(s).\(q($0.name))" }
            let order = orderBy(input.order, alias: s)
            let tail = order.isEmpty ? "" : ", " + String(order.dropFirst(" ORDER BY ".count))
            var result = input
            result.columns = columns
            result.sql = "SELECT DISTINCT ON (\(keys.joined(separator: ", "))) \((keys + passHidden).joined(separator: ", ")) FROM (\(input.sql)) AS \(s) ORDER BY \(keys.joined(separator: ", "))\(tail)"
            return result
        case .join(let join):
            return try self.join(join, input, alias: s, output: output)
        default:
            throw NotCompilable(reason: "\(node.verb) is an analysis; its statistics are computed in memory")
        }
    }

    private func scope(_ relation: Relation, alias: String) -> [String: SQLValue] {
        var result: [String: SQLValue] = [:]
        for column in relation.columns where result[column.name] == nil {
            result[column.name] = SQLValue(sql: "\(alias).\(q(column.name))", kind: column.kind)
        }
        return result
    }

    /// `derive name = expression`: replaces the column in place or adds it at the end. A
    /// condition becomes a `false`/`true` category, as in memory.
    private mutating func derive(_ item: NamedExpression, on input: Relation) throws(NotCompilable) -> Relation {
        let s = alias()
        var expressions = ExpressionCompiler(columns: scope(input, alias: s), parameters: parameters)
        var value = try expressions.compile(item.expression)
        parameters = expressions.parameters
        switch value.kind {
        case .truth:
            value = SQLValue(sql: "(CASE WHEN \(value.sql) THEN 'true' WHEN NOT \(value.sql) THEN 'false' END)",
                             kind: .category(levels: [Level(value: "false"), Level(value: "true")], ordered: false))
        case .integer, .decimal, .text, .category:
            break
        case .integerConstant, .decimalConstant, .textConstant, .booleanConstant:
            throw NotCompilable(reason: "a derived constant")
        }
        var result = input
        var items: [String] = []
        var replaced = false
        for (index, column) in input.columns.enumerated() {
            if column.name == item.name {
                items.append("\(value.sql) AS \(q(item.name))")
                result.columns[index].kind = value.kind
                replaced = true
            } else {
                items.append("\(s).\(q(column.name))")
            }
        }
        if !replaced {
            items.append("\(value.sql) AS \(q(item.name))")
            result.columns.append((item.name, value.kind))
        }
        items += input.hidden.map { "\(s).\(q($0))" }
        result.sql = "SELECT \(items.joined(separator: ", ")) FROM (\(input.sql)) AS \(s)"
        return result
    }

    /// `group`/`count by`: one row per combination of the keys that occurs, in key order.
    mutating func group(
        _ input: Relation, keys: [String], alias s: String, expressions: inout ExpressionCompiler,
        _ values: (inout SQLCompiler, inout ExpressionCompiler) throws(NotCompilable) -> ([(name: String, sql: String, kind: SQLKind)], [NoteColumn])
    ) throws(NotCompilable) -> Relation {
        var keyColumns: [(name: String, kind: SQLKind)] = []
        for key in keys {
            guard let column = input.columns.first(where: { $0.name == key }) else {
                throw NotCompilable(reason: "the column \"\(key)\" is not known here")
            }
            keyColumns.append(column)
        }
        let (computed, notes) = try values(&self, &expressions)
        parameters = expressions.parameters
        var items = keyColumns.map { "\(s).\(q($0.name))" }
        items += computed.map { "\($0.sql) AS \(q($0.name))" }
        var order: [(name: String, descending: Bool, isText: Bool)] = []
        for column in keyColumns {
            let (expression, isText) = sortKey("\(s).\(q(column.name))", column.kind)
            let hidden = name("o")
            items.append("\(expression) AS \(q(hidden))")
            order.append((hidden, false, isText))
        }
        // Counts of earlier aggregates are the same in every row; one per group keeps them.
        items += input.notes.map { "max(\(s).\(q($0.column))) AS \(q($0.column))" }
        items += notes.map { "\($0.recount) AS \(q($0.column))" }
        expressions.parameters = parameters
        let groupBy = keyColumns.map { "\(s).\(q($0.name))" }.joined(separator: ", ")
        let sql = "SELECT \(items.joined(separator: ", ")) FROM (\(input.sql)) AS \(s) GROUP BY \(groupBy)"
        return Relation(sql: sql, columns: keyColumns + computed.map { ($0.name, $0.kind) }, order: order,
                        notes: input.notes + notes)
    }

    /// The aggregate calls the language has; every other call works value by value.
    static let aggregateFunctions: Set<String> = ["count", "mean", "median", "sd", "min", "max", "sum", "n_distinct",
                                                  "pct", "pct_low", "pct_high"]

    /// An expression of `group ... aggregate`: one aggregate call, or value-by-value
    /// operations over aggregate calls (`round(mean(score), 4)`, `max(x) - min(x)`). Each call
    /// is compiled as an aggregate and stands in the outer expression as a column of its own,
    /// so the outer operations have the meaning they have on values.
    private mutating func aggregateExpression(_ expression: Expression, expressions: inout ExpressionCompiler,
                                              input: Relation, alias s: String) throws(NotCompilable) -> (SQLValue, [NoteColumn]) {
        if case .call(let function, _) = expression.kind, Self.aggregateFunctions.contains(function) {
            let (value, note) = try aggregate(expression, expressions: &expressions, input: input, alias: s)
            return (value, note.map { [$0] } ?? [])
        }
        var scope: [String: SQLValue] = [:]
        var notes: [NoteColumn] = []
        var failure: NotCompilable?
        func replacing(_ e: Expression) -> Expression {
            var result = e
            switch e.kind {
            case .call(let function, let arguments) where Self.aggregateFunctions.contains(function):
                do throws(NotCompilable) {
                    let (value, note) = try aggregate(e, expressions: &expressions, input: input, alias: s)
                    let name = "__arvio_aggregate\(scope.count)"
                    scope[name] = value
                    if let note { notes.append(note) }
                    result.kind = .column(name)
                } catch {
                    failure = error
                }
                _ = arguments
            case .call(let function, let arguments):
                result.kind = .call(function, arguments.map(replacing))
            case .unary(let op, let operand):
                result.kind = .unary(op, replacing(operand))
            case .binary(let op, let left, let right):
                result.kind = .binary(op, replacing(left), replacing(right))
            case .chain(let first, let links):
                result.kind = .chain(replacing(first), links.map { link in
                    var replaced = link
                    replaced.operand = replacing(link.operand)
                    return replaced
                })
            case .column:
                // A column outside an aggregate has no one value per group.
                failure = NotCompilable(reason: "a column outside an aggregate in aggregate")
            case .integer, .decimal, .string, .boolean, .missing:
                break
            default:
                failure = NotCompilable(reason: "an aggregate expression other than arithmetic and round/abs of aggregates")
            }
            return result
        }
        let outer = replacing(expression)
        if let failure { throw failure }
        guard !scope.isEmpty else { throw NotCompilable(reason: "an aggregate expression without an aggregate") }
        var compiler = ExpressionCompiler(columns: scope, parameters: expressions.parameters)
        let value = try compiler.compile(outer)
        expressions.parameters = compiler.parameters
        switch value.kind {
        case .integer, .decimal: return (value, notes)
        default: throw NotCompilable(reason: "an aggregate expression that is not a number")
        }
    }

    /// One aggregate of `group ... aggregate`, with the count of values it skips for its note.
    private mutating func aggregate(_ expression: Expression, expressions: inout ExpressionCompiler,
                                    input: Relation, alias s: String) throws(NotCompilable) -> (SQLValue, NoteColumn?) {
        guard case .call(let function, let arguments) = expression.kind, arguments.count <= 1 else {
            throw NotCompilable(reason: "an aggregate expression other than one aggregate call")
        }
        if function == "pct" {
            guard let argument = arguments.first else {
                return (SQLValue(sql: "((100::float8 * count(*)::float8) / (sum(count(*)) OVER ())::float8)", kind: .decimal), nil)
            }
            let condition = try expressions.compile(argument)
            guard condition.kind.isCondition else { throw NotCompilable(reason: "pct() of a value that is not a condition") }
            let sql = "((100::float8 * (count(*) FILTER (WHERE \(condition.sql)))::float8) / NULLIF(count(*) FILTER (WHERE \(condition.sql) IS NOT NULL), 0)::float8)"
            let note = NoteColumn(column: name("n"), aggregate: "pct(\(argument.columnName ?? "…"))",
                                  recount: "sum(count(*) FILTER (WHERE \(condition.sql) IS NULL)) OVER ()")
            return (SQLValue(sql: sql, kind: .decimal), note)
        }
        if function == "count" && arguments.isEmpty {
            return (SQLValue(sql: "count(*)::int8", kind: .integer), nil)
        }
        guard let argument = arguments.first, let columnName = argument.columnName,
              let column = input.columns.first(where: { $0.name == columnName }) else {
            throw NotCompilable(reason: "an aggregate of an expression (only of a column)")
        }
        let x = "\(s).\(q(columnName))"
        let skipped = "sum(count(*) - count(\(x))) OVER ()"
        func note() -> NoteColumn { NoteColumn(column: name("n"), aggregate: "\(function)(\(columnName))", recount: skipped) }
        switch function {
        case "count":
            return (SQLValue(sql: "count(\(x))::int8", kind: .integer), nil)
        case "n_distinct":
            return (SQLValue(sql: "count(DISTINCT \(x))::int8", kind: .integer), nil)
        case "min", "max":
            switch column.kind {
            case .integer, .decimal:
                return (SQLValue(sql: "\(function)(\(x))", kind: column.kind), note())
            case .category(let levels, true):
                let array = expressions.parameters.addArray(levels.map(\.value))
                let sql = "(\(array))[\(function)(array_position(\(array), \(x)))]"
                return (SQLValue(sql: sql, kind: column.kind), note())
            default:
                throw NotCompilable(reason: "\(function)() of a column that is not numbers or a scale")
            }
        case "mean", "sum", "sd", "median":
            let number: String
            var whole = false
            switch column.kind {
            case .integer: number = "\(x)::float8"; whole = true
            case .decimal: number = x
            case .category(let levels, true) where levels.allSatisfy({ $0.number != nil }):
                let values = expressions.parameters.addArray(levels.map(\.value))
                let numbers = expressions.parameters.add(SQLText.arrayParameter(levels.map { "\($0.number ?? 0)" }), as: "float8[]")
                number = "(\(numbers))[array_position(\(values), \(x))]"
            default:
                throw NotCompilable(reason: "\(function)() of a column that is not numbers or a numbered scale")
            }
            let sql: String
            var kind = SQLKind.decimal
            switch function {
            case "mean": sql = "avg(\(number))"
            case "sd": sql = "stddev_samp(\(number))"
            case "median": sql = "percentile_cont(0.5) WITHIN GROUP (ORDER BY \(number))"
            default:
                if whole {
                    // In memory a whole-number sum beyond ±9e18 is missing, and an empty one 0.
                    sql = "(CASE WHEN abs(COALESCE(sum(\(x)), 0)) > 9.0e18 THEN NULL ELSE COALESCE(sum(\(x)), 0) END)::int8"
                    kind = .integer
                } else {
                    sql = "COALESCE(sum(\(number)), 0)"
                }
            }
            return (SQLValue(sql: sql, kind: kind), note())
        default:
            throw NotCompilable(reason: "\(function)() as an aggregate")
        }
    }

    /// `join`: the right table is scanned as its own subquery; its rows follow the left rows'
    /// order, then their own.
    private mutating func join(_ join: JoinOperator, _ input: Relation, alias s: String,
                               output: PlanSchema) throws(NotCompilable) -> Relation {
        guard let table = catalog.tables[join.table] else {
            throw NotCompilable(reason: "join with \"\(join.table)\", which is not in the database")
        }
        let right = scan(table)
        let r = alias()
        var conditions: [String] = []
        for key in join.keys {
            guard let left = input.columns.first(where: { $0.name == key.left }),
                  let other = right.columns.first(where: { $0.name == key.right }) else {
                throw NotCompilable(reason: "a join key that is not known here")
            }
            let comparable = (left.kind.isWhole && other.kind.isWhole) || (left.kind.isTextual && other.kind.isTextual)
            guard comparable else { throw NotCompilable(reason: "join keys of different types") }
            conditions.append("\(s).\(q(key.left)) = \(r).\(q(key.right))")
        }
        var columns: [(name: String, kind: SQLKind)] = []
        var items: [String] = []
        for name in output.columnNames {
            if let left = input.columns.first(where: { $0.name == name }) {
                items.append("\(s).\(q(name))")
                columns.append(left)
            } else if let joined = join.columns.first(where: { $0.name == name }),
                      let source = right.columns.first(where: { $0.name == joined.source }) {
                items.append("\(r).\(q(joined.source)) AS \(q(name))")
                columns.append((name, source.kind))
            } else {
                throw NotCompilable(reason: "the joined column \"\(name)\" is not known here")
            }
        }
        items += input.hidden.map { "\(s).\(q($0))" }
        items += right.order.map { "\(r).\(q($0.name))" }
        let kind = join.isLeft ? "LEFT JOIN" : "JOIN"
        let on = conditions.isEmpty ? "true" : conditions.joined(separator: " AND ")
        let sql = "SELECT \(items.joined(separator: ", ")) FROM (\(input.sql)) AS \(s) \(kind) (\(right.sql)) AS \(r) ON \(on)"
        return Relation(sql: sql, columns: columns, order: input.order + right.order, notes: input.notes)
    }
}
