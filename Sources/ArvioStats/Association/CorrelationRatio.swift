/// The correlation ratio η of a numeric variable on a nominal one, with the one-way ANOVA F test
/// (η² = SS_between / SS_total, as R `summary(lm(y ~ group))$r.squared` and `aov`).
public struct CorrelationRatio: HypothesisTest, Equatable {
    /// η = √(SS_between / SS_total).
    public let eta: Double
    /// F = (SS_between / (k - 1)) / (SS_within / (n - k)).
    public let statistic: Double
    /// k - 1, the numerator degrees of freedom.
    public let degreesOfFreedom: Double?
    /// n - k, the denominator degrees of freedom.
    public let denominatorDegreesOfFreedom: Double
    /// P(F > f).
    public let pValue: Double
    /// Always "F test (one-way ANOVA)".
    public let testMethod = TestMethod.oneWayANOVA

    /// Computes η of `values` by `groups` (same length); throws with fewer than two groups,
    /// no residual degrees of freedom, or no variation, and `StatsError.cancelled` once
    /// `isCancelled` is set.
    public init<Group: Hashable>(values: [Double], groups: [Group], isCancelled: (@Sendable () -> Bool)? = nil) throws {
        guard values.count == groups.count else { throw StatsError.mismatchedLengths(values.count, groups.count) }
        let check = CancelCheck(isCancelled)
        guard try check.allFinite(values) else { throw StatsError.nonFiniteValue }
        // Each group's sum and count: in code order for codes, in the dictionary's order else.
        var sums: [(sum: Double, count: Double)] = []
        // `groups as? [Int]` would cast element by element, unpolled (half a second at 10M rows
        // when this generic body is not specialised): the same array, looked at as what it is.
        let codes = Group.self == Int.self ? unsafeBitCast(groups, to: [Int].self) : nil
        var low = Int.max, high = Int.min
        if let codes {
            try check.blocks(codes.count) { range in
                for i in range {
                    low = min(low, codes[i])
                    high = max(high, codes[i])
                }
            }
        }
        if let codes, !codes.isEmpty, high < max(4_096, codes.count), low >= 0 {
            // Codes 0..<k (`associate`'s categories, up to one per row, as its participants):
            // sums in arrays, with no hashing a row.
            let most = high
            var sum = [Double](repeating: 0, count: most + 1), count = [Double](repeating: 0, count: most + 1)
            try check.blocks(values.count) { range in
                for i in range {
                    sum[codes[i]] += values[i]
                    count[codes[i]] += 1
                }
            }
            for code in 0...most where count[code] > 0 { sums.append((sum[code], count[code])) }
        } else {
            var byGroup: [Group: (sum: Double, count: Double)] = [:]
            try check.blocks(values.count) { range in
                for i in range {
                    byGroup[groups[i], default: (0, 0)].sum += values[i]
                    byGroup[groups[i], default: (0, 0)].count += 1
                }
            }
            sums = Array(byGroup.values)
        }
        let n = Double(values.count), k = Double(sums.count)
        guard sums.count >= 2, n > k else { throw StatsError.tooFewObservations(needed: sums.count + 1, got: values.count) }
        let mean = try check.sum(values) / n
        var total = 0.0
        try check.blocks(values.count) { range in
            for i in range { total += (values[i] - mean) * (values[i] - mean) }
        }
        guard total > 0 else { throw StatsError.zeroVariance }
        let between = sums.reduce(0) { $0 + $1.count * ($1.sum / $1.count - mean) * ($1.sum / $1.count - mean) }
        let within = max(0, total - between)
        eta = (between / total).squareRoot()
        degreesOfFreedom = k - 1
        denominatorDegreesOfFreedom = n - k
        statistic = within > 0 ? (between / (k - 1)) / (within / (n - k)) : .infinity
        // P(F > f) = I_x(d2/2, d1/2) with x = d2 / (d2 + d1 f).
        pValue = within > 0
            ? BetaFunction.regularized(x: (n - k) / ((n - k) + (k - 1) * statistic),
                                       oneMinusX: (k - 1) * statistic / ((n - k) + (k - 1) * statistic),
                                       a: (n - k) / 2, b: (k - 1) / 2)
            : 0
    }
}
