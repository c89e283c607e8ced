import Foundation

/// Fisher's exact test of independence for any R×C table (Freeman–Halton for R×C), two-sided as
/// R's `fisher.test`: the sum of the probabilities of all tables with the observed margins that
/// are no more probable than the observed one (with R's relative tolerance 1e-7).
public struct FisherExactTest: HypothesisTest {
    /// The most work, in (path, column vector) steps, spent on the exact network before falling
    /// back to Monte Carlo: about a second of a release build. A 4×4 table with n = 104 takes
    /// about 2 million steps (0.15 s); 4×4 with n ≈ 200 or 5×5 with n ≈ 100 exceed it.
    public static let defaultWorkLimit = 10_000_000
    /// The most partial paths the network holds at once before falling back to Monte Carlo
    /// (each costs about 100 bytes with its node, so the network stays under ~200 MB).
    public static let defaultMemoryLimit = 2_000_000
    /// Monte Carlo tables drawn first; more are drawn, doubling, while the estimate is within
    /// 3 standard errors of 0.05 or 0.01 (`MonteCarloEstimate.needsMore`), up to `maximumReplicates`.
    public static let defaultReplicates = 10_000
    /// The most Monte Carlo tables drawn: 64 × `defaultReplicates`.
    public static let maximumReplicates = 640_000
    /// The largest n tested at all: beyond it the chi-square test is as good and Fisher's costs memory.
    public static let largestTotal = 1_000_000

    /// One-sided p-values of a 2×2 table, as R's `alternative = "less"` / `"greater"`.
    public struct OneSided: Sendable, Equatable {
        /// P(n11 ≤ observed): the odds ratio is below 1.
        public let less: Double
        /// P(n11 ≥ observed): the odds ratio is above 1.
        public let greater: Double
    }

    /// The probability of the observed table under independence given the margins.
    public let statistic: Double
    /// Always nil.
    public var degreesOfFreedom: Double? { nil }
    /// The two-sided p-value (exact, or a Monte Carlo estimate: see `method`); when
    /// `monteCarlo?.isUpperBound`, only the bound 1/(B+1) that p lies below.
    public let pValue: Double
    /// "exact (network algorithm)" or the Monte Carlo count, seed, SE and 99% interval.
    public let testMethod: TestMethod
    /// Whether `pValue` is exact.
    public let isExact: Bool
    /// The Monte Carlo estimate behind `pValue`; nil when exact.
    public let monteCarlo: MonteCarloEstimate?
    /// The standard error of a Monte Carlo p-value; nil when exact.
    public var monteCarloStandardError: Double? { monteCarlo?.standardError }
    /// One-sided p-values, for 2×2 tables only.
    public let oneSided: OneSided?

    /// Runs the test, exactly when the network fits `workLimit` steps and `memoryLimit` paths,
    /// otherwise by Monte Carlo from `replicates` random tables (more by the doubling rule, up
    /// to `maximumReplicates`) from a generator seeded with `seed`; throws when n exceeds
    /// `largestTotal`, and `StatsError.cancelled` once `isCancelled` returns true.
    public init(_ table: ContingencyTable, workLimit: Int = FisherExactTest.defaultWorkLimit,
                memoryLimit: Int = FisherExactTest.defaultMemoryLimit,
                replicates: Int = FisherExactTest.defaultReplicates,
                maximumReplicates: Int = FisherExactTest.maximumReplicates,
                seed: UInt64 = SeededGenerator.defaultSeed,
                isCancelled: (@Sendable () -> Bool)? = nil) throws {
        guard table.total <= Self.largestTotal else { throw StatsError.tooLarge(total: table.total, limit: Self.largestTotal) }
        let reduced = table.droppingEmptyMargins()
        let logFactorial = FisherNetwork.logFactorials(upTo: reduced.total)
        let observed = -reduced.counts.joined().reduce(0) { $0 + logFactorial[$1] }
        let logConstant = reduced.rowTotals.reduce(0) { $0 + logFactorial[$1] }
            + reduced.columnTotals.reduce(0) { $0 + logFactorial[$1] } - logFactorial[reduced.total]
        statistic = exp(observed + logConstant)
        oneSided = reduced.isTwoByTwo ? Self.oneSided(reduced) : nil

        var network = FisherNetwork(reduced, workLimit: workLimit, memoryLimit: memoryLimit, isCancelled: isCancelled)
        if let exact = try network.pValue(observedLogWeight: observed) {
            pValue = exact
            testMethod = .exactNetwork
            isExact = true
            monteCarlo = nil
            return
        }
        var sampler = RandomTable(rowTotals: reduced.rowTotals, columnTotals: reduced.columnTotals,
                                  logFactorial: logFactorial)
        var generator = SeededGenerator(seed: seed)
        let threshold = observed + log1p(1e-7)
        var asExtreme = 0, drawn = 0, target = max(1, replicates)
        let ceiling = max(target, maximumReplicates)
        while true {
            while drawn < target {
                // Cancellation is looked at every 1024 tables: microseconds apart, never per table.
                if drawn & 1023 == 0, let isCancelled, isCancelled() { throw StatsError.cancelled }
                if sampler.sampleLogWeight(using: &generator) <= threshold { asExtreme += 1 }
                drawn += 1
            }
            guard MonteCarloEstimate.needsMore(asExtreme: asExtreme, replicates: drawn, maximum: ceiling) else { break }
            target = min(ceiling, 2 * drawn)
        }
        let estimate = MonteCarloEstimate(replicates: drawn, asExtreme: asExtreme, seed: seed)
        pValue = estimate.pValue
        isExact = false
        monteCarlo = estimate
        testMethod = .monteCarloTables(estimate)
    }

    private static func oneSided(_ table: ContingencyTable) -> OneSided {
        // R's parametrisation: x = n11, m = first column total, n = second, k = first row total.
        let x = table.counts[0][0], m = table.columnTotals[0], n = table.columnTotals[1], k = table.rowTotals[0]
        return OneSided(less: HypergeometricDistribution.cdf(x, m: m, n: n, k: k),
                        greater: HypergeometricDistribution.upperTail(x, m: m, n: n, k: k))
    }
}
