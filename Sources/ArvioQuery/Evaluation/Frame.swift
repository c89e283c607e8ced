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

    /// The frame as a plain table, its selection applied and its notes attached.
    func materialized(name: String? = nil) -> Table {
        var result = rows.map { table.gathering($0) } ?? table
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
