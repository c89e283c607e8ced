import ArvioData

/// One operator of a bound plan, with the columns it reads and produces and the schema after it.
public struct PlanNode: Sendable {
    /// What the operator does, with its resolved arguments.
    public internal(set) var operation: PlanOperator
    /// The verb's name as written (`where`), for messages and `.help`.
    public var verb: String { keyword.text }
    /// Where the verb's name is in the statement.
    public var position: SourcePosition { keyword.position }
    /// The input columns the operator reads; nil when it may read any column (`associate`
    /// relates the outcome to every other column, `distinct` with no columns compares all).
    public let reads: Set<String>?
    /// The columns it adds or replaces (all of its output when it does not keep its input's).
    public let produces: [String]
    /// Whether input columns that it neither reads nor produces reach its output unchanged
    /// (`where`, `derive`, `join`), rather than being dropped (`select`, `group`, `crosstab`).
    public let keepsOtherColumns: Bool
    /// The schema after the operator; nil when it depends on the data (the columns of a
    /// cross-tab are the categories that occur), so later steps are checked as they run.
    public let schema: PlanSchema?

    /// The verb's name token.
    let keyword: Token
    /// The verb as the in-memory executor applies it.
    var verbValue: any Verb

    init(_ operation: PlanOperator, verb: any Verb, keyword: Token, reads: Set<String>?, produces: [String],
         keepsOtherColumns: Bool, schema: PlanSchema?) {
        self.operation = operation
        self.verbValue = verb
        self.keyword = keyword
        self.reads = reads
        self.produces = produces
        self.keepsOtherColumns = keepsOtherColumns
        self.schema = schema
    }
}
