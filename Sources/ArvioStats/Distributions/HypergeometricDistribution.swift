import Foundation

/// The hypergeometric distribution of the top-left cell of a 2×2 table with fixed margins.
///
/// Parameters follow R's `dhyper(x, m, n, k)`: `m` white and `n` black balls, `k` drawn.
public enum HypergeometricDistribution {
    /// The smallest and largest possible x.
    public static func support(m: Int, n: Int, k: Int) -> ClosedRange<Int> {
        max(0, k - n)...min(k, m)
    }

    /// P(X = x).
    public static func pmf(_ x: Int, m: Int, n: Int, k: Int) -> Double {
        guard support(m: m, n: n, k: k).contains(x) else { return 0 }
        return exp(GammaFunction.logChoose(m, x) + GammaFunction.logChoose(n, k - x)
                   - GammaFunction.logChoose(m + n, k))
    }

    /// P(X ≤ x).
    public static func cdf(_ x: Int, m: Int, n: Int, k: Int) -> Double {
        let range = support(m: m, n: n, k: k)
        guard x >= range.lowerBound else { return 0 }
        guard x < range.upperBound else { return 1 }
        return min(1, (range.lowerBound...x).reduce(0) { $0 + pmf($1, m: m, n: n, k: k) })
    }

    /// P(X ≥ x).
    public static func upperTail(_ x: Int, m: Int, n: Int, k: Int) -> Double {
        let range = support(m: m, n: n, k: k)
        guard x <= range.upperBound else { return 0 }
        guard x > range.lowerBound else { return 1 }
        return min(1, (x...range.upperBound).reduce(0) { $0 + pmf($1, m: m, n: n, k: k) })
    }
}
