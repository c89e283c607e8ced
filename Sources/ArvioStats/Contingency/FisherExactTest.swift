import Foundation

/// Fisher's exact test of independence for any R×C table (Freeman–Halton for R×C), two-sided as
/// R's `fisher.test`: the sum of the probabilities of all tables with the observed margins that
/// are no more probable than the observed one (with R's relative tolerance 1e-7).
public struct FisherExactTest: HypothesisTest {
    /// The most work, in (path, column vector) steps, spent on the exact network before falling
    /// back to Monte Carlo: about a second of a release build. A 4×4 table with n = 104 takes
    /// about 2 million steps (0.15 s); 4×4 with n ≈ 200 or 5×5 with n ≈ 100 exceed it.
    public static let defaultWorkLimit = 10_000_000
    /// Monte Carlo tables drawn when the exact network is too large.
    public static let defaultReplicates = 100_000
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
    /// The two-sided p-value (exact, or a Monte Carlo estimate: see `method`).
    public let pValue: Double
    /// "exact (network algorithm)" or "Monte Carlo, N tables, seed S, SE e".
    public let method: String
    /// Whether `pValue` is exact.
    public let isExact: Bool
    /// The standard error of a Monte Carlo p-value; nil when exact.
    public let monteCarloStandardError: Double?
    /// One-sided p-values, for 2×2 tables only.
    public let oneSided: OneSided?

    /// Runs the test, exactly when the network needs at most `workLimit` steps,
    /// otherwise by `replicates` random tables from a generator seeded with `seed`;
    /// throws when n exceeds `largestTotal`.
    public init(_ table: ContingencyTable, workLimit: Int = FisherExactTest.defaultWorkLimit,
                replicates: Int = FisherExactTest.defaultReplicates, seed: UInt64 = SeededGenerator.defaultSeed) throws {
        guard table.total <= Self.largestTotal else { throw StatsError.tooLarge(total: table.total, limit: Self.largestTotal) }
        let reduced = table.droppingEmptyMargins()
        let logFactorial = FisherNetwork.logFactorials(upTo: reduced.total)
        let observed = -reduced.counts.joined().reduce(0) { $0 + logFactorial[$1] }
        let logConstant = reduced.rowTotals.reduce(0) { $0 + logFactorial[$1] }
            + reduced.columnTotals.reduce(0) { $0 + logFactorial[$1] } - logFactorial[reduced.total]
        statistic = exp(observed + logConstant)
        oneSided = reduced.isTwoByTwo ? Self.oneSided(reduced) : nil

        var network = FisherNetwork(reduced, workLimit: workLimit)
        if let exact = network.pValue(observedLogWeight: observed) {
            pValue = exact
            method = "exact (network algorithm)"
            isExact = true
            monteCarloStandardError = nil
            return
        }
        let sampler = RandomTable(rowTotals: reduced.rowTotals, columnTotals: reduced.columnTotals,
                                  logFactorial: logFactorial)
        var generator = SeededGenerator(seed: seed)
        let threshold = observed + log1p(1e-7)
        var asExtreme = 0
        for _ in 0..<max(1, replicates) where sampler.sampleLogWeight(using: &generator) <= threshold {
            asExtreme += 1
        }
        // R's estimate: the observed table counts as one of the replicates.
        let b = Double(max(1, replicates))
        let p = (Double(asExtreme) + 1) / (b + 1)
        let se = (p * (1 - p) / b).squareRoot()
        pValue = p
        isExact = false
        monteCarloStandardError = se
        method = MethodText.resampled("Monte Carlo", count: Int(b), unit: "tables", seed: seed, standardError: se)
    }

    private static func oneSided(_ table: ContingencyTable) -> OneSided {
        // R's parametrisation: x = n11, m = first column total, n = second, k = first row total.
        let x = table.counts[0][0], m = table.columnTotals[0], n = table.columnTotals[1], k = table.rowTotals[0]
        return OneSided(less: HypergeometricDistribution.cdf(x, m: m, n: n, k: k),
                        greater: HypergeometricDistribution.upperTail(x, m: m, n: n, k: k))
    }
}
