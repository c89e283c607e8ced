import Foundation

/// The likelihood-ratio (G²) test of independence, as PSPP CROSSTABS and `MASS::loglm`.
public struct LikelihoodRatioTest: HypothesisTest, Equatable {
    /// G² = 2 Σ O ln(O / E), empty cells contributing 0.
    public let statistic: Double
    /// (rows - 1)(columns - 1) over non-empty rows and columns.
    public let degreesOfFreedom: Double?
    /// P(χ²_df > G²).
    public let pValue: Double
    /// Always "asymptotic chi-square".
    public let testMethod = TestMethod.asymptoticChiSquare

    /// Computes G² on `table`.
    public init(_ table: ContingencyTable) {
        let reduced = table.droppingEmptyMargins()
        let expected = reduced.expectedCounts
        var sum = 0.0
        for (i, row) in reduced.counts.enumerated() {
            for (j, count) in row.enumerated() where count > 0 {
                sum += Double(count) * log(Double(count) / expected[i][j])
            }
        }
        let df = Double((reduced.rowCount - 1) * (reduced.columnCount - 1))
        statistic = 2 * sum
        degreesOfFreedom = df
        pValue = ChiSquaredDistribution.sf(statistic, df: df)
    }
}
