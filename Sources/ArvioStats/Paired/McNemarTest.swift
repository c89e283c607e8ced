/// McNemar's test of a 2×2 paired table: whether as many units moved from the first category to
/// the second (b = counts[0][1]) as the other way (c = counts[1][0]). The exact p is the
/// two-sided binomial test of b among b + c at 1/2 (R `binom.test(b, b + c)`, exact2x2's
/// `mcnemar.exact`); the asymptotic χ² with and without continuity correction are R
/// `mcnemar.test(correct = TRUE / FALSE)`.
public struct McNemarTest: HypothesisTest, Equatable {
    /// b: units in the first category the first time and the second the second time.
    public let firstToSecond: Int
    /// c: units that moved the other way.
    public let secondToFirst: Int
    /// The number of units, concordant ones included.
    public let total: Int
    /// b, the exact test's statistic.
    public var statistic: Double { Double(firstToSecond) }
    /// Always nil: the exact test has no degrees of freedom.
    public var degreesOfFreedom: Double? { nil }
    /// The exact two-sided binomial p.
    public let pValue: Double
    /// Always "exact binomial".
    public let testMethod = TestMethod.exactBinomial
    /// (b − c)² / (b + c) on 1 df.
    public let asymptotic: ChiSquareResult
    /// (|b − c| − 1)² / (b + c) on 1 df (Edwards' continuity correction, R's default).
    public let corrected: ChiSquareResult

    /// Tests a 2×2 table; throws when it is not 2×2 or no unit changed category.
    public init(_ table: SquareTable) throws {
        guard table.size == 2 else { throw StatsError.notASquareTable(rows: table.size, columns: table.size) }
        try self.init(firstToSecond: table.counts[0][1], secondToFirst: table.counts[1][0], total: table.total)
    }

    /// Tests the discordant counts b and c; throws when both are zero or one is negative.
    public init(firstToSecond b: Int, secondToFirst c: Int, total: Int? = nil) throws {
        guard b >= 0, c >= 0 else { throw StatsError.negativeCount(row: b < 0 ? 0 : 1, column: b < 0 ? 1 : 0) }
        guard b + c > 0 else { throw StatsError.noDiscordantPairs }
        firstToSecond = b
        secondToFirst = c
        self.total = total ?? b + c
        pValue = SignTest.binomialTwoSided(b, n: b + c)
        let n = Double(b + c), d = Double(b - c)
        asymptotic = ChiSquareResult(statistic: d * d / n, degreesOfFreedom: 1,
                                     method: .asymptoticChiSquareUncorrected)
        let shrunk = max(abs(d) - 1, 0)
        corrected = ChiSquareResult(statistic: shrunk * shrunk / n, degreesOfFreedom: 1,
                                    method: .asymptoticChiSquareContinuityCorrected)
    }
}

/// A χ² statistic with its degrees of freedom and upper-tail p-value.
public struct ChiSquareResult: HypothesisTest, Equatable {
    /// The χ² statistic.
    public let statistic: Double
    /// Its degrees of freedom (a whole number as a Double).
    public let degreesOfFreedomValue: Double
    /// Always set.
    public var degreesOfFreedom: Double? { degreesOfFreedomValue }
    /// P(χ² ≥ statistic).
    public let pValue: Double
    /// How the statistic was formed.
    public let testMethod: TestMethod

    /// The p-value of `statistic` on `degreesOfFreedom` df.
    public init(statistic: Double, degreesOfFreedom: Double, method: TestMethod) {
        self.statistic = statistic
        degreesOfFreedomValue = degreesOfFreedom
        pValue = ChiSquaredDistribution.sf(statistic, df: degreesOfFreedom)
        testMethod = method
    }
}
