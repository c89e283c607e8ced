import ArvioData
import ArvioQuery

/// Runs plans on the tables of a PostgreSQL database: the longest prefix of each plan that
/// compiles runs as one SQL statement, its (small) result comes back, and the in-memory engine
/// runs the rest with the same code as for loaded data, so an analysis verb computes its exact
/// statistics locally from what the server counted and filtered. A plan on local tables runs
/// in memory; a remote table it joins is read first.
public struct RemoteExecutor: PlanExecutor {
    /// The connection the statements go through.
    public let connection: PostgresConnection
    /// The remote tables and their relations, as read at `.connect`.
    public let catalog: RemoteCatalog

    /// Creates an executor for `catalog`'s tables through `connection`.
    public init(connection: PostgresConnection, catalog: RemoteCatalog) {
        self.connection = connection
        self.catalog = catalog
    }

    /// The remote tables as they stand in a workspace: columns and types, no rows.
    public func adding(to workspace: Workspace) -> (workspace: Workspace, skipped: [String]) {
        var result = workspace
        var skipped: [String] = []
        for name in catalog.tableNames {
            guard let table = catalog.tables[name] else { continue }
            if workspace.table(named: name) != nil {
                // A loaded table keeps its name; the remote one is left out and reported.
                skipped.append(name)
                continue
            }
            result.add(table.placeholder)
        }
        for relation in catalog.relations where !skipped.contains(relation.table) && !skipped.contains(relation.target) {
            result.add(relation)
        }
        return (result, skipped)
    }

    /// Whether `name` is a remote table.
    public func isRemote(_ name: String) -> Bool { catalog.tables[name] != nil }

