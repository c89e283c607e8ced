import ArvioData

/// Runs a plan on the tables in memory: each operator applies its verb to the frame before it
/// (a table and a selection vector), with the fast paths of the verbs (dictionary codes, dense
/// keys, work split between the cores).
public struct InMemoryExecutor: PlanExecutor {
    /// Creates the executor.
    public init() {}

    /// Runs the whole plan.
    public func execute(_ plan: LogicalPlan, in context: EvaluationContext) throws(Diagnostic) -> PlanResult {
        guard let table = context.workspace.table(named: plan.source) else {
            throw Diagnostic(plan.sourcePosition, "there is no table \"\(plan.source)\"")
        }
        var start = table
        start.notes = []
        start.statistics = []
        return try execute(plan.nodes[...], on: PlanResult(table: start, origin: table.name), in: context)
    }

    /// Runs `nodes` on `input`: the rest of a plan whose first operators another executor ran.
    public func execute(_ nodes: ArraySlice<PlanNode>, on input: PlanResult,
                        in context: EvaluationContext) throws(Diagnostic) -> PlanResult {
        var frame = Frame(table: input.table, origin: input.origin)
        for node in nodes {
            try context.checkCancelled(at: node.position)
            let before = frame
            frame = try node.verbValue.apply(to: frame, in: context, keyword: node.keyword)
            frame = StatisticsCarry.carry(from: before, to: frame, operation: node.operation, verb: node.verb)
        }
        return PlanResult(table: frame.materialized(), origin: frame.origin)
    }
}
