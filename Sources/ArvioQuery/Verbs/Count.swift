import ArvioData

/// `count`: how many rows; `count by k1, k2`: how many rows per combination of the keys.
struct Count: Verb {
    static let name = "count"
    var keys: [Token]

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Count {
        guard parser.match(word: "by") else {
            if !parser.atStepEnd { throw parser.expected("\"by\" and a column, or nothing, after \"count\"") }
            return Count(keys: [])
        }
        return Count(keys: try parser.names(expected: "a column to count by after \"count by\""))
    }

    /// The name of the count column: `n`, or `count` when a key is called `n`.
    var countName: String { keys.contains { $0.text == "n" } ? "count" : "n" }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        try input.node(.count(keys: keys.map(\.text), name: countName), verb: self, reads: Set(keys.map(\.text)),
                       produces: keys.map(\.text) + [countName], keepsOtherColumns: false)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let grouping = keys.isEmpty ? Grouping.single(rowCount: frame.rowCount)
            : try Grouping.make(frame: frame, keys: keys, context: context)
        let parts = Parallel.ranges(grouping.groupOf.count)
        let perPart = grouping.groupOf.withUnsafeBufferPointer { g in
            Parallel.map(parts.count) { k in
                var counts = [Int64](repeating: 0, count: grouping.groupCount)
                counts.withUnsafeMutableBufferPointer { counts in
                    for row in parts[k] { counts[Int(g[row])] &+= 1 }
                }
                return counts
            }
        }
        let counts = (0..<grouping.groupCount).map { group in perPart.reduce(0) { $0 + $1[group] } }
        let columns = grouping.keyColumns + [Column(name: countName, data: .integer(counts))]
        var next = frame.replacingColumns(columns, rowCount: grouping.groupCount, keepOrigin: false)
        next.table.key = keys.map(\.text)
        return next
    }
}