    public func execute(_ plan: LogicalPlan, in context: EvaluationContext) throws(Diagnostic) -> PlanResult {
        guard let compiled = SQLCompiler.compile(plan, catalog: catalog, keeping: Self.columnsRead,
                                                 delta: deltaRequest(in: context.workspace),
                                                 units: unitsRequest(in: context.workspace)) else {
            let local = try materializing(plan.nodes[...], source: plan.source, in: context, at: plan.sourcePosition)
            var result = try InMemoryExecutor().execute(plan, in: local.context)
            if !local.read.isEmpty {
                let list = local.read.joined(separator: ", ")
                result.table.notes.append(Localized(en: "read whole from the database to run in memory: \(list)",
                                                    fi: "luettiin kokonaan tietokannasta muistissa laskemista varten: \(list)"))
            }
            return result
        }
        let rows = try run(compiled.sql, compiled.parameters, context: context, at: plan.sourcePosition)
        if let request = compiled.describe {
            let node = plan.nodes[compiled.operatorCount]
            let summaries = DescribeMoments.decode(rows.rows, groupCount: request.groups.count)
            var result = try node.runOnDescribeMoments(summaries, request: request, schema: compiled.schema, in: context)
            // The notes of the steps before (an aggregate's skipped values) stay first, as in memory.
            result.table.notes = Self.notes(compiled, rows) + result.table.notes
            let n = rows.rows.count
            return try finishing(result, after: plan, compiled, in: context, note: Localized(
                en: "describe computed in memory from \(n) row\(n == 1 ? "" : "s") of moments and quantiles fetched from the database",
                fi: "describe laskettiin muistissa \(n) tietokannasta haetusta tunnusluku- ja kvantiilirivistä"))
        }
        if let request = compiled.delta {
            let node = plan.nodes[compiled.operatorCount]
            let tally = DeltaTally(rows: rows.rows, groupCount: request.groups.count)
            let result = try node.runOnDeltaTally(tally, request: request, schema: compiled.schema, in: context)
            let n = rows.rows.count
            return try finishing(result, after: plan, compiled, in: context, note: Localized(
                en: "delta computed in memory from \(n) tally row\(n == 1 ? "" : "s") fetched from the database (pairs, units and unpaired rows counted by the server)",
                fi: "delta laskettiin muistissa \(n) tietokannasta haetusta yhteenvetorivistä (parit, yksiköt ja parittomat rivit laskettiin palvelimella)"))
        }
        var template = compiled.schema.table
        if let countColumn = compiled.countColumn {
            template.columns.append(Column(name: countColumn, data: .integer([])))
            template.key = []
        }
        var table = try decode(rows, into: template, columns: compiled.columns, name: plan.source,
                               at: plan.sourcePosition)
        table.notes = Self.notes(compiled, rows)
        let input = PlanResult(table: table, origin: compiled.schema.origin)
        guard compiled.operatorCount < plan.nodes.count else { return input }
        if let countColumn = compiled.countColumn {
            let node = plan.nodes[compiled.operatorCount]
            let units = compiled.units.map { ($0, Self.facts(of: $0, compiled, rows)) }
            var result = try node.runOnCounts(input, countColumn: countColumn, key: compiled.schema.key, units: units,
                                              in: context)
            let rest = plan.nodes[(compiled.operatorCount + 1)...]
            if !rest.isEmpty {
                let local = try materializing(rest, source: plan.source, in: context, at: plan.sourcePosition)
                result = try InMemoryExecutor().execute(rest, on: result, in: local.context)
            }
            let n = table.rowCount
            var how = (en: "", fi: "")
            if let (request, facts) = units, facts.units < facts.rows {
                how = facts.reducesToUnits(rowLevel: request.rowLevel)
                    ? (" (one per \(request.unit): the server found that \(request.analysed.joined(separator: ", ")) do not vary within it)",
                       " (yksi kutakin \(request.unit)-arvoa kohden: palvelin totesi, ettei \(request.analysed.joined(separator: ", ")) vaihtele sen sisällä)")
                    : (" (of every row; the unit rule on \(request.unit) was decided by the server)",
                       " (jokaisesta rivistä; yksikkösäännön \(request.unit)-arvon mukaan ratkaisi palvelin)")
            }
            result.table.notes.append(Localized(
                en: "\(node.verb) computed in memory from \(n) count\(n == 1 ? "" : "s") fetched from the database\(how.en)",
                fi: "\(node.verb) laskettiin muistissa \(n) tietokannasta haetusta frekvenssistä\(how.fi)"))
            return result
        }
        let rest = plan.nodes[compiled.operatorCount...]
        let local = try materializing(rest, source: plan.source, in: context, at: plan.sourcePosition)
        var result = try InMemoryExecutor().execute(rest, on: input, in: local.context)
        let verbs = rest.map(\.verb).joined(separator: ", ")
        let size = "\(table.rowCount) row\(table.rowCount == 1 ? "" : "s") × \(table.columns.count) column\(table.columns.count == 1 ? "" : "s")"
        let also = local.read.isEmpty ? "" : "; also read whole: " + local.read.joined(separator: ", ")
        let alsoFi = local.read.isEmpty ? "" : "; lisäksi luettiin kokonaan: " + local.read.joined(separator: ", ")
        result.table.notes.append(Localized(
            en: "\(verbs) ran in memory on \(size) fetched from the database\(also)",
            fi: "\(verbs) laskettiin muistissa tietokannasta haetuista tiedoista (\(table.rowCount) riviä × \(table.columns.count) saraketta)\(alsoFi)"))
        return result
    }

    /// `result` of the analysis the statement fed, with the steps after it run in memory and
    /// `note` (what was fetched) last.
    private func finishing(_ result: PlanResult, after plan: LogicalPlan, _ compiled: CompiledStatement,
                           in context: EvaluationContext, note: Localized) throws(Diagnostic) -> PlanResult {
        var result = result
        let rest = plan.nodes[(compiled.operatorCount + 1)...]
        if !rest.isEmpty {
            let local = try materializing(rest, source: plan.source, in: context, at: plan.sourcePosition)
            result = try InMemoryExecutor().execute(rest, on: result, in: local.context)
        }
        result.table.notes.append(note)
        return result
    }

