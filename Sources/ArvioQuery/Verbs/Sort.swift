import ArvioData

/// `sort a, b desc`: orders the rows by the keys (ascending unless `desc`); ordinal columns in
/// scale order, categories alphabetically, missing always last; ties keep their order.
struct Sort: Verb {
    static let name = "sort"
    var keys: [(column: Token, descending: Bool)]

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Sort {
        var keys: [(Token, Bool)] = []
        repeat {
            let column = try parser.name(expected: "a column to sort by")
            var descending = false
            if parser.match(word: "desc") { descending = true } else { _ = parser.match(word: "asc") }
            keys.append((column, descending))
        } while parser.match(symbol: ",")
        return Sort(keys: keys)
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        try input.node(.sort(keys.map { SortKey(column: $0.column.text, descending: $0.descending) }), verb: self,
                       reads: Set(keys.map(\.column.text)), produces: [], keepsOtherColumns: true)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        var data: [ColumnData] = []
        for key in keys {
            data.append(frame.data(of: try context.column(key.column.text, in: frame.table, at: key.column.position)))
        }
        let poll = CancelPoll(context)
        let ranks = OrderedKeys.ids(for: data, descending: keys.map(\.descending), alphabetical: true,
                                    rowCount: frame.rowCount, poll: poll)
        try poll.check(at: keyword.position)
        // A counting sort on the ranks: stable, and linear in rows plus distinct keys.
        var starts = [Int](repeating: 0, count: ranks.count + 1)
        poll.blocks(ranks.ids.indices) { for row in $0 { starts[Int(ranks.ids[row]) + 1] += 1 } }
        for i in 1..<starts.count { starts[i] += starts[i - 1] }
        var order = [Int](repeating: 0, count: ranks.ids.count)
        poll.blocks(ranks.ids.indices) { block in
            for row in block {
                let rank = Int(ranks.ids[row])
                order[starts[rank]] = frame.rows?[row] ?? row
                starts[rank] += 1
            }
        }
        try poll.check(at: keyword.position)
        var next = frame
        next.rows = order
        return next
    }
}
