import ArvioData

/// `where CONDITION`: keeps the rows where the condition is true (not false, not unknown).
struct Where: Verb {
    static let name = "where"
    var condition: Expression

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Where {
        Where(condition: try parser.expression(expected: "a condition after \"where\", such as org == \"Tekevä\""))
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        var evaluator = ExpressionEvaluator(frame: frame, context: context)
        let truth = try evaluator.condition(condition, verb: "where")
        var kept: [Int] = []
        kept.reserveCapacity(truth.count / 2)
        var start = 0
        while start < truth.count {
            try context.checkCancelled(at: keyword.position)
            let end = min(start + EvaluationContext.chunk, truth.count)
            if let rows = frame.rows {
                for i in start..<end where truth[i] == .yes { kept.append(rows[i]) }
            } else {
                for i in start..<end where truth[i] == .yes { kept.append(i) }
            }
            start = end
        }
        var next = frame
        next.rows = kept
        next.notes += evaluator.notes
        return next
    }
}
