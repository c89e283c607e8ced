import Foundation

/// The regularized incomplete beta function, on which the t, F and binomial tails rest.
public enum BetaFunction {
    /// ln B(a, b).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        GammaFunction.logGamma(a) + GammaFunction.logGamma(b) - GammaFunction.logGamma(a + b)
    }

    /// I_x(a, b) for 0 ≤ x ≤ 1 and a, b > 0.
    public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        regularized(x: x, oneMinusX: 1 - x, a: a, b: b)
    }

    /// I_x(a, b) given both x and 1 - x, so callers that know 1 - x precisely
    /// (a tail probability near 1) lose no digits forming it.
    static func regularized(x: Double, oneMinusX y: Double, a: Double, b: Double) -> Double {
        guard a > 0, b > 0, x >= 0, y >= 0 else { return .nan }
        if x == 0 { return 0 }
        if y == 0 { return 1 }
        let front = exp(a * log(x) + b * log(y) - logBeta(a, b))
        // The continued fraction converges quickly only on this side of the mean.
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front * continuedFraction(x: y, a: b, b: a) / b
    }

    /// Lentz's method on the continued fraction for I_x(a, b) (Numerical Recipes' betacf).
    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...100_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}
