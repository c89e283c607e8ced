/// The Kruskal–Wallis rank test of k independent groups: whether the values tend to be larger in
/// some groups than in others. H is R's `kruskal.test` statistic (midranks, tie-corrected).
///
/// The p-value is exact, conditional on the tied ranks, when the groups can be rearranged in at
/// most `exactLimit` ways (n! / (n₁!⋯n_k!): 14 values in groups of 5, 4 and 5 are 252,252): every
/// rearrangement is counted. Above that, in a large sample (more than `asymptoticLimit` values
/// and at least `asymptoticMinimumGroup` in every group) it is the χ² approximation on k − 1 df,
/// R's `kruskal.test`, whose error there is far below a Monte Carlo estimate's; otherwise a
/// seeded Monte Carlo estimate over random rearrangements (as `coin::kruskal_test(distribution =
/// approximate())`), 10,000 and doubling near 0.05 and 0.01. The χ² p is always given as well.
public struct KruskalWallisTest: HypothesisTest, Equatable {
    /// The most rearrangements counted one by one.
    public static let exactLimit = 1_000_000
    /// Above this many values (with every group at least `asymptoticMinimumGroup`) the p is the
    /// χ² approximation's: 10,000 shuffles of 5,000 values is already a second's work.
    public static let asymptoticLimit = 5_000
    /// The smallest group for which the χ² p is used in a large sample: each group's rank sum is
    /// then a sum of 30 or more draws without replacement, close to normal.
    public static let asymptoticMinimumGroup = 30

    /// H, tie-corrected.
    public let statistic: Double
    /// k − 1.
    public let groupCount: Int
    /// Always k − 1 (for the χ² approximation).
    public var degreesOfFreedom: Double? { Double(groupCount - 1) }
    /// The exact or Monte Carlo permutation p, or in a large sample the χ² approximation's.
    public let pValue: Double
    /// "exact conditional on ties (N rearrangements)", the Monte Carlo method with its SE, or
    /// "asymptotic chi-square (n = N, smallest group M)".
    public let method: String
    /// Whether `pValue` is exact.
    public let isExact: Bool
    /// How `pValue` was obtained, to name in any language.
    public let testMethod: TestMethod
    /// P(χ²(k − 1) ≥ H).
    public let asymptoticP: Double
    /// ε² = H / ((n² − 1)/(n + 1)) = H / (n − 1), the rank effect size of Tomczak & Tomczak (2014)
    /// and `rcompanion::epsilonSquared`.
    public let epsilonSquared: Double

    /// Tests `groups` (each a sample); empty groups are left out. Throws when fewer than two
    /// groups have values, a value is not finite, or every value is the same.
    public init(_ groups: [[Double]], exactLimit: Int = KruskalWallisTest.exactLimit,
                seed: UInt64 = SeededGenerator.defaultSeed, isCancelled: (@Sendable () -> Bool)? = nil) throws {
        let samples = groups.filter { !$0.isEmpty }
        guard samples.count >= 2 else { throw StatsError.tooFewObservations(needed: 2, got: samples.count) }
        let values = samples.flatMap { $0 }
        guard values.allSatisfy(\.isFinite) else { throw StatsError.nonFiniteValue }
        let n = values.count
        let ranked = try Ranking.ranks(values, isCancelled: isCancelled)
        let ranks = ranked.doubled
        let ties = ranked.tieSizes.reduce(0.0) { total, size in
            // In Double: a tie group of 2.1 million (a 5-point scale at 10M rows) overflows t³ in Int.
            let t = Double(size)
            return total + t * t * t - t
        }
        let nd = Double(n)
        let correction = 1 - ties / (nd * nd * nd - nd)
        guard correction > 0 else { throw StatsError.zeroVariance }
        let sizes = samples.map(\.count)
        var labels: [Int] = []
        for (g, size) in sizes.enumerated() { labels += Array(repeating: g, count: size) }
        let observed = Self.score(ranks, labels, sizes)
        // H from the score Σ (2R_i)² / n_i of doubled rank sums.
        func h(_ score: Double) -> Double {
            (12 / (nd * (nd + 1)) * score / 4 - 3 * (nd + 1)) / correction
        }
        statistic = h(observed)
        groupCount = samples.count
        asymptoticP = ChiSquaredDistribution.sf(statistic, df: Double(samples.count - 1))
        epsilonSquared = statistic / (nd - 1)
        let reach = observed * (1 - 1e-12)
        if let count = Self.arrangements(sizes), count <= Double(exactLimit) {
            var asExtreme = 0, total = 0
            try Self.enumerate(ranks: ranks, sizes: sizes, isCancelled: isCancelled) { score in
                total += 1
                if score >= reach { asExtreme += 1 }
            }
            pValue = Double(asExtreme) / Double(total)
            method = "exact conditional on ties (\(total) rearrangements)"
            testMethod = .exactConditionalOnTies
            isExact = true
        } else if n > Self.asymptoticLimit, let smallest = sizes.min(), smallest >= Self.asymptoticMinimumGroup {
            pValue = asymptoticP
            method = "\(TestMethod.asymptoticChiSquare) (n = \(n), smallest group \(smallest))"
            testMethod = .asymptoticChiSquare
            isExact = false
        } else {
            let test = try PermutationTest(x: ranks, y: labels, seed: seed, isCancelled: isCancelled) { r, g in
                Self.score(r, g, sizes)
            }
            pValue = test.pValue
            method = test.method
            testMethod = test.testMethod
            isExact = false
        }
    }

