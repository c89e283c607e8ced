import Foundation

/// The binomial distribution with n trials and success probability p.
public enum BinomialDistribution {
    /// P(X = k).
    public static func pmf(_ k: Int, n: Int, p: Double) -> Double {
        guard k >= 0 && k <= n else { return 0 }
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == n ? 1 : 0 }
        return exp(GammaFunction.logChoose(n, k) + Double(k) * log(p) + Double(n - k) * log1p(-p))
    }

    /// P(X ≤ k).
    public static func cdf(_ k: Int, n: Int, p: Double) -> Double {
        if k < 0 { return 0 }
        if k >= n { return 1 }
        return BetaFunction.regularized(x: 1 - p, oneMinusX: p, a: Double(n - k), b: Double(k + 1))
    }

    /// P(X > k).
    public static func sf(_ k: Int, n: Int, p: Double) -> Double {
        if k < 0 { return 1 }
        if k >= n { return 0 }
        return BetaFunction.regularized(x: p, oneMinusX: 1 - p, a: Double(k + 1), b: Double(n - k))
    }
}
