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
    public let testMethod = TestMethod.exactBinomial
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

    /// Tests counts of pairs that went up, down and stayed; throws when none moved.
    public init(positive: Int, negative: Int, ties: Int) throws {
        self.positive = positive
        self.negative = negative
        self.ties = ties
        guard positive + negative > 0 else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        statistic = Double(positive)
        pValue = Self.binomialTwoSided(positive, n: positive + negative)
    }

    /// R's two-sided rule with p = 1/2: the mass of outcomes no more likely than the observed one.
    static func binomialTwoSided(_ k: Int, n: Int) -> Double {
        if n > 2000, let tails = tailSum(k, n: n) { return min(1, tails) }
        let observed = BinomialDistribution.pmf(k, n: n, p: 0.5) * (1 + 1e-7)
        let total = (0...n).reduce(0.0) { sum, x in
            let mass = BinomialDistribution.pmf(x, n: n, p: 0.5)
            return mass <= observed ? sum + mass : sum
        }
        return min(1, total)
    }

    /// The same sum for large n without visiting every outcome: the pmf is unimodal and
    /// symmetric, so the outcomes no more likely than k are two tails, summed outward from their
    /// edges until the terms no longer change the sum. nil when the tails meet (sum everything).
    private static func tailSum(_ k: Int, n: Int) -> Double? {
        let observed = BinomialDistribution.pmf(k, n: n, p: 0.5) * (1 + 1e-7)
        func mass(_ x: Int) -> Double { BinomialDistribution.pmf(x, n: n, p: 0.5) }
        var a = min(k, n - k), b = max(k, n - k)
        // The pmf rises to the mode n/2 and falls after it, so the last x below the mode no more
        // likely than k is found by bisection (a walk took one pmf per step: 120 000 steps for
        // 250 000 up against 12 000 down, where every pmf underflows to 0), and the first x
        // above the mode likewise; the walks after them only confirm the edges.
        var high = min(b, n / 2 + 1)
        if a + 1 < high && mass(a + 1) <= observed {
            // mass(a + 1) ≤ observed and, once high is above it, mass(high) > observed or high = b.
            var low = a + 1
            while low + 1 < high {
                let mid = (low + high) / 2
                if mass(mid) <= observed { low = mid } else { high = mid }
            }
            a = low
        }
        while a + 1 < b && mass(a + 1) <= observed { a += 1 }
        // The same from above: mass(b − 1) ≤ observed, and mass(low) > observed or low = a.
        var low = max(a, (n + 1) / 2 - 1)
        if b - 1 > low && mass(b - 1) <= observed {
            var top = b - 1
            while low + 1 < top {
                let mid = (low + top) / 2
                if mass(mid) <= observed { top = mid } else { low = mid }
            }
            b = top
        }
        while b - 1 > a && mass(b - 1) <= observed { b -= 1 }
        guard a + 1 < b else { return nil }
        var lower = 0.0
        var x = a
        while x >= 0 {
            let m = mass(x)
            if m == 0 || m < lower * 1e-18 { break }
            lower += m
            x -= 1
        }
        var upper = 0.0
        x = b
        while x <= n {
            let m = mass(x)
            if m == 0 || m < upper * 1e-18 { break }
            upper += m
            x += 1
        }
        return lower + upper
    }
}
