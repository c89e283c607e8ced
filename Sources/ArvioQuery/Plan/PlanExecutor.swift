import ArvioData

/// Something that runs a bound plan and gives its result: the in-memory engine
/// (`InMemoryExecutor`), or a compiler that sends the plan to a database.
public protocol PlanExecutor: Sendable {
    /// Runs `plan` against `context.workspace`. Names and types were checked when the plan was
    /// bound; what can fail here depends on the data (a join too large, a phase that is not
    /// there, the user's Ctrl-C).
    func execute(_ plan: LogicalPlan, in context: EvaluationContext) throws(Diagnostic) -> PlanResult
}

/// What an executor gives: the result table (its notes and statistics attached) and the
/// workspace table whose relations still apply to its rows.
public struct PlanResult: Sendable {
    /// The result.
    public var table: Table
    /// The workspace table whose key and relations still apply to the rows, or nil.
    public var origin: String?

    /// Creates a result.
    public init(table: Table, origin: String?) {
        self.table = table
        self.origin = origin
    }
}
