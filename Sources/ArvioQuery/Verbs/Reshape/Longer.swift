import ArvioData

/// `longer AO1_pre, AO1_post, AO2_pre, AO2_post into item, phase, score`: wide data (a column
/// per item and time) made long, one row per person and column. The other columns are kept on
/// every row; the new name columns hold the parts of each column's name, split at its last `_`s
/// (one part per name column), and the value column the values, with their scale and labels.
/// A quoted pattern names columns too: `longer "*_pre", "*_post" into item, phase, score`.
public struct Longer: Verb {
    static let name = "longer"
    /// The columns and patterns, as written.
    public var items: [Token]
    /// The name columns, then the value column.
    public var names: [Token]

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Longer {
        var items: [Token] = []
        repeat {
            let token = parser.current
            if token.kind == .string {
                items.append(token)
                parser.advance()
            } else {
                items.append(try parser.name(expected: "the columns to make into rows, or a pattern such as \"*_pre\", as in longer AO1_pre, AO1_post into item, phase, score"))
            }
        } while parser.match(symbol: ",")
        try parser.expectWord("into", "into and the new columns' names after the columns, as in longer AO1_pre, AO1_post into item, phase, score")
        let names = try parser.names(expected: "the names of the new columns after into: the name parts, then the values")
        guard names.count >= 2 else {
            throw Diagnostic(names[0].position, "longer makes at least two columns: one for the old column's name (or one per part of it) and one for the values, as in into item, phase, score")
        }
        return Longer(items: items, names: names)
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        // Which columns a pattern names is known only from the input's columns.
        try input.node(.longer(self), verb: self, reads: nil, produces: names.map(\.text), keepsOtherColumns: true)
    }

    /// The input columns the items name, in order; each at most once.
    func columns(of table: Table) throws(Diagnostic) -> [Int] {
        var chosen: [Int] = []
        for item in items {
            if item.kind == .string {
                let matching = table.columns.indices.filter { Self.matches(table.columns[$0].name, pattern: item.text) }
                guard !matching.isEmpty else {
                    throw Diagnostic(item.position, "no column of \(table.name) matches \"\(item.text)\" (* stands for any text)")
                }
                chosen += matching.filter { !chosen.contains($0) }
            } else {
                guard let index = table.columnIndex(named: item.text) else {
                    throw Diagnostic(item.position, "there is no column \"\(item.text)\" in \(table.name)",
                                     suggestion: Suggestion.quoted(item.text, among: table.columnNames))
                }
                guard !chosen.contains(index) else { throw Diagnostic(item.position, "\(item.text) is named twice") }
                chosen.append(index)
            }
        }
        return chosen
    }

