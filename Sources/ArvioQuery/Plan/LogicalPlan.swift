import ArvioData

/// A pipeline bound against the workspace: the table it starts from, then its operators in
/// order. Every name in it has been resolved and every type checked against the schemas, so an
/// executor can run it (or compile it) without checking names again.
public struct LogicalPlan: Sendable {
    /// The workspace table the rows come from.
    public let source: String
    /// Where the table's name is in the statement.
    public let sourcePosition: SourcePosition
    /// The schema of the source table.
    public let sourceSchema: PlanSchema
    /// The operators, in order.
    public internal(set) var nodes: [PlanNode]

    /// The schema of the result; nil when an operator's output depends on the data.
    public var schema: PlanSchema? { nodes.isEmpty ? sourceSchema : nodes[nodes.count - 1].schema }
}

/// A statement bound against the workspace: a plan, and what to do with its result.
public struct BoundStatement: Sendable {
    /// Show the result, or keep it in the workspace under `name`.
    public enum Action: Sendable, Hashable {
        /// Show the result.
        case show
        /// `let name = ...`: keep the result under `name`.
        case keep(name: String)
    }

    /// What to do with the result.
    public let action: Action
    /// The plan that computes the result.
    public let plan: LogicalPlan
}
