/// A k×k table of paired categorical answers, `counts[before][after]`: the same units classified
/// twice on the same categories, as McNemar, Bowker and Stuart–Maxwell read it.
public struct SquareTable: Sendable, Equatable {
    /// `counts[i][j]`: units in category i the first time and j the second.
    public let counts: [[Int]]
    /// The number of units.
    public let total: Int

    /// Validates `counts`: square, at least 2×2, no negative count.
    public init(_ counts: [[Int]]) throws {
        let k = counts.count
        guard k >= 2, counts.allSatisfy({ $0.count == k }) else {
            throw StatsError.notASquareTable(rows: k, columns: counts.first?.count ?? 0)
        }
        for (i, row) in counts.enumerated() {
            if let j = row.firstIndex(where: { $0 < 0 }) { throw StatsError.negativeCount(row: i, column: j) }
        }
        self.counts = counts
        total = counts.joined().reduce(0, +)
    }

    /// The number of categories k.
    public var size: Int { counts.count }

    /// Units in each category the first time.
    public var firstMargins: [Int] { counts.map { $0.reduce(0, +) } }

    /// Units in each category the second time.
    public var secondMargins: [Int] { (0..<size).map { j in counts.reduce(0) { $0 + $1[j] } } }

    /// Units whose category changed between the two times.
    public var discordant: Int { total - (0..<size).reduce(0) { $0 + counts[$1][$1] } }
}
