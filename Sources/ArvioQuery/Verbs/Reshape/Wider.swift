import ArvioData

/// `wider item, phase from score`: long data made wide, the reverse of `longer`. Each
/// combination of the name columns' values becomes a column, named by the values joined with
/// `_` (`overall_pre`), holding the value column's values with their scale and labels; the
/// other columns identify a row, and two rows of one such row with the same names are an error.
public struct Wider: Verb {
    static let name = "wider"
    /// The columns whose values name the new columns.
    public var names: [Token]
    /// The column whose values fill them.
    public var value: Token

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Wider {
        let names = try parser.names(expected: "the columns whose values name the new columns, as in wider item, phase from score")
        try parser.expectWord("from", "from and the column of values after the names, as in wider item, phase from score")
        let value = try parser.name(expected: "the column of values after from")
        return Wider(names: names, value: value)
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        // The new columns are named by the data's values, so the output is known only when it runs.
        try input.requireColumns(names + [value])
        return PlanNode(.wider(self), verb: self, keyword: input.keyword, reads: nil, produces: [],
                        keepsOtherColumns: false, schema: nil)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let table = frame.table
        let nameColumns = try names.map { token throws(Diagnostic) in try context.column(token.text, in: table, at: token.position) }
        let valueColumn = try context.column(value.text, in: table, at: value.position)
        if let twice = names.first(where: { $0.text == value.text }) {
            throw Diagnostic(twice.position, "\(value.text) cannot both name the columns and fill them")
        }
        let used = Set(names.map(\.text) + [value.text])
        let ids = table.columns.filter { !used.contains($0.name) }.map { Token(.quotedIdentifier, $0.name, keyword.position) }
        let grouping = ids.isEmpty ? Grouping.single(rowCount: frame.rowCount)
            : try Grouping.make(frame: frame, keys: ids, context: context)
        let rows = frame.rows ?? Array(0..<table.rowCount)
        // Each row's new column: its name values joined with _, in order of first appearance.
        var order: [String] = []
        var slot: [String: Int] = [:]
        var slotOfRow = [Int](repeating: -1, count: rows.count)
        for (i, row) in rows.enumerated() {
            if i % EvaluationContext.chunk == 0 { try context.checkCancelled(at: keyword.position) }
            var parts: [String] = []
            for column in nameColumns {
                guard let text = Self.text(column.data, row) else {
                    throw Diagnostic(names[nameColumns.firstIndex { $0.name == column.name }!].position,
                                     "\(column.name) is missing on row \(row + 1), so that row's value has no column to go to; leave such rows out with where first")
                }
                parts.append(text)
            }
            let name = parts.joined(separator: "_")
            if slot[name] == nil {
                if ids.contains(where: { $0.text == name }) {
                    throw Diagnostic(names[0].position, "the new column \(name) would have the name of a column that identifies the rows")
                }
                slot[name] = order.count
                order.append(name)
            }
            slotOfRow[i] = slot[name]!
        }
        // cell[s][g]: the input row that fills column s of group g.
        var cell = [[Int]](repeating: [Int](repeating: -1, count: grouping.groupCount), count: order.count)
        for (i, row) in rows.enumerated() {
            if i % EvaluationContext.chunk == 0 { try context.checkCancelled(at: keyword.position) }
            let g = Int(grouping.groupOf[i]), s = slotOfRow[i]
            if cell[s][g] >= 0 {
                let who = grouping.keyColumns.map { "\($0.name) \(Self.text($0.data, g) ?? "missing")" }.joined(separator: ", ")
                throw Diagnostic(keyword.position, "two rows have \(who.isEmpty ? "" : who + " and ")\(order[s]), so the value of \(order[s]) is not one; the other columns must identify a row (select the ones that do first)")
            }
            cell[s][g] = row
        }
        var columns = grouping.keyColumns
        for (s, name) in order.enumerated() {
            try context.checkCancelled(at: keyword.position)
            var column = Self.gather(valueColumn, cell[s])
            column.name = name
            column.heading = nil
            columns.append(column)
        }
        try context.checkCancelled(at: keyword.position)
        var next = frame.replacingColumns(columns, rowCount: grouping.groupCount, keepOrigin: false)
        let keyed = !table.key.isEmpty && Set(table.key) == Set(ids.map(\.text) + names.map(\.text))
        next.table.key = keyed ? ids.map(\.text) : []
        return next
    }

    static func text(_ data: ColumnData, _ row: Int) -> String? {
        switch data {
        case .text(let v): v[row]
        case .categorical(let c, _): c.level(at: row)?.value
        case .integer(let v): Missing.isMissing(v[row]) ? nil : String(v[row])
        case .decimal(let v): v[row].isNaN ? nil : NumberFormat.plain(v[row])
        }
    }

    /// The values of `column` at `rows`, where -1 is a missing value (no row had that name).
    static func gather(_ column: Column, _ rows: [Int]) -> Column {
        var result = column
        switch column.data {
        case .integer(let v): result.data = .integer(v.gathering(orMissing: rows))
        case .decimal(let v): result.data = .decimal(rows.map { $0 < 0 ? Missing.decimal : v[$0] })
        case .text(let v): result.data = .text(rows.map { $0 < 0 ? nil : v[$0] })
        case .categorical(let c, let ordered):
            let codes = rows.map { $0 < 0 ? UInt32(0) : UInt32(c.codes[$0]) }
            result.data = .categorical(CategoricalData(codes: Codes(codes, levelCount: c.levels.count), levels: c.levels,
                                                       scale: c.scale, levelsSortedByValue: c.levelsSortedByValue),
                                       ordered: ordered)
        }
        if let reasons = column.missingReasons {
            let codes = rows.map { $0 < 0 ? UInt32(0) : UInt32(reasons.codes[$0]) }
            result.missingReasons = MissingReasons(reasons: reasons.reasons, codes: Codes(codes, levelCount: reasons.reasons.count),
                                                   ranges: reasons.ranges)
        }
        return result
    }
}