    /// The tally request of a `delta` that the server can pair, when its related tables are
    /// not needed whole for reasons (`PlanNode.deltaTallyRequest`).
    func deltaRequest(in workspace: Workspace) -> (PlanNode, PlanSchema) -> DeltaTallyRequest? {
        { node, schema in node.deltaTallyRequest(input: schema, workspace: workspace) }
    }

    /// What the unit rule of an analysis of repeated answers needs the server to find out,
    /// with the workspace's relations naming the units (`PlanNode.repeatedAnswersRequest`).
    func unitsRequest(in workspace: Workspace) -> (PlanNode, PlanSchema) -> RepeatedAnswersRequest? {
        { node, schema in node.repeatedAnswersRequest(input: schema, workspace: workspace) }
    }

    /// What running `plan` would do: the SQL and its parameters, and what runs in memory.
    public func explain(_ plan: LogicalPlan, in workspace: Workspace) -> String {
        guard let compiled = SQLCompiler.compile(plan, catalog: catalog, keeping: Self.columnsRead,
                                                 delta: deltaRequest(in: workspace), units: unitsRequest(in: workspace)) else {
            let joined = tablesNeeded(by: plan.nodes[...], source: plan.source, workspace: workspace)
            var text = "runs in memory: \(plan.source) is a loaded table, not one in the database"
            if !joined.isEmpty { text += "\nreads whole from the database first: \(joined.joined(separator: ", "))" }
            return text
        }
        var pushed = plan.nodes.prefix(compiled.operatorCount).map(\.verb)
        if compiled.delta != nil { pushed.append("delta's pairing") }
        if compiled.describe != nil { pushed.append("describe's aggregates") }
        var lines: [String] = []
        lines.append(pushed.isEmpty
            ? "in PostgreSQL: reads \(plan.source) (no step of the pipeline compiles to SQL)"
            : "in PostgreSQL: \(plan.source) | \(pushed.joined(separator: " | ")), one statement:")
        lines.append("  " + compiled.sql)
        for (index, value) in compiled.parameters.enumerated() {
            lines.append("  $\(index + 1) = " + (value.map { "'" + $0.replacingAll("'", with: "''") + "'" } ?? "NULL"))
        }
        if compiled.operatorCount < plan.nodes.count {
            let rest = plan.nodes[compiled.operatorCount...]
            lines.append("then in memory: \(rest.map(\.verb).joined(separator: " | "))\(compiled.delta != nil ? " (its statistics)" : "")")
            if let reason = compiled.stopReason, compiled.delta == nil, compiled.describe == nil { lines.append("  because \(reason)") }
            if compiled.describe != nil {
                lines.append("  describe from the moments and quantiles the statement returns, one row per group and variable")
            } else if compiled.delta != nil {
                lines.append("  delta from the tally the statement returns: (pre, post) pairs and units' sums per group, unpaired rows, the units the notes name")
            } else if compiled.countColumn != nil {
                let counted = compiled.columns.dropLast().joined(separator: ", ")
                lines.append("  \(rest.first?.verb ?? "") from the counts of each combination of \(counted) the statement returns")
                if let units = compiled.units {
                    let how = units.rowLevel ? "counted over rows, as asked (rows)"
                        : "counted once per \(units.unit) when none varies, else over rows"
                    lines.append("  the statement also finds whether \(units.analysed.joined(separator: ", ")) vary within \(units.unit) (the unit rule) and how many rows each \(units.unit) has; \(how)")
                }
            } else {
                lines.append("  on the columns \(compiled.columns.joined(separator: ", ")) of the rows the statement returns")
            }
            let joined = tablesNeeded(by: compiled.countColumn == nil && compiled.delta == nil && compiled.describe == nil ? rest : rest.dropFirst(), source: plan.source,
                                      workspace: workspace)
            if !joined.isEmpty { lines.append("  reads whole from the database first: \(joined.joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n")
    }

    /// The columns `nodes` read from their input, working back from the end as column pruning
    /// does; nil when they may read any.
    static func columnsRead(_ nodes: ArraySlice<PlanNode>) -> Set<String>? {
        var needed: Set<String>?
        for node in nodes.reversed() {
            guard let reads = node.reads else { return nil }
            if !node.keepsOtherColumns {
                needed = reads
            } else if let later = needed {
                needed = reads.union(later.subtracting(node.produces))
            } else {
                return nil
            }
        }
        return needed
    }

    /// The unit rule as the statement decided it for `request`, from the hidden columns after
    /// the note columns (`SQLCompiler.repeatedCounts`); no rows means no rows to analyse.
    static func facts(of request: RepeatedAnswersRequest, _ compiled: CompiledStatement,
                      _ rows: QueryResult) -> RepeatedAnswersFacts {
        let analysed = SQLCompiler.analysedOnce(request)
        let start = compiled.columns.count + compiled.notes.count
        guard let first = rows.rows.first, first.count >= start + SQLCompiler.unitFactCount + analysed.count else {
            return RepeatedAnswersFacts(rows: 0, units: 0, smallestUnit: 0, largestUnit: 0, varying: [])
        }
        let value = { (index: Int) -> Int in first[start + index].flatMap { Int($0) } ?? 0 }
        let rowCount = value(0), withUnit = value(1), alone = value(2)
        // A row with no unit is a unit of one row.
        var smallest = withUnit > 0 ? value(3) : 1, largest = withUnit > 0 ? value(4) : 1
        if alone > 0 { smallest = min(smallest, 1); largest = max(largest, 1) }
        let varying = analysed.enumerated().filter { value(SQLCompiler.unitFactCount + $0.offset) == 1 }.map(\.element)
        return RepeatedAnswersFacts(rows: rowCount, units: withUnit + alone, smallestUnit: smallest, largestUnit: largest,
                                    varying: Set(varying))
    }

    /// The notes of the aggregates that ran in SQL, as the in-memory engine writes them.
    private static func notes(_ compiled: CompiledStatement, _ rows: QueryResult) -> [Localized] {
        guard let first = rows.rows.first else { return [] }
        var notes: [Localized] = []
        for (index, note) in compiled.notes.enumerated() {
            let column = compiled.columns.count + index
            guard column < first.count, let text = first[column], let skipped = Int(text), skipped > 0 else { continue }
            let plural = skipped == 1 ? "" : "s"
            notes.append(Localized(en: "\(note.aggregate) skipped \(skipped) missing value\(plural)",
                                   fi: "\(note.aggregate) ohitti \(skipped) puuttuva\(skipped == 1 ? "n" : "a") arvo\(skipped == 1 ? "n" : "a")"))
        }
        return notes
    }

    private func run(_ sql: String, _ parameters: [String?], context: EvaluationContext,
                     at position: SourcePosition) throws(Diagnostic) -> QueryResult {
        try context.checkCancelled(at: position)
        do {
            return try connection.query(sql, parameters, isCancelled: context.isCancelled)
        } catch {
            if error.kind == .cancelled {
                throw Diagnostic(position, "stopped: the statement was cancelled", isCancellation: true)
            }
            throw Diagnostic(position, error.message)
        }
    }

    /// The remote tables the in-memory engine needs whole to run `nodes` after a plan on
    /// `source`: those they join, and for `delta` and `attrition`, the tables related to the
    /// plan's tables (they find a unit's follow-up status in the table of units, and the
    /// answers of a unit in the table that refers to it).
    func tablesNeeded(by nodes: ArraySlice<PlanNode>, source: String, workspace: Workspace) -> [String] {
        var needed: [String] = []
        var origins = [source]
        for node in nodes {
            if case .join(let join) = node.operation {
                origins.append(join.table)
                if isRemote(join.table), !needed.contains(join.table), join.table != source || !isRemote(source) {
                    needed.append(join.table)
                }
            }
        }
        // Only the paired verbs (and crosstab's paired form) read other tables' rows (PairingUnits, Attrition): a unit's
        // follow-up status in the table of units, its answers in the table that refers to it.
        let analyses = nodes.contains { node in
            switch node.operation {
            case .delta, .attrition: true
            case .crosstab(let crosstab): crosstab.paired
            default: false
            }
        }
        if analyses {
            for relation in workspace.relations {
                for (from, to) in [(relation.table, relation.target), (relation.target, relation.table)]
                    where origins.contains(from) && isRemote(to) && !needed.contains(to) {
                    needed.append(to)
                }
            }
        }
        return needed
    }

    /// The context with the remote tables `tablesNeeded` names read into the workspace.
    private func materializing(_ nodes: ArraySlice<PlanNode>, source: String, in context: EvaluationContext,
                               at position: SourcePosition) throws(Diagnostic) -> (context: EvaluationContext, read: [String]) {
        var workspace = context.workspace
        let names = tablesNeeded(by: nodes, source: source, workspace: workspace)
        var read: [String] = []
        for name in names {
            guard let table = catalog.tables[name] else { continue }
            let statement = SQLCompiler.scanStatement(table, catalog: catalog)
            let rows = try run(statement.sql, statement.parameters, context: context, at: position)
            let template = table.placeholder
            let fetched = try decode(rows, into: template, columns: template.columnNames, name: table.name, at: position)
            let relations = workspace.relations.filter { $0.table == table.name }
            workspace.add(fetched)
            for relation in relations { workspace.add(relation) }
            read.append("\(name) (\(fetched.rowCount) row\(fetched.rowCount == 1 ? "" : "s"))")
        }
        let local = names.isEmpty ? context : EvaluationContext(workspace: workspace, language: context.language,
                                                                 isCancelled: context.isCancelled)
        return (local, read)
    }

    /// The rows of `result` as a table with `template`'s columns (types, levels, labels,
    /// formats), the first `columns.count` values of each row being those columns.
    func decode(_ result: QueryResult, into template: Table, columns: [String], name: String,
                at position: SourcePosition) throws(Diagnostic) -> Table {
        var built: [Column] = []
        for (index, columnName) in columns.enumerated() {
            guard var column = template.column(named: columnName), index < result.columns.count else {
                throw Diagnostic(position, "the database returned fewer columns than expected (no \"\(columnName)\")")
            }
            func bad(_ text: String) -> Diagnostic {
                Diagnostic(position, "the database returned \"\(text)\" in column \"\(columnName)\", which is not \(column.type == .integer ? "a whole number" : column.type == .decimal ? "a number" : "one of its values known at .connect"); connect again if the table has changed")
            }
            switch column.data {
            case .integer:
                var values: [Int64] = []
                values.reserveCapacity(result.rows.count)
                for row in result.rows {
                    guard let text = row[index] else { values.append(Missing.integer); continue }
                    guard let value = Int64(text), !Missing.isMissing(value) else { throw bad(text) }
                    values.append(value)
                }
                column.data = .integer(values)
            case .decimal:
                var values: [Double] = []
                values.reserveCapacity(result.rows.count)
                for row in result.rows {
                    guard let text = row[index] else { values.append(Missing.decimal); continue }
                    guard let value = Double(text) else { throw bad(text) }
                    values.append(value)
                }
                column.data = .decimal(values)
            case .text:
                column.data = .text(result.rows.map { $0[index] })
            case .categorical(let data, let ordered):
                var codeOf: [String: UInt32] = [:]
                for (position, level) in data.levels.enumerated() where codeOf[level.value] == nil {
                    codeOf[level.value] = UInt32(position + 1)
                }
                var codes: [UInt32] = []
                codes.reserveCapacity(result.rows.count)
                for row in result.rows {
                    guard let text = row[index] else { codes.append(0); continue }
                    guard let code = codeOf[text] else { throw bad(text) }
                    codes.append(code)
                }
                var decoded = data
                decoded.codes = Codes(codes, levelCount: data.levels.count)
                column.data = .categorical(decoded, ordered: ordered)
            }
            built.append(column)
        }
        let names = Set(columns)
        let key = template.key.allSatisfy(names.contains) ? template.key : []
        return Table(name: name, columns: built, rowCount: result.rows.count, key: key)
    }
}
