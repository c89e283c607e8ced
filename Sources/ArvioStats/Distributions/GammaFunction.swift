import Foundation

/// The gamma function's logarithm and the regularized incomplete gamma functions.
public enum GammaFunction {
    /// ln Γ(x) for x > 0 (glibc's lgamma, accurate to a few ulps).
    public static func logGamma(_ x: Double) -> Double {
        lgamma(x)
    }

    /// ln(n!) for a non-negative integer n.
    public static func logFactorial(_ n: Int) -> Double {
        n < 2 ? 0 : lgamma(Double(n) + 1)
    }

    /// ln C(n, k), the log binomial coefficient; -∞ outside 0 ≤ k ≤ n.
    public static func logChoose(_ n: Int, _ k: Int) -> Double {
        guard k >= 0 && k <= n else { return -.infinity }
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k)
    }

    /// The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).
    public static func regularizedP(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x > 0 else { return x <= 0 ? 0 : .nan }
        // The series converges fast below a + 1, the continued fraction above it.
        return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x)
    }

    /// The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x), without cancellation.
    public static func regularizedQ(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x > 0 else { return x <= 0 ? 1 : .nan }
        return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x)
    }

    private static func prefactor(_ a: Double, _ x: Double) -> Double {
        exp(a * log(x) - x - logGamma(a))
    }

    private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var denominator = a
        for _ in 0..<10_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * prefactor(a, x)
    }

    /// Lentz's method on the continued fraction for Q(a, x).
    private static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return prefactor(a, x) * h
    }
}