    /// Σ (doubled rank sum of group g)² / n_g for ranks labelled by group.
    static func score(_ ranks: [Int], _ labels: [Int], _ sizes: [Int]) -> Double {
        var sums = [Int](repeating: 0, count: sizes.count)
        for (r, g) in zip(ranks, labels) { sums[g] += r }
        return zip(sums, sizes).reduce(0.0) { $0 + Double($1.0) * Double($1.0) / Double($1.1) }
    }

    /// n! / (n₁!⋯n_k!), or nil past 1e15.
    static func arrangements(_ sizes: [Int]) -> Double? {
        var result = 1.0, placed = 0
        for size in sizes {
            for i in 0..<size {
                placed += 1
                result = result * Double(placed) / Double(i + 1)
                if result > 1e15 { return nil }
            }
        }
        return result.rounded()
    }

    /// Calls `visit` with the score of every assignment of the ranks to groups of `sizes`:
    /// depth first, item by item, each into a group with room left.
    private static func enumerate(ranks: [Int], sizes: [Int], isCancelled: (@Sendable () -> Bool)?,
                                  visit: (Double) -> Void) throws {
        var room = sizes
        var sums = [Int](repeating: 0, count: sizes.count)
        var visited = 0
        var cancelled = false
        // Suffix sums: once one group alone has room, the rest of the ranks are its, in one step.
        var rest = [Int](repeating: 0, count: ranks.count + 1)
        for i in stride(from: ranks.count - 1, through: 0, by: -1) { rest[i] = rest[i + 1] + ranks[i] }
        let k = sizes.count
        func leaf(_ last: Int?, _ add: Int) {
            visited += 1
            if visited & 0xFFFF == 0, let isCancelled, isCancelled() { cancelled = true }
            var score = 0.0
            for g in 0..<k {
                let sum = Double(sums[g] + (g == last ? add : 0))
                score += sum * sum / Double(sizes[g])
            }
            visit(score)
        }
        func place(_ item: Int) {
            if cancelled { return }
            if item == ranks.count {
                leaf(nil, 0)
                return
            }
            var open = -1, openCount = 0
            for g in 0..<k where room[g] > 0 {
                open = g
                openCount += 1
            }
            if openCount == 1 {
                leaf(open, rest[item])
                return
            }
            for g in room.indices where room[g] > 0 {
                room[g] -= 1
                sums[g] += ranks[item]
                place(item + 1)
                sums[g] -= ranks[item]
                room[g] += 1
            }
        }
        place(0)
        if cancelled { throw StatsError.cancelled }
    }
}
