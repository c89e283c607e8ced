/// The Wilcoxon signed-rank test of post - pre, with midranks for tied |differences|.
///
/// Below the exact limit the p-value is exact and conditional on the tied ranks (`coin`,
/// `exactRankTests`, SciPy's permutation method); above it, the normal approximation with the
/// tie-corrected variance and no continuity correction (R `correct = FALSE`, PSPP, SciPy).
public struct WilcoxonSignedRankTest: HypothesisTest, Equatable {
    /// How zero differences are treated.
    public enum ZeroHandling: Sendable, Equatable {
        /// Drop zeros before ranking (Wilcoxon's original; R, PSPP and SciPy's default).
        case wilcoxon
        /// Rank zeros with the rest, then drop their ranks (Pratt 1959; `coin`'s "Pratt").
        case pratt
    }

    /// The largest number of non-zero differences with an exact p-value (2^n patterns, counted by DP).
    public static let defaultExactLimit = 50

    /// W+, the sum of the ranks of positive differences (R's V).
    public let statistic: Double
    /// Always nil.
    public var degreesOfFreedom: Double? { nil }
    /// The two-sided p-value by `method`.
    public let pValue: Double
    /// "exact conditional on ties" or "normal approximation, tie-corrected, no continuity correction".
    public let testMethod: TestMethod
    /// Whether `pValue` is exact.
    public let isExact: Bool
    /// W-, the sum of the ranks of negative differences.
    public let wMinus: Double
    /// The number of non-zero differences.
    public let nonZeroCount: Int
    /// The number of zero differences.
    public let zeroCount: Int
    /// The normal approximation, reported whatever `method` is: z = (W+ - E) / √Var.
    public let normalApproximation: ZTest
    /// The matched-pairs rank-biserial correlation (W+ - W-) / (W+ + W-).
    public let rankBiserial: Double

    /// Tests pairs (pre[i], post[i]), differenced on their decimal precision (`DecimalDifferences`);
    /// throws on mismatched lengths or when every difference is zero.
    public init(pre: [Double], post: [Double], zeroHandling: ZeroHandling = .wilcoxon,
                exactLimit: Int = WilcoxonSignedRankTest.defaultExactLimit) throws {
        guard pre.count == post.count else { throw StatsError.mismatchedLengths(pre.count, post.count) }
        // On the data's decimal precision, so +0.7 and −0.7 tie as they do in the file.
        try self.init(differences: DecimalDifferences.of(pre: pre, post: post), zeroHandling: zeroHandling,
                      exactLimit: exactLimit)
    }

    /// Tests differences against zero.
    public init(differences: [Double], zeroHandling: ZeroHandling = .wilcoxon,
                exactLimit: Int = WilcoxonSignedRankTest.defaultExactLimit) throws {
        guard differences.allSatisfy(\.isFinite) else { throw StatsError.nonFiniteValue }
        let ranked = zeroHandling == .wilcoxon ? differences.filter { $0 != 0 } : differences
        let allRanks = Ranking.doubledMidranks(ranked.map { abs($0) })
        let signed = zip(ranked, allRanks).filter { $0.0 != 0 }
        guard !signed.isEmpty else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        let ranks = signed.map(\.1)
        let plus = signed.filter { $0.0 > 0 }.reduce(0) { $0 + $1.1 }
        let total = ranks.reduce(0, +)
        self.init(plus: plus, total: total, squares: ranks.reduce(0.0) { $0 + Double($1 * $1) },
                  exactRanks: ranks, nonZero: signed.count, zeros: differences.count - signed.count,
                  exactLimit: exactLimit)
    }

