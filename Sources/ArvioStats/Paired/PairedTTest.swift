import Foundation

/// The paired t-test of post - pre, as R `t.test(post, pre, paired = TRUE)`, with Cohen's d_z.
public struct PairedTTest: HypothesisTest, Equatable {
    /// t = mean(d) / (sd(d) / √n).
    public let statistic: Double
    /// n - 1.
    public let degreesOfFreedom: Double?
    /// The two-sided p-value.
    public let pValue: Double
    /// Always "Student t, paired".
    public let testMethod = TestMethod.studentTPaired
    /// The number of complete pairs.
    public let count: Int
    /// The mean of post - pre.
    public let meanDifference: Double
    /// The standard deviation of post - pre.
    public let standardDeviationOfDifferences: Double
    /// The confidence interval for the mean difference at `confidenceLevel`.
    public let confidenceInterval: ClosedRange<Double>
    /// Cohen's d_z = mean(d) / sd(d).
    public let cohensDz: Double
    /// Hedges' g_z = d_z × J(n - 1), J the exact small-sample correction Γ(m/2) / (√(m/2) Γ((m-1)/2)).
    public let hedgesGz: Double
    /// d_av = mean(d) / ((sd(pre) + sd(post)) / 2), Cumming's average-variance d.
    public let cohensDav: Double

    /// Tests pairs (pre[i], post[i]); throws on mismatched lengths, fewer than 2 pairs, or constant differences.
    public init(pre: [Double], post: [Double], confidenceLevel: Double = 0.95) throws {
        guard pre.count == post.count else { throw StatsError.mismatchedLengths(pre.count, post.count) }
        guard confidenceLevel > 0 && confidenceLevel < 1 else { throw StatsError.invalidProbability(confidenceLevel) }
        let differences = zip(post, pre).map { $0 - $1 }
        let summary = try DescriptiveSummary(differences)
        try self.init(mean: summary.mean, sd: summary.standardDeviation, count: differences.count,
                      sdPre: try DescriptiveSummary(pre).standardDeviation ?? 0,
                      sdPost: try DescriptiveSummary(post).standardDeviation ?? 0,
                      confidenceLevel: confidenceLevel)
    }

    /// The test from the moments of the differences, shared by the array and the tally paths.
    private init(mean: Double, sd: Double?, count: Int, sdPre: Double, sdPost: Double,
                 confidenceLevel: Double) throws {
        guard let sd else { throw StatsError.tooFewObservations(needed: 2, got: 1) }
        guard sd > 0 else { throw StatsError.zeroVariance }
        let n = Double(count), df = n - 1
        let standardError = sd / n.squareRoot()
        statistic = mean / standardError
        degreesOfFreedom = df
        pValue = StudentTDistribution.twoSidedP(statistic, df: df)
        self.count = count
        meanDifference = mean
        standardDeviationOfDifferences = sd
        let margin = StudentTDistribution.quantile(0.5 + confidenceLevel / 2, df: df) * standardError
        confidenceInterval = (mean - margin)...(mean + margin)
        cohensDz = mean / sd
        let j = exp(GammaFunction.logGamma(df / 2) - GammaFunction.logGamma((df - 1) / 2)) / (df / 2).squareRoot()
        hedgesGz = df > 1 ? cohensDz * j : .nan
        cohensDav = mean / ((sdPre + sdPost) / 2)
    }
}

extension PairedTTest {
    /// Tests the pairs of a tally: the same result as `init(pre:post:)` (to rounding), the
    /// moments taken over the few distinct values.
    public init(tally: PairedTally, confidenceLevel: Double = 0.95) throws {
        guard confidenceLevel > 0 && confidenceLevel < 1 else { throw StatsError.invalidProbability(confidenceLevel) }
        let d = PairedTally.moments(tally.differenceCounts, offset: 1 - tally.width)
        guard d.n > 0 else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        try self.init(mean: d.mean, sd: d.sd, count: d.n,
                      sdPre: PairedTally.moments(tally.preCounts, offset: tally.low).sd ?? 0,
                      sdPost: PairedTally.moments(tally.postCounts, offset: tally.low).sd ?? 0,
                      confidenceLevel: confidenceLevel)
    }
}

extension PairedTTest {
    /// Tests the units' means of a tally (each unit's mean before and after): the same result
    /// as `init(pre:post:)` on the means (to rounding), the moments taken over the distinct
    /// fractions with their counts.
    public init(unitTally: UnitChangeTally, confidenceLevel: Double = 0.95) throws {
        guard confidenceLevel > 0 && confidenceLevel < 1 else { throw StatsError.invalidProbability(confidenceLevel) }
        let d = UnitChangeTally.moments(unitTally.changes)
        guard d.n > 0 else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        try self.init(mean: d.mean, sd: d.sd, count: d.n,
                      sdPre: UnitChangeTally.moments(unitTally.preMeans).sd ?? 0,
                      sdPost: UnitChangeTally.moments(unitTally.postMeans).sd ?? 0,
                      confidenceLevel: confidenceLevel)
    }
}
