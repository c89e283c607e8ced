import Foundation

/// A resampled p-value: of `replicates` random tables or shuffles drawn under the null,
/// `asExtreme` were at least as extreme as the data; p = (asExtreme + 1) / (replicates + 1), R's
/// estimate, which counts the observed data as one replicate.
public struct MonteCarloEstimate: Sendable, Equatable {
    /// The replicates drawn (B).
    public let replicates: Int
    /// How many were at least as extreme as the observed data.
    public let asExtreme: Int
    /// The seed of the stream they were drawn from.
    public let seed: UInt64

    /// Creates an estimate from its counts.
    public init(replicates: Int, asExtreme: Int, seed: UInt64) {
        self.replicates = replicates
        self.asExtreme = asExtreme
        self.seed = seed
    }

    /// (x + 1) / (B + 1).
    public var pValue: Double { Double(asExtreme + 1) / Double(replicates + 1) }
    /// True when no replicate was as extreme: `pValue` is then only the bound 1/(B+1), p < it.
    public var isUpperBound: Bool { asExtreme == 0 }
    /// The binomial standard error √(p(1−p)/B).
    public var standardError: Double { (pValue * (1 - pValue) / Double(replicates)).squareRoot() }

    /// The 99% Clopper–Pearson interval for the true p from x of B (its lower end 0 when x = 0).
    public var interval99: (low: Double, high: Double) {
        let x = Double(asExtreme), b = Double(replicates)
        let low = asExtreme == 0 ? 0 : Self.betaQuantile(0.005, a: x, b: b - x + 1)
        let high = asExtreme == replicates ? 1 : Self.betaQuantile(0.995, a: x + 1, b: b - x)
        return (low, high)
    }

    /// The replicates to draw, by the documented rule (docs/statistics.md): start at `initial`
    /// and double while the estimate lies within 3 standard errors of 0.05 or 0.01, up to `maximum`.
    public static func needsMore(asExtreme: Int, replicates: Int, maximum: Int) -> Bool {
        guard replicates < maximum else { return false }
        let estimate = MonteCarloEstimate(replicates: replicates, asExtreme: asExtreme, seed: 0)
        let margin = 3 * estimate.standardError
        return [0.05, 0.01].contains { abs(estimate.pValue - $0) < margin }
    }

    /// E.g. "Monte Carlo (Patefield), 10000 tables, seed 1, SE 0.0012, 99% CI 0.0101–0.0132" or,
    /// when none was as extreme, "…: none as extreme, p < 1/(B+1) = 9.9990e-05". The words
    /// are English unless others are given, so a caller can name the method in its language.
    public func method(_ name: String, unit: String, seed seedWord: String = "seed",
                       noneAsExtreme: String = "none as extreme", interval: String = "99% CI") -> String {
        let head = "\(name), \(replicates) \(unit), \(seedWord) \(seed)"
        if isUpperBound {
            return head + ": \(noneAsExtreme), p < 1/(B+1) = \(Self.significant(pValue, 5))"
        }
        let (low, high) = interval99
        return head + ", SE \(Self.significant(standardError, 2)), \(interval) \(Self.significant(low, 3))–\(Self.significant(high, 3))"
    }

    /// `value` with `digits` significant digits, in plain notation down to 1e-4 and in
    /// scientific notation below, so a small SE never prints as 0.0000.
    public static func significant(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite, value != 0 else { return "0" }
        if abs(value) < 1e-4 { return String(format: "%.\(digits - 1)e", value) }
        let magnitude = Int(floor(log10(abs(value))))
        return String(format: "%.\(max(0, digits - 1 - magnitude))f", value)
    }

    /// The `q` quantile of Beta(a, b), by bisection on the regularized incomplete beta.
    private static func betaQuantile(_ q: Double, a: Double, b: Double) -> Double {
        var low = 0.0, high = 1.0
        for _ in 0..<80 {
            let middle = (low + high) / 2
            if BetaFunction.regularizedIncompleteBeta(middle, a: a, b: b) < q { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
