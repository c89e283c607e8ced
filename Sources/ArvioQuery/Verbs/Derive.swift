import ArvioData

/// `derive name = expression, ...`: adds (or replaces) columns computed from the others.
struct Derive: Verb {
    static let name = "derive"
    var columns: [NamedExpression]

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Derive {
        var columns: [NamedExpression] = []
        repeat {
            let name = try parser.name(expected: "a name for the new column after \"derive\"")
            try parser.expectSymbol("=", "\"=\" after the new column's name, as in derive gain = post - pre")
            let expression = try parser.expression(expected: "an expression for \"\(name.text)\"")
            columns.append(NamedExpression(name: name.text, namePosition: name.position, expression: expression))
        } while parser.match(symbol: ",")
        return Derive(columns: columns)
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        // A column derived earlier in the step is read from the step itself, not the input.
        var reads: Set<String> = []
        var made: Set<String> = []
        for item in columns {
            reads.formUnion(item.expression.columnNames.subtracting(made))
            made.insert(item.name)
        }
        return try input.node(.derive(columns), verb: self, reads: reads, produces: columns.map(\.name), keepsOtherColumns: true)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        var current = frame
        if frame.rows != nil {
            // Gathered in polled blocks: a `derive` after a `where` copies every column first.
            current.table = try frame.materialized(context: context, at: keyword.position)
            current.table.notes = frame.table.notes
            current.rows = nil
        }
        for item in columns {
            var evaluator = ExpressionEvaluator(frame: current, context: context)
            let value = try evaluator.evaluate(item.expression)
            current.notes += evaluator.notes
            try context.checkCancelled(at: item.expression.position)
            let column = Column(name: item.name, data: evaluator.polledVector(value).columnData)
            try context.checkCancelled(at: item.expression.position)
            if let index = current.table.columnIndex(named: item.name) {
                current.table.columns[index] = column
            } else {
                current.table.columns.append(column)
            }
        }
        return current
    }
}
