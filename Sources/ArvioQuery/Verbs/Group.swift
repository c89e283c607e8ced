import ArvioData

/// `group k1, k2 aggregate name = f(x), ...`: one row per combination of the keys that occurs,
/// in key order (scale order for ordinal keys, missing last), with the aggregates per group.
struct Group: Verb {
    static let name = "group"
    var keys: [Token]
    var aggregates: [NamedExpression]

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Group {
        if parser.current.isWord("by"), parser.following.kind == .identifier, !parser.following.isWord("aggregate") {
            // SQL's and pandas' "group by": the keys follow "group" directly here.
            throw Diagnostic(parser.current.position, "\"group\" takes its columns directly, without \"by\": group \(parser.following.text) aggregate …")
        }
        let keys = try parser.names(expected: "a column to group by after \"group\"")
        try parser.expectWord("aggregate", "\",\" and another column, or \"aggregate\" and what to compute, as in group area aggregate mean(score)")
        let aggregates = try parser.namedExpressions(expected: "what to compute after \"aggregate\", such as mean(score) or n = count()")
        return Group(keys: keys, aggregates: aggregates)
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        let reads = aggregates.reduce(Set(keys.map(\.text))) { $0.union($1.expression.columnNames) }
        return try input.node(.aggregate(keys: keys.map(\.text), aggregates: aggregates), verb: self, reads: reads,
                              produces: keys.map(\.text) + aggregates.map(\.name), keepsOtherColumns: false)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        // No keys is `aggregate` alone: one group of every row, so one row even when there are
        // no rows (a count of 0), as SQL gives for an aggregate without GROUP BY.
        let grouping = keys.isEmpty ? Grouping.single(rowCount: frame.rowCount)
            : try Grouping.make(frame: frame, keys: keys, context: context)
        try context.checkCancelled(at: keyword.position)
        var evaluator = ExpressionEvaluator(frame: frame, context: context, grouping: grouping)
        var columns = grouping.keyColumns
        for item in aggregates {
            let value = try evaluator.evaluate(item.expression)
            if columns.contains(where: { $0.name == item.name }) {
                throw Diagnostic(item.namePosition, "the result already has a column \"\(item.name)\"; give this one a name, as in n2 = count()")
            }
            columns.append(Column(name: item.name, data: value.vector(count: grouping.groupCount).columnData))
        }
        var next = frame.replacingColumns(columns, rowCount: grouping.groupCount, keepOrigin: false)
        next.table.key = keys.map(\.text)
        next.notes += evaluator.notes
        return next
    }
}
