import Foundation

/// Fisher's F distribution with d1 and d2 degrees of freedom.
public enum FDistribution {
    /// P(F ≤ f), from the regularized incomplete beta I(d1 f / (d1 f + d2); d1/2, d2/2).
    public static func cdf(_ f: Double, d1: Double, d2: Double) -> Double {
        guard f > 0 else { return 0 }
        guard f.isFinite else { return 1 }
        let x = d1 * f / (d1 * f + d2)
        return BetaFunction.regularized(x: x, oneMinusX: d2 / (d1 * f + d2), a: d1 / 2, b: d2 / 2)
    }

    /// The quantile f with P(F ≤ f) = p, by bisection on x = d1 f / (d1 f + d2) in (0, 1), where
    /// the cdf is monotone and bounded, so the search needs no starting guess.
    public static func quantile(_ p: Double, d1: Double, d2: Double) -> Double {
        if p <= 0 { return 0 }
        if p >= 1 { return .infinity }
        var low = 0.0
        var high = 1.0
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if mid == low || mid == high { break }
            let value = BetaFunction.regularized(x: mid, oneMinusX: 1 - mid, a: d1 / 2, b: d2 / 2)
            if value < p { low = mid } else { high = mid }
        }
        let x = (low + high) / 2
        return x * d2 / ((1 - x) * d1)
    }
}
