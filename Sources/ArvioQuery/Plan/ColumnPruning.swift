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
