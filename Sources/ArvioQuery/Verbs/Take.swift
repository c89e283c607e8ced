import ArvioData

/// `take N`: keeps the first N rows.
struct Take: Verb {
    static let name = "take"
    var limit: Int

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Take {
        let token = parser.current
        guard token.kind == .number, let limit = Int(token.text) else {
            throw parser.expected("a whole number of rows after \"take\", as in take 5")
        }
        parser.advance()
        return Take(limit: limit)
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        try input.node(.take(limit), verb: self, reads: [], produces: [], keepsOtherColumns: true)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        var next = frame
        let count = min(limit, frame.rowCount)
        next.rows = frame.rows.map { Array($0.prefix(count)) } ?? Array(0..<count)
        return next
    }
}
