import ArvioData

/// Binding: from a parsed pipeline to a logical plan. Every table and column name is resolved
/// against the workspace as it is when the statement starts, and every operator's types are
/// checked on the schemas, so name and type errors are raised here with their positions,
/// before any row is read. The passes over the plan (`ColumnPruning`) run last.
enum Binder {
    /// Binds `statement` against `context.workspace`.
    static func bind(_ statement: Statement, in context: EvaluationContext) throws(Diagnostic) -> BoundStatement {
        switch statement.kind {
        case .show(let pipeline):
            return BoundStatement(action: .show, plan: try bind(pipeline, in: context))
        case .bind(let name, let pipeline):
            if VerbRegistry.verb(named: name.text) != nil {
                throw Diagnostic(name.position, "\"\(name.text)\" is a verb; give the table another name")
            }
            // A built-in or loaded table is data a person cannot make again with a statement,
            // so taking its name is asked for in words; a table `let` made may be remade.
            let workspace = context.workspace
            if !statement.replaces, workspace.table(named: name.text) != nil, !workspace.isMadeByLet(name.text) {
                throw Diagnostic(name.position, "there is already a table \"\(name.text)\" (built in or loaded); to replace it, write let replace \(name.text) = ..., or give the new table another name")
            }
            return BoundStatement(action: .keep(name: name.text), plan: try bind(pipeline, in: context))
        }
    }

    /// Binds `pipeline`, then prunes the columns no later operator needs.
    static func bind(_ pipeline: Pipeline, in context: EvaluationContext) throws(Diagnostic) -> LogicalPlan {
        var context = EvaluationContext(workspace: context.workspace, language: context.language, isCancelled: nil)
        context.isBinding = true
        if let text = pipeline.missingSource { throw missingTable(pipeline, text, in: context) }
        var plan = try scan(pipeline.source, in: context)
        var schema: PlanSchema? = plan.sourceSchema
        for step in pipeline.steps {
            let node = try step.verb.bind(BindInput(schema: schema, context: context, keyword: step.keyword))
            plan.nodes.append(node)
            schema = node.schema
        }
        return ColumnPruning.apply(to: plan)
    }

    /// The error for a statement that starts with its verb: it names the first table the steps
    /// bind on, so the suggestion runs as it stands.
    private static func missingTable(_ pipeline: Pipeline, _ text: String, in context: EvaluationContext) -> Diagnostic {
        let message = "a statement starts with a table name, then its verbs joined by \"|\""
        for table in context.workspace.tables {
            let token = Token(.identifier, table.name, pipeline.source.position)
            if (try? bind(Pipeline(source: token, steps: pipeline.steps), in: context)) != nil {
                return Diagnostic(pipeline.source.position, "\(message): \(table.name) | \(text)")
            }
        }
        let example = context.workspace.tableNames.first ?? "TABLE"
        return Diagnostic(pipeline.source.position, "\(message), as in \(example) | \(text); .tables lists the tables")
    }

    /// The plan that reads the workspace table `token` names, with no operators.
    static func scan(_ token: Token, in context: EvaluationContext) throws(Diagnostic) -> LogicalPlan {
        let table = try context.table(token)
        return LogicalPlan(source: table.name, sourcePosition: token.position,
                           sourceSchema: PlanSchema(of: table, origin: table.name, workspace: context.workspace),
                           nodes: [])
    }
}
