import Foundation

/// The Wilson score interval for a proportion x / n (Wilson 1927): the proportions the score
/// test does not reject, as R `prop.test(x, n, correct = FALSE)$conf.int` and
/// `binom::binom.wilson`; gtsummary's default for proportions. Unlike the Wald interval it stays
/// inside [0, 1] and keeps its coverage near 0 and 1 and at small n.
public struct WilsonInterval: Sendable, Equatable {
    /// x / n.
    public let estimate: Double
    /// The lower bound.
    public let lower: Double
    /// The upper bound.
    public let upper: Double
    /// The confidence level, e.g. 0.95.
    public let level: Double

    /// The interval for `successes` of `trials` at `level`; throws for n = 0, x outside 0...n or
    /// a level outside (0, 1).
    public init(successes x: Int, trials n: Int, level: Double = 0.95) throws {
        guard n > 0 else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        guard x >= 0, x <= n else { throw StatsError.countOutOfRange(x, n) }
        guard level > 0, level < 1 else { throw StatsError.invalidProbability(level) }
        let z = NormalDistribution.quantile(1 - (1 - level) / 2)
        let nd = Double(n), p = Double(x) / nd, z2 = z * z
        let centre = (p + z2 / (2 * nd)) / (1 + z2 / nd)
        let half = z / (1 + z2 / nd) * (p * (1 - p) / nd + z2 / (4 * nd * nd)).squareRoot()
        estimate = p
        // At x = 0 or x = n the bound is exactly 0 or 1; the formula leaves rounding dust.
        lower = x == 0 ? 0 : max(0, centre - half)
        upper = x == n ? 1 : min(1, centre + half)
        self.level = level
    }
}
