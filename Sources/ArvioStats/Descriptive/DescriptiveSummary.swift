import Foundation

/// n, mean, sd, extremes, quartiles and shape of a sample, as R `summary`/`sd` and PSPP DESCRIPTIVES.
public struct DescriptiveSummary: Sendable, Equatable {
    /// The number of values.
    public let count: Int
    /// The arithmetic mean.
    public let mean: Double
    /// The sample standard deviation (n - 1 denominator); nil for a single value.
    public let standardDeviation: Double?
    /// The smallest value.
    public let minimum: Double
    /// The largest value.
    public let maximum: Double
    /// The median.
    public let median: Double
    /// Skewness G1 = g1 √(n(n - 1)) / (n - 2), as SPSS/PSPP and `e1071` type 2; nil below 3 values or with no spread.
    public let skewness: Double?
    /// Excess kurtosis G2, as SPSS/PSPP and `e1071` type 2; nil below 4 values or with no spread.
    public let kurtosis: Double?

    /// Summarises `values`; throws when there are none or one is not finite.
    public init(_ values: [Double]) throws {
        guard !values.isEmpty else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        guard values.allSatisfy(\.isFinite) else { throw StatsError.nonFiniteValue }
        try self.init(values, sorted: values.sorted(), CancelCheck(nil))
    }

    /// The summary of `values` and the values sorted (for quantiles, `Quantile.ofSorted`),
    /// looking at `isCancelled` every block of every pass, the sort's included; throws as
    /// `init(_:)` does, and `StatsError.cancelled` once the flag is set.
    public static func summarising(_ values: [Double], isCancelled: (@Sendable () -> Bool)?) throws -> (summary: DescriptiveSummary, sorted: [Double]) {
        let check = CancelCheck(isCancelled)
        guard !values.isEmpty else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        guard try check.allFinite(values) else { throw StatsError.nonFiniteValue }
        let sorted = try check.sorted(values)
        return (try DescriptiveSummary(values, sorted: sorted, check), sorted)
    }

    private init(_ values: [Double], sorted: [Double], _ check: CancelCheck) throws {
        let n = Double(values.count)
        count = values.count
        mean = try check.sum(values) / n
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        median = Quantile.sorted(sorted, 0.5, method: .type7)
        let mean = self.mean
        func moment(_ k: Double) throws -> Double {
            var total = 0.0
            try check.blocks(values.count) { range in
                for i in range { total += pow(values[i] - mean, k) }
            }
            return total / n
        }
        let m2 = try moment(2)
        standardDeviation = values.count > 1 ? (m2 * n / (n - 1)).squareRoot() : nil
        if values.count > 2 && m2 > 0 {
            skewness = try moment(3) / pow(m2, 1.5) * (n * (n - 1)).squareRoot() / (n - 2)
        } else {
            skewness = nil
        }
        if values.count > 3 && m2 > 0 {
            let g2 = try moment(4) / (m2 * m2) - 3
            kurtosis = ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))
        } else {
            kurtosis = nil
        }
    }

    /// The mean after trimming `proportion` of the weight from each end, fractional observations
    /// counting in part (PSPP/SPSS EXAMINE's 5% trimmed mean with `proportion` 0.05).
    public static func trimmedMean(_ values: [Double], proportion: Double) throws -> Double {
        guard !values.isEmpty else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        guard proportion >= 0 && proportion < 0.5 else { throw StatsError.invalidProbability(proportion) }
        let sorted = values.sorted()
        let cut = proportion * Double(sorted.count)
        let n = Double(sorted.count)
        var sum = 0.0
        for (index, value) in sorted.enumerated() {
            // Observation i spans [i, i + 1] of the cumulative count; keep its part inside [cut, n - cut].
            let i = Double(index)
            sum += max(0, min(i + 1, n - cut) - max(i, cut)) * value
        }
        return sum / (Double(sorted.count) - 2 * cut)
    }
}
