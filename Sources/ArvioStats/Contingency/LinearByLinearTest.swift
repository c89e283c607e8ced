/// The linear-by-linear association (Mantel–Haenszel trend) test with scores 1, 2, ... as PSPP.
public struct LinearByLinearTest: HypothesisTest, Equatable {
    /// M² = (n - 1) r², r the Pearson correlation of row and column scores.
    public let statistic: Double
    /// Always 1.
    public let degreesOfFreedom: Double? = 1
    /// P(χ²_1 > M²).
    public let pValue: Double
    /// Always "asymptotic chi-square, scores 1..k".
    public let testMethod = TestMethod.asymptoticChiSquareScores

    /// Computes M² with equally spaced scores in the table's category order.
    public init(_ table: ContingencyTable) {
        var sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
        for (i, row) in table.counts.enumerated() {
            for (j, count) in row.enumerated() {
                let w = Double(count), x = Double(i + 1), y = Double(j + 1)
                sx += w * x; sy += w * y; sxx += w * x * x; syy += w * y * y; sxy += w * x * y
            }
        }
        let n = Double(table.total)
        let r = (sxy - sx * sy / n) / ((sxx - sx * sx / n) * (syy - sy * sy / n)).squareRoot()
        statistic = (n - 1) * r * r
        pValue = ChiSquaredDistribution.sf(statistic, df: 1)
    }
}
