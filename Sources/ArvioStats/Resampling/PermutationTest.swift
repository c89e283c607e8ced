/// A seeded permutation p-value for any association measure without an exact test.
///
/// The second variable is shuffled (Fisher–Yates, driven by `SeededGenerator`) `permutations`
/// times; p = (1 + #{|stat(shuffled)| ≥ |stat(observed)|}) / (permutations + 1), which counts the
/// observed arrangement as one permutation and so is never 0.
public struct PermutationTest: HypothesisTest, Equatable {
    /// The default number of permutations.
    public static let defaultPermutations = 10_000

    /// The measure on the observed data.
    public let statistic: Double
    /// Always nil.
    public var degreesOfFreedom: Double? { nil }
    /// The permutation p-value (two-sided through |statistic|).
    public let pValue: Double
    /// "permutation, N shuffles, seed S, SE e".
    public let method: String
    /// The Monte Carlo standard error of `pValue`.
    public let standardError: Double

    /// Permutes `y` against `x` and recomputes `measure`; a measure that throws on a
    /// permutation (say, a constant group) counts that permutation as not extreme.
    public init<X, Y>(x: [X], y: [Y], permutations: Int = PermutationTest.defaultPermutations,
                      seed: UInt64 = SeededGenerator.defaultSeed, measure: ([X], [Y]) throws -> Double) throws {
        guard x.count == y.count else { throw StatsError.mismatchedLengths(x.count, y.count) }
        let observed = try measure(x, y)
        let reach = abs(observed) * (1 - 1e-12)
        var generator = SeededGenerator(seed: seed)
        var shuffled = y
        var extreme = 0
        let b = max(1, permutations)
        for _ in 0..<b {
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
                let j = min(i, Int(generator.nextUnit() * Double(i + 1)))
                shuffled.swapAt(i, j)
            }
            if let value = try? measure(x, shuffled), abs(value) >= reach { extreme += 1 }
        }
        statistic = observed
        pValue = Double(extreme + 1) / Double(b + 1)
        standardError = (pValue * (1 - pValue) / Double(b)).squareRoot()
        method = MethodText.resampled("permutation", count: b, unit: "shuffles", seed: seed, standardError: standardError)
    }
}
