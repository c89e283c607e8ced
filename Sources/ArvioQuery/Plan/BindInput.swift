import ArvioData

/// What a verb is bound against: the schema before it (nil when it is known only at run time,
/// after an operator whose output depends on the data), the workspace and the verb's token.
struct BindInput {
    /// The schema of the verb's input.
    let schema: PlanSchema?
    /// The workspace and language; never cancelled, since binding reads no rows.
    let context: EvaluationContext
    /// The verb's name token.
    let keyword: Token

    /// The node of a verb whose output schema follows from its input's: the verb is applied to
    /// the input's schema (a table with no rows), so it checks names and types exactly as it
    /// will when it runs, and what it returns is the output schema.
    func node(_ operation: PlanOperator, verb: some Verb, reads: Set<String>?, produces: [String],
              keepsOtherColumns: Bool) throws(Diagnostic) -> PlanNode {
        var output: PlanSchema?
        if let schema {
            let frame = try verb.apply(to: schema.frame, in: context, keyword: keyword)
            output = PlanSchema(of: frame.table, origin: frame.origin, workspace: context.workspace)
        }
        return PlanNode(operation, verb: verb, keyword: keyword, reads: reads, produces: produces,
                        keepsOtherColumns: keepsOtherColumns, schema: output)
    }

    /// The node of an analysis verb, whose output (categories as columns, one row per item
    /// found) depends on the data: its names are checked here, its output schema is not known.
    func analysisNode(_ operation: PlanOperator, verb: some Verb, reads: Set<String>?) -> PlanNode {
        PlanNode(operation, verb: verb, keyword: keyword, reads: reads, produces: [],
                 keepsOtherColumns: false, schema: nil)
    }

    /// Checks that each column the tokens name is in the input, in order, with the message and
    /// suggestion the verb gives when it runs. Nothing is checked when the schema is unknown.
    func requireColumns(_ tokens: [Token]) throws(Diagnostic) {
        guard let schema else { return }
        for token in tokens {
            _ = try context.column(token.text, in: schema.table, at: token.position)
        }
    }

    /// The columns an analysis verb reads: the ones it names and the input's key, from which
    /// the unit of a row is found.
    func analysisReads(_ tokens: [Token]) -> Set<String> {
        Set(tokens.map(\.text)).union(schema?.key ?? [])
    }
}
