import ArvioData

/// `aggregate name = f(x), ...` without `group`: the aggregates over all rows, as one row (also
/// when there are no rows, as SQL gives for an aggregate without GROUP BY).
struct Aggregate: Verb {
    static let name = "aggregate"
    var aggregates: [NamedExpression]

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Aggregate {
        Aggregate(aggregates: try parser.namedExpressions(expected: "what to compute after \"aggregate\", such as mean(score) or n = count()"))
    }

    /// The same operator as `group` with no keys, so a plan walker sees one kind of aggregate.
    private var group: Group { Group(keys: [], aggregates: aggregates) }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        let reads = aggregates.reduce(Set<String>()) { $0.union($1.expression.columnNames) }
        return try input.node(.aggregate(keys: [], aggregates: aggregates), verb: self, reads: reads,
                              produces: aggregates.map(\.name), keepsOtherColumns: false)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        try group.apply(to: frame, in: context, keyword: keyword)
    }
}
