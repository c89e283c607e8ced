import Foundation

/// Student's t distribution.
public enum StudentTDistribution {
    /// P(T ≤ t) for df degrees of freedom.
    public static func cdf(_ t: Double, df: Double) -> Double {
        t < 0 ? tail(t, df: df) : 1 - tail(t, df: df)
    }

    /// P(T > t).
    public static func sf(_ t: Double, df: Double) -> Double {
        cdf(-t, df: df)
    }

    /// The two-sided p-value P(|T| ≥ |t|).
    public static func twoSidedP(_ t: Double, df: Double) -> Double {
        min(1, 2 * tail(t, df: df))
    }

    /// The density at t.
    public static func pdf(_ t: Double, df: Double) -> Double {
        exp(GammaFunction.logGamma((df + 1) / 2) - GammaFunction.logGamma(df / 2)
            - 0.5 * log(df * Double.pi) - (df + 1) / 2 * log1p(t * t / df))
    }

    /// The quantile t with P(T ≤ t) = p, by safeguarded Newton steps on the cdf.
    public static func quantile(_ p: Double, df: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, df: df) }
        // Bracket the root, then refine; the t tail is heavy, so widen geometrically.
        var low = 0.0
        var high = max(1.0, NormalDistribution.quantile(p))
        while cdf(high, df: df) < p { low = high; high *= 2 }
        var t = NormalDistribution.quantile(p)
        if !(t > low && t < high) { t = (low + high) / 2 }
        for _ in 0..<200 {
            let f = cdf(t, df: df) - p
            if f > 0 { high = t } else { low = t }
            var next = t - f / pdf(t, df: df)
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-15 * max(1, abs(t)) { return next }
            t = next
        }
        return t
    }

    /// P(T ≤ -|t|), from the incomplete beta with the argument chosen to avoid cancellation.
    private static func tail(_ t: Double, df: Double) -> Double {
        let t2 = t * t
        let x = df / (df + t2), y = t2 / (df + t2)
        return 0.5 * BetaFunction.regularized(x: x, oneMinusX: y, a: df / 2, b: 0.5)
    }
}
