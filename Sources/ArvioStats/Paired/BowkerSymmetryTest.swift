/// Bowker's test of symmetry of a k×k paired table: for every pair of categories i < j, as many
/// units moved from i to j as from j to i. χ² = Σ (n_ij − n_ji)² / (n_ij + n_ji) on the number
/// of pairs compared. For k = 2 it is McNemar's χ² without continuity correction.
///
/// R's `mcnemar.test` computes the same sum over all k(k−1)/2 pairs and returns NaN when a pair
/// has no units at all; here such pairs carry no information and are left out of the sum and
/// the degrees of freedom (as SPSS and DescTools do), and `pairsCompared` says how many remain.
public struct BowkerSymmetryTest: HypothesisTest, Equatable {
    /// The χ² statistic.
    public let statistic: Double
    /// The number of category pairs with at least one unit moving between them.
    public let pairsCompared: Int
    /// Always `pairsCompared`.
    public var degreesOfFreedom: Double? { Double(pairsCompared) }
    /// P(χ² ≥ statistic).
    public let pValue: Double
    /// Always "asymptotic chi-square".
    public let testMethod = TestMethod.asymptoticChiSquare

    /// Tests `table`; throws when no unit changed category.
    public init(_ table: SquareTable) throws {
        let k = table.size, n = table.counts
        var sum = 0.0, pairs = 0
        for i in 0..<k {
            for j in (i + 1)..<k where n[i][j] + n[j][i] > 0 {
                let d = Double(n[i][j] - n[j][i])
                sum += d * d / Double(n[i][j] + n[j][i])
                pairs += 1
            }
        }
        guard pairs > 0 else { throw StatsError.noDiscordantPairs }
        statistic = sum
        pairsCompared = pairs
        pValue = ChiSquaredDistribution.sf(sum, df: Double(pairs))
    }
}
