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
            let next: Frame
            do throws(Diagnostic) {
                try context.checkCancelled(at: node.position)
                next = StatisticsCarry.carry(from: frame, to: try node.verbValue.apply(to: frame, in: context, keyword: node.keyword),
                                             operation: node.operation, verb: node.verb)
            } catch {
                LaterRelease.release(consume frame)
                throw error
            }
            // The frame before may hold what the step made and the next one no longer needs.
            LaterRelease.release(consume frame)
            frame = next
        }
        guard let last = nodes.last else { return PlanResult(table: frame.materialized(), origin: frame.origin) }
        let table: Table
        do throws(Diagnostic) {
            table = try frame.materialized(context: context, at: last.position)
        } catch {
            LaterRelease.release(consume frame)
            throw error
        }
        let origin = frame.origin
        LaterRelease.release(consume frame)
        return PlanResult(table: table, origin: origin)
    }
}
