import Foundation

/// Odds ratio and relative risks of a 2×2 table with Woolf (log) confidence intervals, as
/// PSPP CROSSTABS /STATISTICS=RISK and `epitools`.
public struct TwoByTwoEffects: Sendable, Equatable {
    /// An estimate with its 95% confidence interval.
    public struct Estimate: Sendable, Equatable {
        /// The point estimate.
        public let value: Double
        /// The lower end of the 95% interval.
        public let lower: Double
        /// The upper end of the 95% interval.
        public let upper: Double
    }

    /// The sample odds ratio ad / bc with Woolf's interval.
    public let oddsRatio: Estimate
    /// Risk of column 1 in row 1 over row 2: (a/(a+b)) / (c/(c+d)).
    public let relativeRiskFirstColumn: Estimate
    /// Risk of column 2 in row 1 over row 2: (b/(a+b)) / (d/(c+d)).
    public let relativeRiskSecondColumn: Estimate

    /// Computes the estimates; throws when a cell is zero (the log intervals are then undefined).
    public init(_ table: ContingencyTable) throws {
        guard table.isTwoByTwo else { throw StatsError.notATable(rows: table.rowCount, columns: table.columnCount) }
        let a = Double(table.counts[0][0]), b = Double(table.counts[0][1])
        let c = Double(table.counts[1][0]), d = Double(table.counts[1][1])
        guard a > 0, b > 0, c > 0, d > 0 else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        let z = NormalDistribution.quantile(0.975)
        func interval(_ value: Double, _ se: Double) -> Estimate {
            Estimate(value: value, lower: value * exp(-z * se), upper: value * exp(z * se))
        }
        oddsRatio = interval(a * d / (b * c), (1 / a + 1 / b + 1 / c + 1 / d).squareRoot())
        relativeRiskFirstColumn = interval((a / (a + b)) / (c / (c + d)),
                                           (1 / a - 1 / (a + b) + 1 / c - 1 / (c + d)).squareRoot())
        relativeRiskSecondColumn = interval((b / (a + b)) / (d / (c + d)),
                                            (1 / b - 1 / (a + b) + 1 / d - 1 / (c + d)).squareRoot())
    }
}
