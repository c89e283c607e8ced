/// One statement: a pipeline to show, or `let [replace] NAME = pipeline` to keep.
struct Statement: Sendable {
    /// What the statement does.
    enum Kind: Sendable {
        /// Evaluate and show.
        case show(Pipeline)
        /// Evaluate and keep under a name.
        case bind(name: Token, Pipeline)
    }

    /// What the statement does.
    var kind: Kind
    /// The statement's first token, for messages about the whole statement.
    var start: SourcePosition
    /// Whether a `let` was written `let replace`: it may take the name of a built-in or loaded
    /// table, which a plain `let` may not.
    var replaces = false
}

/// A table, then verbs joined by `|`.
struct Pipeline: Sendable {
    /// The table name the pipeline starts from.
    var source: Token
    /// The verbs, in order.
    var steps: [Step]
    /// For a statement that starts with a verb (`count by org`), the step's text: the binder
    /// then names the table it could start from instead of running it.
    var missingSource: String? = nil
}

/// One verb in a pipeline, with the token that named it.
struct Step: Sendable {
    /// The verb's name token (`where`).
    var keyword: Token
    /// The parsed verb, to bind.
    var verb: any Verb
}

/// A named expression: `n = count()`, or a bare expression named after itself.
public struct NamedExpression: Sendable {
    /// The output column's name.
    public var name: String
    /// Where the name (or the expression, when unnamed) is.
    public var namePosition: SourcePosition
    /// The expression.
    public var expression: Expression
}