    /// The test from the doubled ranks' sums, shared by the array and the tally paths:
    /// `plus` and `total` are Σ2r over the positive and all non-zero differences, `squares`
    /// Σ(2r)², and `exactRanks` the doubled ranks themselves, needed only up to `exactLimit`.
    private init(plus: Int, total: Int, squares: Double, exactRanks: [Int], nonZero: Int, zeros: Int,
                 exactLimit: Int) {
        statistic = Double(plus) / 2
        wMinus = Double(total - plus) / 2
        nonZeroCount = nonZero
        zeroCount = zeros
        rankBiserial = Double(2 * plus - total) / Double(total)
        // Conditional moments given the ranks: E = Σr/2, Var = Σr²/4; this is the usual tie
        // correction, and for Pratt it equals SciPy's formula with the zeros' ranks removed.
        let mean = Double(total) / 4
        let variance = squares / 16
        normalApproximation = ZTest(z: (statistic - mean) / variance.squareRoot(),
                                    method: .normalApproximationTieCorrected)
        isExact = nonZero <= exactLimit
        if isExact {
            pValue = ExactRankDistributions.twoSidedP(ExactRankDistributions.signedRank(doubledRanks: exactRanks), observed: plus)
            testMethod = .exactConditionalOnTies
        } else {
            pValue = normalApproximation.pValue
            testMethod = normalApproximation.testMethod
        }
    }
}

extension WilcoxonSignedRankTest {
    /// Tests the differences of a tally: the same result as `init(differences:)`, with the
    /// |differences| ranked by counting their few distinct values instead of sorting.
    public init(tally: PairedTally, zeroHandling: ZeroHandling = .wilcoxon,
                exactLimit: Int = WilcoxonSignedRankTest.defaultExactLimit) throws {
        let w = tally.width
        let dc = tally.differenceCounts
        let groups = (1..<w).map { a in (up: dc[w - 1 + a], down: dc[w - 1 - a]) }
        try self.init(absoluteGroups: groups, zeros: dc[w - 1], zeroHandling: zeroHandling, exactLimit: exactLimit)
    }

    /// Tests the units' mean changes of a tally: the same result as `init(differences:)` on
    /// the means, the distinct |changes| (exact fractions, so equal means tie) ranked by count.
    public init(unitTally: UnitChangeTally, zeroHandling: ZeroHandling = .wilcoxon,
                exactLimit: Int = WilcoxonSignedRankTest.defaultExactLimit) throws {
        var byMagnitude: [UnitChangeTally.Fraction: (up: Int, down: Int)] = [:]
        var zeros = 0
        for (value, count) in unitTally.changes {
            if value.num == 0 { zeros += count; continue }
            let key = UnitChangeTally.Fraction(abs(value.num), value.den)
            var group = byMagnitude[key] ?? (0, 0)
            if value.num > 0 { group.up += count } else { group.down += count }
            byMagnitude[key] = group
        }
        let groups = byMagnitude.sorted { $0.key < $1.key }.map(\.value)
        try self.init(absoluteGroups: groups, zeros: zeros, zeroHandling: zeroHandling, exactLimit: exactLimit)
    }

    /// The test from the tie groups of |difference| in ascending order (each with how many
    /// differences are positive and negative) and the number of zero differences.
    init(absoluteGroups: [(up: Int, down: Int)], zeros: Int, zeroHandling: ZeroHandling, exactLimit: Int) throws {
        let nonZero = absoluteGroups.reduce(0) { $0 + $1.up + $1.down }
        guard nonZero > 0 else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        var ranks: [Int] = []
        // Pratt ranks the zeros first (they are the smallest |d|) and then drops their ranks.
        var position = zeroHandling == .pratt ? zeros : 0
        var plus = 0, total = 0
        var squares = 0.0
        for (up, down) in absoluteGroups {
            let c = up + down
            guard c > 0 else { continue }
            // Positions position ..< position + c share the doubled midrank 2·position + c + 1.
            let r = 2 * position + c + 1
            plus += up * r
            total += c * r
            squares += Double(c) * Double(r) * Double(r)
            if nonZero <= exactLimit { ranks.append(contentsOf: repeatElement(r, count: c)) }
            position += c
        }
        self.init(plus: plus, total: total, squares: squares, exactRanks: ranks, nonZero: nonZero, zeros: zeros,
                  exactLimit: exactLimit)
    }
}
