/// A table: equally long named columns, the key that identifies a row, and the statistics an
/// analysis verb attached to it.
public struct Table: Sendable {
    /// The table's name in the workspace, or a description of how it was made.
    public var name: String
    /// The columns, in display order.
    public var columns: [Column]
    /// The columns whose values together identify a row (empty if none is declared).
    public var key: [String]
    /// Statistics attached by an analysis verb, printed under the table.
    public var statistics: [StatisticsBlock]
    /// Notes printed under the table (rows left out, values skipped by aggregates).
    public var notes: [Localized]
    /// The unit an analysis verb counted its observations in, or nil for a table no analysis
    /// verb made.
    public var unit: AnalysisUnitSummary?
    /// The chart `chart` drew from this table; text output shows it instead of the rows.
    public var chart: ChartModel?
    /// How many rows. Kept apart from the columns so a table with no columns still has rows.
    public private(set) var rowCount: Int

    /// Creates a table. All columns must have `rowCount` rows.
    public init(name: String, columns: [Column], rowCount: Int? = nil, key: [String] = [],
                statistics: [StatisticsBlock] = [], notes: [Localized] = []) {
        precondition(columns.allSatisfy { $0.count == (rowCount ?? columns.first?.count ?? 0) },
                     "columns of unequal length")
        self.name = name
        self.columns = columns
        self.rowCount = rowCount ?? columns.first?.count ?? 0
        self.key = key
        self.statistics = statistics
        self.notes = notes
    }

    /// The column named `name`, if there is one.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// The index of the column named `name`, if there is one.
    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// The column names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The rows in `rows`, in that order; statistics and notes are not carried over.
    public func gathering(_ rows: [Int]) -> Table {
        Table(name: name,
              // Keep everything a column carries (label, display format, missing reasons); only rows change.
              columns: columns.map { $0.gathering(rows) },
              rowCount: rows.count, key: key)
    }
}
