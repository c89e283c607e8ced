import ArvioData

/// The shape of a table at one point of a plan, without its rows: the columns with their types,
/// categories, scales, labels and formats, the key, the workspace table whose relations still
/// apply to the rows, and the column that names the unit of a row.
///
/// It is held as a table with no rows, so an operator can be bound by applying its own type
/// rules to it: the types and messages of binding are the evaluator's by construction, and no
/// row of the data is read.
public struct PlanSchema: Sendable {
    /// The columns and the key, with no rows.
    public let table: Table
    /// The workspace table whose key and relations still apply to the rows (nil after an
    /// operator that makes new rows, such as `group`).
    public let origin: String?
    /// The key column that names the unit of a row when the key has several columns and one of
    /// them refers to another table (`participant` in `responses`), else the first key column
    /// of a compound key; nil for a key of one column or none. The analysis verbs reduce to one
    /// row per unit when the columns they analyse do not vary within it (`AnalysisUnit`).
    public let unit: String?

    /// The schema of `table`'s columns, with no rows read.
    init(of table: Table, origin: String?, workspace: Workspace) {
        var empty = table.gathering([])
        empty.notes = []
        empty.statistics = []
        empty.chart = nil
        self.init(empty: empty, origin: origin, workspace: workspace)
    }

    /// The schema of a table that already has no rows.
    init(empty: Table, origin: String?, workspace: Workspace) {
        self.table = empty
        self.origin = origin
        let key = empty.key
        if key.count > 1 {
            let related = origin.flatMap { origin in
                key.first { AnalysisUnit.unitRelation(from: origin, on: $0, in: workspace) != nil }
            }
            unit = related ?? key[0]
        } else {
            unit = nil
        }
    }

    /// The column names, in order.
    public var columnNames: [String] { table.columnNames }
    /// The key columns.
    public var key: [String] { table.key }
    /// The column called `name`, with no rows.
    public func column(named name: String) -> Column? { table.column(named: name) }

    /// A frame with this schema and no rows, for binding an operator on it.
    var frame: Frame { Frame(table: table, origin: origin) }
}
