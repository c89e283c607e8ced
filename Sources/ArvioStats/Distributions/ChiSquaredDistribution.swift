/// The chi-square distribution.
public enum ChiSquaredDistribution {
    /// P(X ≤ x) for df degrees of freedom.
    public static func cdf(_ x: Double, df: Double) -> Double {
        GammaFunction.regularizedP(df / 2, x / 2)
    }

    /// P(X > x), the p-value of a chi-square statistic.
    public static func sf(_ x: Double, df: Double) -> Double {
        GammaFunction.regularizedQ(df / 2, x / 2)
    }
}
