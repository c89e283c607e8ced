/// The Wilcoxon–Mann–Whitney rank-sum test of two independent samples, with midranks for ties.
///
/// At most `exactLimit` values in all, the p-value is exact and conditional on the tied ranks
/// (`coin::wilcox_test(distribution = "exact")`, `exactRankTests::wilcox.exact`); above it,
/// the normal approximation with tie-corrected variance and no continuity correction
/// (R `wilcox.test(exact = FALSE, correct = FALSE)`).
public struct MannWhitneyUTest: HypothesisTest, Equatable {
    /// The largest combined sample with an exact p-value.
    public static let defaultExactLimit = 80

    /// U of the first sample: pairs (x, y) with x > y, ties counting 1/2 (R's W).
    public let statistic: Double
    /// Always nil.
    public var degreesOfFreedom: Double? { nil }
    /// The two-sided p-value by `method`.
    public let pValue: Double
    /// "exact conditional on ties" or "normal approximation, tie-corrected, no continuity correction".
    public let testMethod: TestMethod
    /// Whether `pValue` is exact.
    public let isExact: Bool
    /// The normal approximation, reported whatever `method` is.
    public let normalApproximation: ZTest
    /// The rank-biserial correlation 2U / (n1 n2) - 1, positive when the first sample tends to be larger.
    public let rankBiserial: Double
    /// mean(x) - mean(y).
    public let differenceInMeans: Double

    /// Tests `x` against `y`; throws when either is empty or a value is not finite, and
    /// `StatsError.cancelled` once `isCancelled` is set (looked at throughout the ranking).
    public init(_ x: [Double], _ y: [Double], exactLimit: Int = MannWhitneyUTest.defaultExactLimit,
                isCancelled: (@Sendable () -> Bool)? = nil) throws {
        guard !x.isEmpty, !y.isEmpty else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        let check = CancelCheck(isCancelled)
        guard try check.allFinite(x), try check.allFinite(y) else { throw StatsError.nonFiniteValue }
        let both = try check.array(x.count + y.count) { $0 < x.count ? x[$0] : y[$0 - x.count] }
        let ranked = try Ranking.ranks(both, isCancelled: isCancelled)
        let ranks = ranked.doubled
        let n1 = Double(x.count), n2 = Double(y.count), n = n1 + n2
        let doubledSum = try check.sum(ranks[..<x.count])
        statistic = Double(doubledSum) / 2 - n1 * (n1 + 1) / 2
        rankBiserial = 2 * statistic / (n1 * n2) - 1
        differenceInMeans = try check.sum(x) / n1 - check.sum(y) / n2
        let ties = ranked.tieSizes.reduce(0.0) { total, size in
            // In Double: a tie group of 2.1 million (a 5-point scale at 10M rows) overflows t³ in Int.
            let t = Double(size)
            return total + t * t * t - t
        }
        let variance = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)))
        guard variance > 0 else { throw StatsError.zeroVariance }
        normalApproximation = ZTest(z: (statistic - n1 * n2 / 2) / variance.squareRoot(),
                                    method: .normalApproximationTieCorrected)
        isExact = x.count + y.count <= exactLimit
        if isExact {
            let mass = ExactRankDistributions.rankSum(doubledRanks: ranks, size: x.count)
            pValue = ExactRankDistributions.twoSidedP(mass, observed: doubledSum)
            testMethod = .exactConditionalOnTies
        } else {
            pValue = normalApproximation.pValue
            testMethod = normalApproximation.testMethod
        }
    }
}
