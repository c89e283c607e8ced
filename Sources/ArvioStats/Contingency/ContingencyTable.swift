/// A two-way table of counts with its margins; rows and columns keep the caller's category order.
public struct ContingencyTable: Sendable, Equatable {
    /// The counts, `counts[row][column]`.
    public let counts: [[Int]]
    /// The sum of each row.
    public let rowTotals: [Int]
    /// The sum of each column.
    public let columnTotals: [Int]
    /// The grand total n.
    public let total: Int

    /// Validates `counts` (rectangular, non-negative, at least 2×2 after empty rows and columns).
    ///
    /// Empty rows and columns are kept, because ordinal measures need the category order, but
    /// they must leave at least two non-empty rows and columns for any test to mean something.
    public init(_ counts: [[Int]]) throws {
        let columns = counts.first?.count ?? 0
        guard counts.allSatisfy({ $0.count == columns }) else {
            throw StatsError.notATable(rows: counts.count, columns: columns)
        }
        for (i, row) in counts.enumerated() {
            if let j = row.firstIndex(where: { $0 < 0 }) { throw StatsError.negativeCount(row: i, column: j) }
        }
        let rowTotals = counts.map { $0.reduce(0, +) }
        let columnTotals = (0..<columns).map { j in counts.reduce(0) { $0 + $1[j] } }
        let nonEmptyRows = rowTotals.filter { $0 > 0 }.count
        let nonEmptyColumns = columnTotals.filter { $0 > 0 }.count
        guard nonEmptyRows >= 2, nonEmptyColumns >= 2 else {
            throw StatsError.notATable(rows: nonEmptyRows, columns: nonEmptyColumns)
        }
        self.counts = counts
        self.rowTotals = rowTotals
        self.columnTotals = columnTotals
        self.total = rowTotals.reduce(0, +)
    }

    /// The number of rows.
    public var rowCount: Int { counts.count }
    /// The number of columns.
    public var columnCount: Int { columnTotals.count }
    /// Whether the table is 2×2.
    public var isTwoByTwo: Bool { rowCount == 2 && columnCount == 2 }

    /// Expected counts under independence, row total × column total / n.
    public var expectedCounts: [[Double]] {
        rowTotals.map { r in columnTotals.map { c in Double(r) * Double(c) / Double(total) } }
    }

    /// The same table without all-zero rows and columns (they carry no information for nominal tests).
    public func droppingEmptyMargins() -> ContingencyTable {
        let rows = rowTotals.indices.filter { rowTotals[$0] > 0 }
        let columns = columnTotals.indices.filter { columnTotals[$0] > 0 }
        let reduced = rows.map { i in columns.map { j in counts[i][j] } }
        // Safe: init already proved two non-empty rows and columns exist.
        return (try? ContingencyTable(reduced)) ?? self
    }

    /// The table with rows and columns swapped.
    public func transposed() -> ContingencyTable {
        let swapped = (0..<columnCount).map { j in counts.map { $0[j] } }
        return (try? ContingencyTable(swapped)) ?? self
    }
}
