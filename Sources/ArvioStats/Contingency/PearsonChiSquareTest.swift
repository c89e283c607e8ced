import Foundation

/// Pearson's chi-square test of independence, as R's `chisq.test(correct = FALSE)` and PSPP CROSSTABS.
public struct PearsonChiSquareTest: HypothesisTest {
    /// X² = Σ (O - E)² / E over the non-empty rows and columns.
    public let statistic: Double
    /// (rows - 1)(columns - 1), counting non-empty rows and columns only.
    public let degreesOfFreedom: Double?
    /// P(χ²_df > X²).
    public let pValue: Double
    /// Always "asymptotic chi-square".
    public let testMethod = TestMethod.asymptoticChiSquare
    /// Expected counts of the full table (zero in empty rows and columns).
    public let expected: [[Double]]
    /// How many cells have an expected count below 5 (the usual warning threshold).
    public let cellsWithExpectedBelowFive: Int
    /// The smallest expected count among non-empty rows and columns.
    public let minimumExpected: Double
    /// (O - E) / √E per cell; 0 in empty rows and columns.
    public let pearsonResiduals: [[Double]]
    /// (O - E) / √(E (1 - r/n)(1 - c/n)) per cell, as R's `stdres` and PSPP's adjusted residuals.
    public let adjustedResiduals: [[Double]]
    /// Yates' continuity-corrected X² and its p for a 2×2 table (R's `correct = TRUE`), else nil.
    public let yates: (statistic: Double, pValue: Double)?

    /// Computes the test on `table`.
    public init(_ table: ContingencyTable) {
        let n = Double(table.total)
        let expected = table.expectedCounts
        var statistic = 0.0, below = 0, minimum = Double.infinity
        var pearson = expected.map { $0.map { _ in 0.0 } }
        var adjusted = pearson
        for i in 0..<table.rowCount where table.rowTotals[i] > 0 {
            for j in 0..<table.columnCount where table.columnTotals[j] > 0 {
                let e = expected[i][j], o = Double(table.counts[i][j])
                statistic += (o - e) * (o - e) / e
                if e < 5 { below += 1 }
                minimum = min(minimum, e)
                pearson[i][j] = (o - e) / e.squareRoot()
                let shrink = (1 - Double(table.rowTotals[i]) / n) * (1 - Double(table.columnTotals[j]) / n)
                adjusted[i][j] = (o - e) / (e * shrink).squareRoot()
            }
        }
        let reduced = table.droppingEmptyMargins()
        let df = Double((reduced.rowCount - 1) * (reduced.columnCount - 1))
        self.statistic = statistic
        self.degreesOfFreedom = df
        self.pValue = ChiSquaredDistribution.sf(statistic, df: df)
        self.expected = expected
        self.cellsWithExpectedBelowFive = below
        self.minimumExpected = minimum
        self.pearsonResiduals = pearson
        self.adjustedResiduals = adjusted
        self.yates = reduced.isTwoByTwo ? Self.yates(reduced) : nil
    }

    /// R caps the correction at |O - E| so that it never flips the sign of a deviation.
    private static func yates(_ table: ContingencyTable) -> (statistic: Double, pValue: Double) {
        let expected = table.expectedCounts
        var statistic = 0.0
        for i in 0..<2 {
            for j in 0..<2 {
                let deviation = abs(Double(table.counts[i][j]) - expected[i][j])
                let corrected = deviation - min(0.5, deviation)
                statistic += corrected * corrected / expected[i][j]
            }
        }
        return (statistic, ChiSquaredDistribution.sf(statistic, df: 1))
    }
}
