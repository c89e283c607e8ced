import Foundation

/// Pearson's r or Spearman's ρ with the t test of zero correlation, as R
/// `cor.test(method = "pearson")` and `cor.test(method = "spearman", exact = FALSE)`.
public struct Correlation: HypothesisTest, Equatable {
    /// Which coefficient.
    public enum Kind: Sendable, Equatable {
        /// Pearson's product-moment r.
        case pearson
        /// Spearman's ρ: Pearson's r of the midranks.
        case spearman
    }

    /// The coefficient.
    public let coefficient: Double
    /// t = r √((n - 2) / (1 - r²)).
    public let statistic: Double
    /// n - 2.
    public let degreesOfFreedom: Double?
    /// The two-sided p-value of t.
    public let pValue: Double
    /// A t approximation (Spearman) or Student's t (Pearson).
    public let testMethod: TestMethod
    /// The number of pairs.
    public let count: Int
    /// The 95% Fisher-z interval for Pearson's r (R's `conf.int`); nil for Spearman or n ≤ 3.
    public let confidenceInterval: ClosedRange<Double>?

    /// Correlates x[i] with y[i]; throws on mismatched lengths, fewer than 3 pairs, or a constant
    /// variable, and `StatsError.cancelled` once `isCancelled` is set (looked at in every pass).
    public init(_ x: [Double], _ y: [Double], kind: Kind = .pearson, isCancelled: (@Sendable () -> Bool)? = nil) throws {
        guard x.count == y.count else { throw StatsError.mismatchedLengths(x.count, y.count) }
        guard x.count >= 3 else { throw StatsError.tooFewObservations(needed: 3, got: x.count) }
        let check = CancelCheck(isCancelled)
        guard try check.allFinite(x), try check.allFinite(y) else { throw StatsError.nonFiniteValue }
        let (u, v) = kind == .pearson ? (x, y)
            : (try Ranking.midranks(x, isCancelled: isCancelled), try Ranking.midranks(y, isCancelled: isCancelled))
        let r = try Self.pearson(u, v, check)
        let n = Double(x.count)
        coefficient = r
        count = x.count
        degreesOfFreedom = n - 2
        statistic = r * ((n - 2) / (1 - r * r)).squareRoot()
        pValue = abs(r) >= 1 ? 0 : StudentTDistribution.twoSidedP(statistic, df: n - 2)
        testMethod = kind == .pearson ? .studentT : .tApproximation
        if kind == .pearson && x.count > 3 && abs(r) < 1 {
            let z = atanh(r), margin = NormalDistribution.quantile(0.975) / (n - 3).squareRoot()
            confidenceInterval = tanh(z - margin)...tanh(z + margin)
        } else {
            confidenceInterval = nil
        }
    }

    /// Pearson's r alone, for a permutation test that shuffles ranks already taken (Spearman's ρ
    /// is this r of the midranks, which a shuffle only reorders); throws on a constant variable.
    public static func pearsonCoefficient(_ x: [Double], _ y: [Double]) throws -> Double {
        try pearson(x, y)
    }

    static func pearson(_ x: [Double], _ y: [Double], _ check: CancelCheck = CancelCheck(nil)) throws -> Double {
        let n = Double(x.count)
        let mx = try check.sum(x) / n, my = try check.sum(y) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        try check.blocks(x.count) { range in
            for i in range {
                let a = x[i], b = y[i]
                sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my)
            }
        }
        guard sxx > 0, syy > 0 else { throw StatsError.zeroVariance }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }
}
