/// The exact sign test of post - pre: how many pairs improved against how many got worse,
/// ties dropped, two-sided as R `binom.test(positive, positive + negative)`.
public struct SignTest: HypothesisTest, Equatable {
    /// The number of positive differences.
    public let statistic: Double
    /// Always nil.
    public var degreesOfFreedom: Double? { nil }
    /// The exact two-sided binomial p-value.
    public let pValue: Double
    /// Always "exact binomial".
    public let method = "exact binomial"
    /// Pairs with post > pre.
    public let positive: Int
    /// Pairs with post < pre.
    public let negative: Int
    /// Pairs with post == pre (left out of the test).
    public let ties: Int

    /// Tests pairs (pre[i], post[i]); throws on mismatched lengths or when every pair is tied.
    public init(pre: [Double], post: [Double]) throws {
        guard pre.count == post.count else { throw StatsError.mismatchedLengths(pre.count, post.count) }
        let differences = zip(post, pre).map { $0 - $1 }
        positive = differences.filter { $0 > 0 }.count
        negative = differences.filter { $0 < 0 }.count
        ties = differences.count - positive - negative
        guard positive + negative > 0 else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        statistic = Double(positive)
        pValue = Self.binomialTwoSided(positive, n: positive + negative)
    }

    /// R's two-sided rule with p = 1/2: the mass of outcomes no more likely than the observed one.
    static func binomialTwoSided(_ k: Int, n: Int) -> Double {
        let observed = BinomialDistribution.pmf(k, n: n, p: 0.5) * (1 + 1e-7)
        let total = (0...n).reduce(0.0) { sum, x in
            let mass = BinomialDistribution.pmf(x, n: n, p: 0.5)
            return mass <= observed ? sum + mass : sum
        }
        return min(1, total)
    }
}