    /// Whether `name` matches `pattern`, where `*` stands for any text (also none).
    static func matches(_ name: String, pattern: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return name == pattern }
        var rest = Substring(name)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts.last!) && rest.count >= parts.last!.count
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let table = frame.table
        let chosen = try columns(of: table)
        let kept = table.columns.indices.filter { !chosen.contains($0) }
        let nameCount = names.count - 1
        for name in names where kept.contains(where: { table.columns[$0].name == name.text }) {
            throw Diagnostic(name.position, "\(table.name) has a column \"\(name.text)\" that is kept; name the new column otherwise")
        }
        var seen = Set<String>()
        for name in names where !seen.insert(name.text).inserted {
            throw Diagnostic(name.position, "\"\(name.text)\" is named twice after into")
        }
        // Each chosen column's name parts: split at its last nameCount - 1 underscores.
        var parts: [[String]] = []
        for index in chosen {
            let name = table.columns[index].name
            let pieces = name.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count >= nameCount else {
                throw Diagnostic(names[0].position, "\(name) cannot be split into \(nameCount) parts at _ for \(names.dropLast().map(\.text).joined(separator: ", ")); name fewer columns after into")
            }
            parts.append([pieces.dropLast(nameCount - 1).joined(separator: "_")] + pieces.suffix(nameCount - 1))
        }
        let rows = frame.rows ?? Array(0..<table.rowCount)
        let width = chosen.count
        // Row r of the result is input row rows[r / width] and chosen column r % width.
        let sourceRows = rows.flatMap { row in Array(repeating: row, count: width) }
        var columns = kept.map { table.columns[$0].gathering(sourceRows) }
        for part in 0..<nameCount {
            // Levels in the order the columns are named, which is the order that counts (pre before post).
            var levels: [String] = []
            for p in parts where !levels.contains(p[part]) { levels.append(p[part]) }
            let codeOf = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, UInt32($0 + 1)) })
            let codes = (0..<sourceRows.count).map { codeOf[parts[$0 % width][part]]! }
            columns.append(Column(name: names[part].text, data: .categorical(
                CategoricalData(codes: Codes(codes, levelCount: levels.count), levels: levels.map { Level(value: $0) }), ordered: false)))
        }
        let sources = chosen.map { table.columns[$0] }
        let cells = (0..<sourceRows.count).map { (source: $0 % width, row: sourceRows[$0]) }
        columns.append(try LongerValues.column(named: names.last!.text, from: sources, cells: cells, at: keyword, verb: Self.name))
        var next = frame.replacingColumns(columns, rowCount: sourceRows.count, keepOrigin: false)
        // A key of the wide rows, with the name parts, identifies the long rows.
        next.table.key = table.key.isEmpty || !table.key.allSatisfy({ k in kept.contains { table.columns[$0].name == k } })
            ? [] : table.key + names.dropLast().map(\.text)
        return next
    }
}

/// One column made of the values of several (`longer`'s value column, `stack`'s columns): cell
/// k is row `cells[k].row` of `sources[cells[k].source]`, and the column has the type they share.
enum LongerValues {
    /// With `poll`, the values are gathered in polled blocks on both cores (a stopped gather is
    /// unfinished: the caller throws with `poll.check`).
    static func column(named name: String, from sources: [Column], cells: [(source: Int, row: Int)], at keyword: Token,
                       verb: String, poll: CancelPoll? = nil) throws(Diagnostic) -> Column {
        let types = Set(sources.map(\.type))
        let data: ColumnData
        if types.allSatisfy({ $0 == .integer }) {
            let values = sources.map { c -> IntegerValues in if case .integer(let v) = c.data { v } else { [] } }
            // Gathered straight into the widest source's width, which is the narrowest that holds
            // them all: packing 64-bit values afterwards was one more pass, and one that did not poll.
            func gather<T: FixedWidthInteger & SignedInteger & BitwiseCopyable>(_: T.Type) -> [T] {
                CancelPoll.array(poll, cells.count) { i in IntegerValues.narrow(values[cells[i].source][cells[i].row]) }
            }
            switch values.map(\.width).max() ?? .i8 {
            case .i8: data = .integer(.i8(gather(Int8.self)))
            case .i16: data = .integer(.i16(gather(Int16.self)))
            case .i32: data = .integer(.i32(gather(Int32.self)))
            case .i64: data = .integer(.i64(gather(Int64.self)))
            }
        } else if types.allSatisfy(\.isNumeric) {
            data = .decimal(CancelPoll.array(poll, cells.count) { sources[cells[$0].source].data.number(at: cells[$0].row) ?? Missing.decimal })
        } else if types.allSatisfy(\.isCoded) {
            data = try coded(sources, cells: cells, at: keyword, poll: poll)
        } else if types.allSatisfy({ $0 == .text || $0.isCoded }) {
            data = .text(cells.map { text(sources[$0.source].data, $0.row) })
        } else {
            let list = sources.map { "\($0.name) (\($0.type.rawValue))" }.joined(separator: ", ")
            throw Diagnostic(keyword.position, "\(verb) puts these columns' values in one column, so they must be alike: all numbers, or all categories, or all text; these are \(list)")
        }
        var column = Column(name: name, data: data)
        // One description for all, when they share one (the item text differs, the question's does not).
        if let label = sources.first?.label, sources.allSatisfy({ $0.label == label }) { column.label = label }
        column.missingReasons = reasons(sources, cells: cells)
        return column
    }

