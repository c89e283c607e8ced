import ArvioData

/// `distinct`: drops repeated rows; `distinct a, b`: the distinct combinations of these columns.
/// Rows keep the order in which each combination first appears.
struct Distinct: Verb {
    static let name = "distinct"
    var columns: [Token]

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Distinct {
        if parser.atStepEnd { return Distinct(columns: []) }
        return Distinct(columns: try parser.names(expected: "a column name after \"distinct\""))
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        // With no columns every column is compared, so every column is read.
        try input.node(.distinct(columns.map(\.text)), verb: self, reads: columns.isEmpty ? nil : Set(columns.map(\.text)),
                       produces: columns.map(\.text), keepsOtherColumns: columns.isEmpty)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        var current = frame
        if !columns.isEmpty {
            current = try Select(items: columns.map { ($0, $0) }).apply(to: frame, in: context, keyword: keyword)
        }
        let keys = current.table.columns.map { Token(.quotedIdentifier, $0.name, keyword.position) }
        let grouping = try Grouping.make(frame: current, keys: keys, context: context)
        // The first rows in row order: marked and read back in polled passes, where a sort of
        // them took a second without looking at Ctrl-C when nearly every row is distinct.
        let poll = CancelPoll(context)
        var isFirst = [Bool](repeating: false, count: current.rowCount)
        poll.blocks(grouping.representatives.indices) { for g in $0 { isFirst[grouping.representatives[g]] = true } }
        var firsts: [Int] = []
        firsts.reserveCapacity(grouping.groupCount)
        poll.blocks(isFirst.indices) { for row in $0 where isFirst[row] { firsts.append(row) } }
        try poll.check(at: keyword.position)
        current.rows = current.rows.map { rows in firsts.map { rows[$0] } } ?? firsts
        return current
    }
}
