/// A seeded permutation p-value for any association measure without an exact test.
///
/// The second variable is shuffled (Fisher–Yates, driven by `SeededGenerator`), first
/// `permutations` times and then doubling while the estimate is within 3 standard errors of 0.05
/// or 0.01, up to `maximumPermutations`; p = (1 + #{|stat(shuffled)| ≥ |stat(observed)|}) / (B + 1),
/// which counts the observed arrangement as one permutation and so is never 0 (when no shuffle
/// is as extreme, p is reported as below that bound).
public struct PermutationTest: HypothesisTest, Equatable {
    /// The shuffles drawn first.
    public static let defaultPermutations = 10_000
    /// The most shuffles drawn by the doubling rule: 8 × `defaultPermutations`.
    public static let maximumPermutations = 80_000

    /// The measure on the observed data.
    public let statistic: Double
    /// Always nil.
    public var degreesOfFreedom: Double? { nil }
    /// The permutation p-value (two-sided through |statistic|); an upper bound when
    /// `estimate.isUpperBound`.
    public let pValue: Double
    /// "permutation, N shuffles, seed S, SE e, 99% CI a–b" or "…: none as extreme, p < 1/(B+1) = …".
    public let testMethod: TestMethod
    /// The Monte Carlo standard error of `pValue`.
    public var standardError: Double { estimate.standardError }
    /// The counts behind `pValue`.
    public let estimate: MonteCarloEstimate

    /// Permutes `y` against `x` and recomputes `measure`; a measure that throws on a
    /// permutation (say, a constant group) counts that permutation as not extreme. Throws
    /// `StatsError.cancelled` once `isCancelled` returns true (looked at every 8 shuffles).
    public init<X, Y>(x: [X], y: [Y], permutations: Int = PermutationTest.defaultPermutations,
                      maximumPermutations: Int = PermutationTest.maximumPermutations,
                      seed: UInt64 = SeededGenerator.defaultSeed, isCancelled: (@Sendable () -> Bool)? = nil,
                      measure: ([X], [Y]) throws -> Double) throws {
        guard x.count == y.count else { throw StatsError.mismatchedLengths(x.count, y.count) }
        let observed = try measure(x, y)
        let reach = abs(observed) * (1 - 1e-12)
        var generator = SeededGenerator(seed: seed)
        var shuffled = y
        var extreme = 0, drawn = 0, target = max(1, permutations)
        let ceiling = max(target, maximumPermutations)
        while true {
            while drawn < target {
                if drawn & 7 == 0, let isCancelled, isCancelled() { throw StatsError.cancelled }
                for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
                    let j = min(i, Int(generator.nextUnit() * Double(i + 1)))
                    shuffled.swapAt(i, j)
                }
                if let value = try? measure(x, shuffled), abs(value) >= reach { extreme += 1 }
                drawn += 1
            }
            guard MonteCarloEstimate.needsMore(asExtreme: extreme, replicates: drawn, maximum: ceiling) else { break }
            target = min(ceiling, 2 * drawn)
        }
        statistic = observed
        estimate = MonteCarloEstimate(replicates: drawn, asExtreme: extreme, seed: seed)
        pValue = estimate.pValue
        testMethod = .permutation(estimate)
    }
}
