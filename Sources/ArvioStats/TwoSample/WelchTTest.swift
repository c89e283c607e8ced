/// Welch's unequal-variance t-test of mean(x) - mean(y), as R `t.test(x, y)`.
public struct WelchTTest: HypothesisTest, Equatable {
    /// t = (mean(x) - mean(y)) / √(s²x/nx + s²y/ny).
    public let statistic: Double
    /// The Welch–Satterthwaite degrees of freedom.
    public let degreesOfFreedom: Double?
    /// The two-sided p-value.
    public let pValue: Double
    /// Always "Welch t".
    public let testMethod = TestMethod.welchT
    /// mean(x) - mean(y).
    public let differenceInMeans: Double
    /// The confidence interval of the difference at the requested level.
    public let confidenceInterval: ClosedRange<Double>

    /// Tests `x` against `y`; throws when a sample has fewer than 2 values or both have no spread.
    public init(_ x: [Double], _ y: [Double], confidenceLevel: Double = 0.95) throws {
        guard confidenceLevel > 0 && confidenceLevel < 1 else { throw StatsError.invalidProbability(confidenceLevel) }
        let a = try DescriptiveSummary(x), b = try DescriptiveSummary(y)
        guard let sa = a.standardDeviation, let sb = b.standardDeviation else {
            throw StatsError.tooFewObservations(needed: 2, got: min(x.count, y.count))
        }
        let va = sa * sa / Double(x.count), vb = sb * sb / Double(y.count)
        guard va + vb > 0 else { throw StatsError.zeroVariance }
        let se = (va + vb).squareRoot()
        let df = (va + vb) * (va + vb) / (va * va / Double(x.count - 1) + vb * vb / Double(y.count - 1))
        differenceInMeans = a.mean - b.mean
        statistic = differenceInMeans / se
        degreesOfFreedom = df
        pValue = StudentTDistribution.twoSidedP(statistic, df: df)
        let margin = StudentTDistribution.quantile(0.5 + confidenceLevel / 2, df: df) * se
        confidenceInterval = (differenceInMeans - margin)...(differenceInMeans + margin)
    }
}
