import Foundation

/// Fisher's exact test of independence for any R×C table (Freeman–Halton for R×C), two-sided as
/// R's `fisher.test`: the sum of the probabilities of all tables with the observed margins that
/// are no more probable than the observed one (with R's relative tolerance 1e-7).
public struct FisherExactTest: HypothesisTest {
    /// The seconds of CPU time the exact network may take before Monte Carlo takes over (CPU, not
    /// wall clock, so the answer does not depend on how busy the machine is). R's FEXACT has no
    /// clock, only `workspace`; the tables it finishes in about a minute take a few seconds here,
    /// and Ctrl-C stops it sooner.
    public static let defaultTimeLimit = 10.0
    /// The time budget where many tables are tested in one go (`associate`): one second each.
    public static let screeningTimeLimit = 1.0
    /// The estimated bytes the exact network may hold (paths, node summaries, completion lists)
    /// before Monte Carlo takes over: 512 MB, less than R's `workspace = 2e8` (800 MB).
    public static let defaultMemoryLimit = 512 << 20
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
    /// Why the exact network gave way to Monte Carlo; nil when exact.
    public let fallback: Fallback?
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

    /// Why the exact network stopped.
    public enum Fallback: Sendable, Equatable {
        /// It ran for the CPU-time budget, in seconds.
        case time(Double)
        /// It would have held more than the memory budget, in bytes.
        case memory(Int)
        /// It would have needed far more than the time budget, judged before starting from the
        /// work without pruning, or the table's rows do not pack into the network's 128-bit keys.
        case tooLarge
        /// It took more than the given number of steps (a test's budget).
        case work(Int)
    }

    /// Runs the test, exactly when the network fits `timeLimit` seconds of CPU, `memoryLimit`
    /// bytes and `workLimit` steps, otherwise by Monte Carlo from `replicates` random tables (more
    /// by the doubling rule, up to `maximumReplicates`) seeded with `seed`; throws when n exceeds
    /// `largestTotal`, and `StatsError.cancelled` once `isCancelled` returns true.
    public init(_ table: ContingencyTable, timeLimit: Double = FisherExactTest.defaultTimeLimit,
                memoryLimit: Int = FisherExactTest.defaultMemoryLimit, workLimit: Int = .max,
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

        var network = FisherNetwork(reduced, workLimit: workLimit, memoryLimit: memoryLimit, timeLimit: timeLimit,
                                    isCancelled: isCancelled)
        if let exact = try network.pValue(observedLogWeight: observed) {
            pValue = exact
            testMethod = .exactNetwork
            isExact = true
            monteCarlo = nil
            fallback = nil
            return
        }
        switch network.stop {
        case .time(let seconds)?: fallback = .time(seconds)
        case .memory(let bytes)?: fallback = .memory(bytes)
        case .work(let steps)?: fallback = .work(steps)
        case .tooLarge?, nil: fallback = .tooLarge
        }
        var sampler = RandomTable(rowTotals: reduced.rowTotals, columnTotals: reduced.columnTotals,
                                  logFactorial: logFactorial)
        var generator = SeededGenerator(seed: seed)
        let threshold = observed + log1p(1e-7)
        var asExtreme = 0, drawn = 0, target = max(1, replicates)
        let ceiling = max(target, maximumReplicates)
        while true {
            while drawn < target {
                // Cancellation is looked at every 64 tables: a 12×12 table with n = 9,999 takes
                // ~20 µs in a release build, so about a millisecond apart.
                if drawn & 63 == 0, let isCancelled, isCancelled() { throw StatsError.cancelled }
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
