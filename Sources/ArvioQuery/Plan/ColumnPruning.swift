import ArvioData

/// Projection pushdown: a pass from the end of the plan to its start that works out which
/// columns each operator's output must still have, from the columns every operator declares it
/// reads and produces, and lets an operator that gathers columns (a join gathers every column
/// of both tables, most of its cost when the right table is wide) keep only those.
enum ColumnPruning {
    /// The plan with each operator that can narrow its output told which columns are needed.
    static func apply(to plan: LogicalPlan) -> LogicalPlan {
        var result = plan
        // nil: every column (the end of the pipeline shows them all).
        var needed: Set<String>?
        for index in result.nodes.indices.reversed() {
            if let needed { result.nodes[index].narrow(to: needed) }
            needed = required(by: result.nodes[index], after: needed)
        }
        return result
    }

    /// The input columns `node` needs when `needed` are needed of its output.
    static func required(by node: PlanNode, after needed: Set<String>?) -> Set<String>? {
        guard let reads = node.reads else { return nil }
        guard node.keepsOtherColumns else { return reads }
        guard let needed else { return nil }
        return reads.union(needed.subtracting(node.produces))
    }
}

extension PlanNode {
    /// Tells the operator that only `names` of its output are needed, if it can use that.
    mutating func narrow(to names: Set<String>) {
        guard let narrowed = verbValue.narrowed(to: names) else { return }
        verbValue = narrowed.verb
        operation = narrowed.operation
    }
}

/// Which columns of which workspace tables some statements read: for each table named, the
/// set of its columns, or nil for every column.
public struct ColumnDemand: Sendable {
    /// The tables and their columns (nil: every column).
    public private(set) var tables: [String: Set<String>?] = [:]

    /// No table read.
    public init() {}

    /// Adds `columns` of `table` (nil: every column) to what is read.
    public mutating func add(_ table: String, _ columns: Set<String>?) {
        // `.some`: a nil value (every column) must be stored, not remove the entry.
        if let existing = tables[table] {
            tables[table] = .some(existing.flatMap { old in columns.map { old.union($0) } })
        } else {
            tables[table] = .some(columns)
        }
    }

    /// Adds all that `other` reads.
    public mutating func add(_ other: ColumnDemand) {
        for (table, columns) in other.tables { add(table, columns) }
    }

    /// Takes `table` out, returning what was read of it: nil when nothing was, `.some(nil)`
    /// when every column was.
    @discardableResult
    public mutating func remove(_ table: String) -> Set<String>?? {
        tables.removeValue(forKey: table)
    }
}

extension LogicalPlan {
    /// The columns of each workspace table the plan reads when `needed` of its result are
    /// needed (nil: all of them, as when the result is shown): the source table's from the same
    /// pass as `ColumnPruning`, a joined table's from the join's key and the right columns
    /// needed after it. A `.load` of a script reads only these (`LoadProjection` in the shell),
    /// so each must be a superset of what running reads.
    public func tableColumns(needed: Set<String>?) -> ColumnDemand {
        var demand = ColumnDemand()
        func add(_ table: String, _ columns: Set<String>?) { demand.add(table, columns) }
        var needed = needed
        for index in nodes.indices.reversed() {
            let node = nodes[index]
            let input = index == 0 ? sourceSchema : nodes[index - 1].schema
            switch node.operation {
            case .join(let join):
                if let needed, node.schema != nil {
                    let right = join.columns.filter { needed.contains($0.name) }.map(\.source)
                    // A right column `d` renamed `d_table` (or `d_table_table`, `Join.rightNames`)
                    // decides the name of a right column so called, so it is read whenever one is.
                    let names = join.right.sourceSchema.columnNames
                    let renaming = join.columns.map(\.source).filter { source in
                        names.contains { $0.hasPrefix("\(source)_\(join.table)") }
                    }
                    add(join.table, Set(join.keys.map(\.right)).union(right).union(renaming))
                } else {
                    add(join.table, nil)
                }
            case .stack(let stack):
                for table in stack.tables { add(table.text, nil) }
            default:
                break
            }
            needed = ColumnPruning.requiredForLoad(by: node, input: input, after: needed)
        }
        add(source, needed)
        return demand
    }
}

extension ColumnPruning {
    /// `required(by:after:)`, with what a load must also keep for running on fewer columns to
    /// give what running on all of them does: the input columns whose names decide a join's
    /// names for its right columns (`name_table`), and the columns `delta` reads without naming
    /// them in its plan (the key, and the status or reason of `PairingUnits.reasonColumn`).
    static func requiredForLoad(by node: PlanNode, input: PlanSchema?, after needed: Set<String>?) -> Set<String>? {
        switch node.operation {
        case .join(let join):
            guard let input, let required = required(by: node, after: needed) else { return nil }
            let right = join.right.sourceSchema.columnNames
            let decides = { (name: String) in
                right.contains { name == $0 || name.hasPrefix("\($0)_\(join.table)") }
            }
            return required.union(input.columnNames.filter(decides))
        case .delta(let delta):
            guard let input else { return nil }
            let spec = delta.spec
            var reads = Set(([spec.value] + [spec.second, spec.phase].compactMap { $0 } + spec.on + spec.per).map(\.text))
            reads.formUnion(input.key)
            reads.formUnion(input.columnNames.filter { PairingUnits.isStatusOrReason($0) })
            return reads
        default:
            return required(by: node, after: needed)
        }
    }
}

extension Session {
    /// Binds the statements of `source` in order against `workspace`, without running any:
    /// each `let` puts its result's schema (a table without rows) in `workspace` for the
    /// statements after it, or takes the name out when the schema depends on the data.
    public static func bindInOrder(_ source: String, file: String, firstLine: Int, workspace: inout Workspace,
                                   language: Language) throws(Diagnostic) -> [BoundStatement] {
        var result: [BoundStatement] = []
        for statement in try Parser.statements(in: source, file: file, firstLine: firstLine) {
            let bound = try Binder.bind(statement, in: EvaluationContext(workspace: workspace, language: language, isCancelled: nil))
            if case .keep(let name) = bound.action {
                if var table = bound.plan.schema?.table {
                    table.name = name
                    workspace.add(table, madeByLet: true)
                } else {
                    workspace.remove(named: name)
                }
            }
            result.append(bound)
        }
        return result
    }
}
