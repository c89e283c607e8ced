import ArvioData

/// `select a, b, new_name = c`: keeps these columns, in this order, renaming where asked.
struct Select: Verb {
    static let name = "select"
    /// (output name token, source column token).
    var items: [(name: Token, source: Token)]

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Select {
        var items: [(Token, Token)] = []
        repeat {
            let first = try parser.name(expected: "a column name after \"select\"")
            if parser.match(symbol: "=") {
                items.append((first, try parser.name(expected: "the column to rename after \"\(first.text) =\"")))
            } else {
                items.append((first, first))
            }
        } while parser.match(symbol: ",")
        return Select(items: items)
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        try input.node(.select(items.map { SelectedColumn(name: $0.name.text, source: $0.source.text) }), verb: self,
                       reads: Set(items.map(\.source.text)), produces: items.map(\.name.text), keepsOtherColumns: false)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        var columns: [Column] = []
        for (name, source) in items {
            var column = try context.column(source.text, in: frame.table, at: source.position)
            if columns.contains(where: { $0.name == name.text }) {
                throw Diagnostic(name.position, "the column \"\(name.text)\" is selected twice")
            }
            // A renamed column shows its new name: the verb's heading belonged to the old one.
            if column.name != name.text { column.heading = nil }
            column.name = name.text
            columns.append(column)
        }
        var next = frame
        let keyKept = frame.table.key.allSatisfy { k in items.contains { $0.name.text == k && $0.source.text == k } }
        next.table = Table(name: frame.table.name, columns: columns, rowCount: frame.table.rowCount,
                           key: keyKept ? frame.table.key : [])
        return next
    }
}
