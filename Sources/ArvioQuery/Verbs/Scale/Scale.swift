import ArvioData

/// `scale A1, A2, A3 into s [sum] [min 2] [reverse A1]` (wide: adds the column `s`) or
/// `scale score by item into s [min 2] [reverse AO1] [per area] [on K]` (long: one row per
/// respondent, and per group, with the score and how many items were answered), so a scale's
/// change goes straight into `delta s by phase`.
public struct Scale: Verb {
    static let name = "scale"
    public var spec: ScaleItemsSpec
    public var target: Token
    public var score: ScaleScore

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Scale {
        var target: Token?
        var score = ScaleScore(kind: .mean, minimum: nil)
        let spec = try ScaleItemsSpec.parse(&parser, verb: name, extraWords: "\"into\", \"mean\", \"sum\", \"min\", ") { (p: inout Parser) throws(Diagnostic) -> Bool in
            if p.match(word: "into") {
                target = try p.name(expected: "the name of the score after \"into\", as in into motivation")
            } else if p.match(word: "sum") {
                score.kind = .sum
            } else if p.match(word: "mean") {
                score.kind = .mean
            } else if p.match(word: "min") {
                let token = p.current
                guard token.kind == .number, let n = Int(token.text), n >= 1 else {
                    throw p.expected("the fewest answered items after \"min\", a whole number such as 2")
                }
                p.advance()
                score.minimum = n
            } else {
                return false
            }
            return true
        }
        guard let target else {
            throw Diagnostic(keyword.position, "scale needs a name for the score: add into <name>, as in scale score by item into motivation")
        }
        return Scale(spec: spec, target: target, score: score)
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        try spec.bind(input, verb: Self.name)
        try checkOptions(at: input.keyword)
        return input.analysisNode(.scale(self), verb: self, reads: nil)
    }

    private func checkOptions(at keyword: Token) throws(Diagnostic) {
        if let minimum = score.minimum, spec.itemColumn == nil, minimum > spec.columns.count {
            throw Diagnostic(keyword.position, "min \(minimum) is more than the \(spec.columns.count) items")
        }
        if spec.itemColumn == nil, !spec.per.isEmpty {
            throw Diagnostic(spec.per[0].position, "per has no meaning for a score of wide data, where each row is one respondent; group afterwards")
        }
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let reader = try ScaleItemsReader(spec: spec, frame: frame, context: context, verb: Self.name)
        try checkOptions(at: keyword)
        guard spec.itemColumn != nil else { return try wide(frame, reader) }
        let grouping = spec.per.isEmpty ? Grouping.single(rowCount: frame.rowCount)
            : try Grouping.make(frame: frame, keys: spec.per, context: context)
        var unitRows: [Int] = [], groupOfRow: [Int] = [], scores: [Double] = [], answered: [Int] = []
        var notes: [Localized] = []
        let unit = reader.unitKey.joined(separator: " × ")
        for (group, members) in grouping.rowsByGroup().enumerated() where !members.isEmpty {
            let items = try reader.items(rows: members)
            try context.checkCancelled(at: keyword.position)
            let result = score.scores(items.values)
            try context.checkCancelled(at: keyword.position)
            let label = Delta.groupLabel(grouping, group)
            notes.append(score.note(name: target.text, items: items.names, reversed: items.names.indices.filter { items.reversed[$0] }.map { items.names[$0] },
                                    scores: result.scores, unit: unit, prefix: label.en.isEmpty ? Localized("") : Localized(en: "\(label.en): ", fi: "\(label.fi): ")))
            unitRows += items.unitRows
            groupOfRow += Array(repeating: group, count: items.unitRows.count)
            scores += result.scores
            answered += result.answered
        }
        var columns = reader.unitKey.map { name in
            let column = frame.table.column(named: name)!
            return Column(name: name, data: frame.data(of: column).gathering(unitRows), label: column.label)
        }
        try context.checkCancelled(at: keyword.position)
        columns += grouping.keyColumns.map { Column(name: $0.name, data: $0.data.gathering(groupOfRow), label: $0.label) }
        columns.append(Column(name: target.text, data: .decimal(scores)))
        columns.append(Headings.headed(Column(name: "answered", data: .integer(answered.map(Int64.init)))))
        var next = frame.replacingColumns(columns, rowCount: scores.count, keepOrigin: false)
        next.table.key = reader.unitKey + spec.per.map(\.text)
        next.table.statistics = []
        next.table.notes = frame.table.notes + notes
        return next
    }

    /// Wide data: the score as a new (or replaced) column of every row.
    private func wide(_ frame: Frame, _ reader: ScaleItemsReader) throws(Diagnostic) -> Frame {
        let items = try reader.items(rows: Array(0..<frame.rowCount))
        let result = score.scores(items.values)
        var table = frame.materialized()
        let column = Column(name: target.text, data: .decimal(result.scores))
        if let index = table.columnIndex(named: target.text) { table.columns[index] = column } else { table.columns.append(column) }
        var next = Frame(table: table, origin: frame.origin)
        next.table.notes = []
        next.notes = table.notes + [score.note(name: target.text, items: items.names,
                                               reversed: items.names.indices.filter { items.reversed[$0] }.map { items.names[$0] },
                                               scores: result.scores, unit: "rows")]
        return next
    }
}