    private static func text(_ data: ColumnData, _ row: Int) -> String? {
        switch data {
        case .text(let v): v[row]
        case .categorical(let c, _): c.level(at: row)?.value
        case .integer(let v): Missing.isMissing(v[row]) ? nil : String(v[row])
        case .decimal(let v): v[row].isNaN ? nil : NumberFormat.plain(v[row])
        }
    }

    /// Categories: the same levels in every column keep their order, labels and scale; otherwise
    /// the union of the values, which may not be a scale.
    private static func coded(_ sources: [Column], cells: [(source: Int, row: Int)], at keyword: Token,
                              poll: CancelPoll?) throws(Diagnostic) -> ColumnData {
        let all = sources.compactMap { c -> (CategoricalData, Bool)? in if case .categorical(let d, let o) = c.data { (d, o) } else { nil } }
        let first = all[0].0
        let same = all.allSatisfy { $0.0.levels == first.levels && $0.1 == all[0].1 }
        if same {
            let codes = CancelPoll.array(poll, cells.count) { UInt32(all[cells[$0].source].0.codes[cells[$0].row]) }
            return .categorical(CategoricalData(codes: Codes(codes, levelCount: first.levels.count), levels: first.levels,
                                                scale: first.scale, levelsSortedByValue: first.levelsSortedByValue),
                                ordered: all[0].1)
        }
        if all.contains(where: \.1) {
            let names = sources.map(\.name).joined(separator: ", ")
            throw Diagnostic(keyword.position, "the scales of \(names) differ, so their answers cannot share one column; give them the same scale first (.scale)")
        }
        var levels: [Level] = []
        var index: [String: UInt32] = [:]
        for (d, _) in all {
            for level in d.levels where index[level.value] == nil {
                levels.append(level)
                index[level.value] = UInt32(levels.count)
            }
        }
        let codes = cells.map { cell in all[cell.source].0.level(at: cell.row).map { index[$0.value]! } ?? 0 }
        let sorted = all.allSatisfy(\.0.levelsSortedByValue)
        var data = CategoricalData(codes: Codes(codes, levelCount: levels.count), levels: levels, levelsSortedByValue: sorted)
        if sorted {
            // Values only sorted stay sorted, as one CSV column of them would be.
            let order = levels.indices.sorted { levels[$0].value < levels[$1].value }
            var rank = [UInt32](repeating: 0, count: levels.count + 1)
            for (r, old) in order.enumerated() { rank[old + 1] = UInt32(r + 1) }
            data = CategoricalData(codes: Codes(codes.map { rank[Int($0)] }, levelCount: levels.count),
                                   levels: order.map { levels[$0] }, levelsSortedByValue: true)
        }
        return .categorical(data, ordered: false)
    }

    /// The reasons of the columns' missing values, merged by code.
    private static func reasons(_ sources: [Column], cells: [(source: Int, row: Int)]) -> MissingReasons? {
        guard sources.contains(where: { $0.missingReasons != nil }) else { return nil }
        var merged: [MissingReasons.Reason] = []
        var ranges: [ClosedRange<Double>] = []
        for source in sources {
            for reason in source.missingReasons?.reasons ?? [] where !merged.contains(where: { $0.code == reason.code }) {
                merged.append(reason)
            }
            for range in source.missingReasons?.ranges ?? [] where !ranges.contains(range) { ranges.append(range) }
        }
        let codes = cells.map { cell -> UInt32 in
            guard let reason = sources[cell.source].missingReasons?.reason(at: cell.row) else { return 0 }
            return UInt32(merged.firstIndex { $0.code == reason.code }! + 1)
        }
        return MissingReasons(reasons: merged, codes: Codes(codes, levelCount: merged.count), ranges: ranges)
    }
}
