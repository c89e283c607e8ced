import ArvioData

/// One variable of `crosstab` or `freq` as dense category ids: every row gets the index of its
/// category (0..<levels.count, in scale, codebook or value order) or `missingID`. Categorical
/// columns use their dictionary codes directly; numbers and text become categories of their
/// distinct values, up to a limit, so counting is an array index per row and never a string.
struct CrosstabAxis {
    /// The column's name.
    var name: String
    /// The category of each frame row; `missingID` for a missing value.
    var ids: [Int32]
    /// The categories, in order.
    var levels: [Level]
    /// Whether the categories are ordered (an ordinal scale, or numbers).
    var ordered: Bool
    /// Whether the categories came from a dictionary (so unused ones are real categories).
    var coded: Bool

    /// The id that marks a missing value.
    var missingID: Int32 { Int32(levels.count) }

    /// The axis of the column `token` names in `frame`. Numbers and text may have at most
    /// `limit` distinct values; `verb` names the verb for the message when they have more.
    static func make(frame: Frame, token: Token, context: EvaluationContext,
                     limit: Int, verb: String) throws(Diagnostic) -> CrosstabAxis {
        let column = try context.column(token.text, in: frame.table, at: token.position)
        let data = try frame.data(of: column, context: context, at: token.position)
        let poll = CancelPoll(context)
        switch data {
        case .categorical(let c, let ordered):
            let ids = categoryIDs(c, poll)
            try poll.check(at: token.position)
            return CrosstabAxis(name: column.name, ids: ids, levels: c.levels, ordered: ordered, coded: true)
        case .integer, .decimal, .text:
            let keyed = OrderedKeys.ids(for: data, poll: poll)
            try poll.check(at: token.position)
            let distinct = keyed.count - 1
            if distinct > limit {
                let kind = data.type.isNumeric ? "a number column" : "a text column"
                throw Diagnostic(token.position,
                                 "\(verb) needs categories, but \"\(column.name)\" is \(kind) with \(distinct) different values (at most \(limit) can be categories); make groups first, as in derive \(column.name)_group = \(column.name) >= 5")
            }
            var levels = [Level?](repeating: nil, count: distinct)
            poll.blocks(0..<keyed.ids.count) { block in
                for row in block {
                    let id = Int(keyed.ids[row])
                    if id < distinct, levels[id] == nil { levels[id] = level(of: data, row: row) }
                }
            }
            try poll.check(at: token.position)
            return CrosstabAxis(name: column.name, ids: keyed.ids, levels: levels.map { $0 ?? Level(value: "?") },
                                ordered: data.type.isNumeric, coded: false)
        }
    }

    /// Codes minus one, missing (code 0) last: one pass at the codes' stored width, in blocks
    /// that look at `poll`, split between the cores.
    private static func categoryIDs(_ c: CategoricalData, _ poll: CancelPoll) -> [Int32] {
        let missing = Int32(c.levels.count)
        return c.codes.withBuffer { buffer in
            switch buffer {
            case .u8(let b): poll.array(b.count) { b[$0] == 0 ? missing : Int32(b[$0]) - 1 }
            case .u16(let b): poll.array(b.count) { b[$0] == 0 ? missing : Int32(b[$0]) - 1 }
            case .u32(let b): poll.array(b.count) { b[$0] == 0 ? missing : Int32(b[$0]) - 1 }
            }
        }
    }

    /// The category a plain value stands for: its text, and its number for numbers.
    private static func level(of data: ColumnData, row: Int) -> Level {
        switch data {
        case .integer(let v): Level(value: String(v[row]), number: Double(v[row]))
        case .decimal(let v): Level(value: NumberFormat.plain(v[row]), number: v[row])
        case .text(let v): Level(value: v[row] ?? "")
        case .categorical(let c, _): c.level(at: row) ?? Level(value: "")
        }
    }

    /// How many rows fall in each category (the last slot counts missing values).
    func counts(in context: EvaluationContext, at position: SourcePosition) throws(Diagnostic) -> [Int] {
        var counts = [Int](repeating: 0, count: levels.count + 1)
        var start = 0
        while start < ids.count {
            try context.checkCancelled(at: position)
            let end = min(ids.count, start + EvaluationContext.chunk)
            for row in start..<end { counts[Int(ids[row])] += 1 }
            start = end
        }
        return counts
    }
}
