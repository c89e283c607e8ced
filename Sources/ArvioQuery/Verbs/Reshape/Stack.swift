import ArvioData

/// `alku | stack loppu as vaihe`: the rows of the input, then those of each named table, which
/// must have the same columns (in any order; the result has the input's order). With `as NAME`,
/// a column NAME says which table each row came from, in the order named (trusted by `delta`),
/// so a start and an end survey in two files become one table of both.
public struct Stack: Verb {
    static let name = "stack"
    /// The tables whose rows follow the input's.
    public var tables: [Token]
    /// The column that names each row's table, if asked for.
    public var source: Token?

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Stack {
        let tables = try parser.names(expected: "the tables whose rows follow, as in alku | stack loppu as vaihe")
        var source: Token?
        if parser.match(word: "as") {
            source = try parser.name(expected: "the name of the column that says which table a row came from, after as")
        }
        return Stack(tables: tables, source: source)
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        for token in tables { _ = try input.context.table(token) }
        return try input.node(.stack(self), verb: self, reads: nil, produces: source.map { [$0.text] } ?? [], keepsOtherColumns: true)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let first = try frame.materialized(context: context, at: keyword.position)
        let others = try tables.map { token throws(Diagnostic) in try context.table(token) }
        let all = [first] + others
        let names = first.columnNames
        if let source, names.contains(source.text) {
            throw Diagnostic(source.position, "\(first.name) has a column \"\(source.text)\" already; name the new column otherwise")
        }
        for (table, token) in zip(others, tables) {
            let missing = names.filter { table.column(named: $0) == nil }
            let extra = table.columnNames.filter { !names.contains($0) }
            if !missing.isEmpty || !extra.isEmpty {
                var parts: [String] = []
                if !missing.isEmpty { parts.append("has no \(missing.joined(separator: ", "))") }
                if !extra.isEmpty { parts.append("has \(extra.joined(separator: ", ")), which \(first.name) has not") }
                throw Diagnostic(token.position, "stack needs tables with the same columns; \(table.name) \(parts.joined(separator: " and ")) (select or derive them first)")
            }
        }
        // Every pass over the stacked rows is written in polled blocks on both cores.
        let poll = CancelPoll(context)
        var starts = [0]
        for table in all { starts.append(starts[starts.count - 1] + table.rowCount) }
        let cells = poll.array(starts[starts.count - 1]) { i -> (source: Int, row: Int) in
            var source = 0
            while i >= starts[source + 1] { source += 1 }
            return (source, i - starts[source])
        }
        // Two words per stacked row (320 MB at 20M): freed off the prompt's path, done or cancelled.
        defer { LaterRelease.release(cells) }
        try poll.check(at: keyword.position)
        var columns: [Column] = []
        for name in names {
            let sources = all.map { $0.column(named: name)! }
            var column = try LongerValues.column(named: name, from: sources, cells: cells, at: keyword, verb: Self.name, poll: poll)
            try poll.check(at: keyword.position)
            column.label = first.column(named: name)?.label
            columns.append(column)
        }
        if let source {
            // The tables in the order named: the first is the earlier phase.
            var levels: [String] = []
            for table in all where !levels.contains(table.name) { levels.append(table.name) }
            let codeOf = all.map { UInt32(levels.firstIndex(of: $0.name)! + 1) }
            let codes = poll.array(cells.count) { codeOf[cells[$0].source] }
            try poll.check(at: keyword.position)
            columns.append(Column(name: source.text, data: .categorical(
                CategoricalData(codes: Codes(codes, levelCount: levels.count), levels: levels.map { Level(value: $0) }), ordered: false)))
        }
        var next = frame.replacingColumns(columns, rowCount: cells.count, keepOrigin: false)
        // The rows of one table are told apart by its key; with the table's name, so are the stacked ones.
        let sameKey = !first.key.isEmpty && others.allSatisfy { $0.key == first.key }
        next.table.key = sameKey && source != nil ? first.key + [source!.text] : []
        next.rows = nil
        return next
    }
}
