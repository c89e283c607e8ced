import ArvioData

/// A table in the middle of a pipeline: the columns, the selected rows (a selection vector, so
/// `where` copies no column), and the workspace table it still has the rows of, for `join`.
struct Frame: Sendable {
    /// The columns, possibly longer than the selection.
    var table: Table
    /// The rows of `table` that are in the frame, in order; nil means all of them.
    var rows: [Int]?
    /// The workspace table whose key and relations still apply to these rows.
    var origin: String?
    /// Notes gathered along the pipeline (values skipped by aggregates).
    var notes: [Localized] = []

    init(table: Table, rows: [Int]? = nil, origin: String?) {
        self.table = table
        self.rows = rows
        self.origin = origin
    }

    /// How many rows the frame has.
    var rowCount: Int { rows?.count ?? table.rowCount }

    /// The data of `column` for the frame's rows.
    func data(of column: Column) -> ColumnData {
        guard let rows else { return column.data }
        return column.data.gathering(rows)
    }

    /// `data(of:)` gathered in blocks that look at the cancel flag, split between the cores;
    /// throws the cancellation at `position`. A selection of 10M rows takes ~30 ms a column.
    func data(of column: Column, context: EvaluationContext, at position: SourcePosition) throws(Diagnostic) -> ColumnData {
        guard let rows else { return column.data }
        let poll = CancelPoll(context)
        let data = Self.gathering(column.data, rows, poll)
        try poll.check(at: position)
        return data
    }

    /// The frame as a plain table, its selection applied and its notes attached.
    func materialized(name: String? = nil) -> Table {
        attached(rows.map { table.gathering($0) } ?? table, name: name)
    }

    /// `materialized(name:)`, gathering the selected rows in blocks that look at the cancel
    /// flag; throws the cancellation at `position`. The last step of every statement whose
    /// frame has a selection (a `where`, a `sort`) copies every column here.
    func materialized(name: String? = nil, context: EvaluationContext, at position: SourcePosition) throws(Diagnostic) -> Table {
        guard let rows else { return materialized(name: name) }
        let poll = CancelPoll(context)
        var columns: [Column] = []
        for column in table.columns where !poll.stopped {
            var copy = column
            copy.data = Self.gathering(column.data, rows, poll)
            copy.missingReasons = column.missingReasons.map { reasons in
                MissingReasons(reasons: reasons.reasons, codes: Self.gathering(reasons.codes, rows, poll), ranges: reasons.ranges)
            }
            columns.append(copy)
        }
        try poll.check(at: position)
        return attached(Table(name: table.name, columns: columns, rowCount: rows.count, key: table.key), name: name)
    }

    /// `result` with the frame's name (or `name`), key, statistics, unit and notes.
    private func attached(_ result: Table, name: String?) -> Table {
        var result = result
        result.name = name ?? table.name
        result.key = table.key
        result.statistics = table.statistics
        result.unit = table.unit
        result.notes = table.notes + notes
        return result
    }

    /// A frame with the same bookkeeping and new columns (all of `rowCount` rows).
    func replacingColumns(_ columns: [Column], rowCount: Int, keepOrigin: Bool) -> Frame {
        let keyKept = table.key.allSatisfy { k in columns.contains { $0.name == k } }
        var next = Frame(table: Table(name: table.name, columns: columns, rowCount: rowCount,
                                      key: keyKept ? table.key : []),
                         origin: keepOrigin ? origin : nil)
        next.notes = notes
        return next
    }
}

extension Frame {
    /// `data.gathering(rows)` in blocks of `poll`, split between the cores; the values past a
    /// stop are left unwritten (or missing, for text), for the caller to throw away.
    static func gathering(_ data: ColumnData, _ rows: [Int], _ poll: CancelPoll) -> ColumnData {
        switch data {
        case .integer(let v): return .integer(gathering(v, rows, poll))
        case .decimal(let v): return .decimal(gathering(v, rows, poll))
        case .text(let v):
            // Strings are counted references: each element is made, on one core.
            var out: [String?] = []
            out.reserveCapacity(rows.count)
            poll.blocks(0..<rows.count) { block in
                for i in block { out.append(v[rows[i]]) }
            }
            if out.count < rows.count { out += repeatElement(nil, count: rows.count - out.count) }
            return .text(out)
        case .categorical(let c, let ordered):
            return .categorical(CategoricalData(codes: gathering(c.codes, rows, poll), levels: c.levels, scale: c.scale,
                                                levelsSortedByValue: c.levelsSortedByValue), ordered: ordered)
        }
    }

    /// `values.gathering(rows)` at the same width, in blocks of `poll`.
    static func gathering(_ values: IntegerValues, _ rows: [Int], _ poll: CancelPoll) -> IntegerValues {
        switch values {
        case .i8(let a): .i8(gathering(a, rows, poll))
        case .i16(let a): .i16(gathering(a, rows, poll))
        case .i32(let a): .i32(gathering(a, rows, poll))
        case .i64(let a): .i64(gathering(a, rows, poll))
        }
    }

    /// `codes.gathering(rows)` at the same width, in blocks of `poll`.
    static func gathering(_ codes: Codes, _ rows: [Int], _ poll: CancelPoll) -> Codes {
        switch codes {
        case .u8(let a): .u8(gathering(a, rows, poll))
        case .u16(let a): .u16(gathering(a, rows, poll))
        case .u32(let a): .u32(gathering(a, rows, poll))
        }
    }

    private static func gathering<T: BitwiseCopyable>(_ values: [T], _ rows: [Int], _ poll: CancelPoll) -> [T] {
        values.withUnsafeBufferPointer { v in
            rows.withUnsafeBufferPointer { r in
                let source = UncheckedBox((v, r))
                return poll.array(r.count) { i in source.value.0[source.value.1[i]] }
            }
        }
    }
}
