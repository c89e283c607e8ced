import Foundation

/// The internal consistency of a scale, as R's `psych::alpha` and `psych::omega(nfactors = 1)`,
/// SPSS and PSPP `RELIABILITY`: Cronbach's α with Feldt's confidence interval, standardized α,
/// the mean inter-item correlation, McDonald's ω total and an item table, all on the rows where
/// every item is answered (listwise, as SPSS and PSPP).
public struct ScaleReliability: Sendable {
    /// One item's row in the item table.
    public struct Item: Sendable, Equatable {
        /// The item's position in the input.
        public let index: Int
        /// Rows used (the listwise n).
        public let count: Int
        /// The item's mean.
        public let mean: Double
        /// The item's sample standard deviation (n − 1).
        public let standardDeviation: Double
        /// The correlation of the item with the sum of the other items (corrected item-total); nil with zero variance.
        public let itemRestCorrelation: Double?
        /// Raw α of the other items; nil when fewer than two would remain or the item has zero variance.
        public let alphaIfDropped: Double?
    }

    /// Rows with every item answered.
    public let count: Int
    /// Rows left out because an item was not answered.
    public let incompleteCount: Int
    /// Items in the scale (including any of zero variance).
    public let itemCount: Int
    /// Items (indices) that every used row answered the same: left out of α, ω and the correlations.
    public let constantItems: [Int]
    /// Cronbach's α from the covariances: k/(k − 1) · (1 − Σ s²ᵢ / s²ₜₒₜₐₗ).
    public let alpha: Double
    /// Feldt's (1965) confidence interval for α at `level`.
    public let alphaInterval: ClosedRange<Double>
    /// The level of `alphaInterval`.
    public let level: Double
    /// α from the correlations: k r̄ / (1 + (k − 1) r̄).
    public let standardizedAlpha: Double
    /// The mean of the correlations between different items.
    public let meanInterItemCorrelation: Double
    /// McDonald's ω total from a one-factor minres model, or why it could not be estimated.
    public let omega: Result<Omega, OneFactorModel.Failure>
    /// The item table, one row per item of nonzero variance, in input order.
    public let items: [Item]

    /// ω total and the model it comes from.
    public struct Omega: Sendable, Equatable {
        /// ω total = 1 − Σ(1 − λᵢ²) / Σᵢⱼ rᵢⱼ (psych's `omega.tot`).
        public let total: Double
        /// The one-factor model.
        public let model: OneFactorModel
    }

    /// Analyses `items` (one array per item, all of one length, NaN for a missing answer).
    /// Throws when fewer than two items vary or fewer than three rows are complete.
    public init(items columns: [[Double]], level: Double = 0.95) throws(StatsError) {
        guard let length = columns.first?.count else { throw StatsError.tooFewObservations(needed: 2, got: 0) }
        for column in columns where column.count != length { throw StatsError.mismatchedLengths(length, column.count) }
        guard level > 0, level < 1 else { throw StatsError.invalidProbability(level) }
        let complete = (0..<length).filter { row in columns.allSatisfy { $0[row].isFinite } }
        let data = columns.map { column in complete.map { column[$0] } }
        let n = complete.count
        guard n >= 3 else { throw StatsError.tooFewObservations(needed: 3, got: n) }
        let means = data.map { $0.reduce(0, +) / Double(n) }
        let constant = data.indices.filter { i in data[i].allSatisfy { $0 == data[i][0] } }
        let used = data.indices.filter { !constant.contains($0) }
        guard used.count >= 2 else { throw StatsError.zeroVariance }
        let covariance = used.map { i in used.map { j in
            zip(data[i], data[j]).reduce(0) { $0 + ($1.0 - means[i]) * ($1.1 - means[j]) } / Double(n - 1)
        } }
        let k = used.count
        let correlation = (0..<k).map { i in (0..<k).map { j in
            covariance[i][j] / (covariance[i][i] * covariance[j][j]).squareRoot()
        } }
        count = n
        incompleteCount = length - n
        itemCount = columns.count
        constantItems = constant
        self.level = level
        alpha = Self.alpha(covariance)
        let r̄ = Self.meanOffDiagonal(correlation)
        meanInterItemCorrelation = r̄
        standardizedAlpha = Double(k) * r̄ / (1 + Double(k - 1) * r̄)
        // Feldt: (1 − α̂)/(1 − α) follows F with n − 1 and (n − 1)(k − 1) degrees of freedom.
        let d1 = Double(n - 1), d2 = Double((n - 1) * (k - 1))
        let tail = (1 - level) / 2
        alphaInterval = (1 - (1 - alpha) * FDistribution.quantile(1 - tail, d1: d1, d2: d2))
            ... (1 - (1 - alpha) * FDistribution.quantile(tail, d1: d1, d2: d2))
        omega = Self.omega(correlation, items: used)
        items = used.enumerated().map { position, index in
            let rest = (0..<n).map { row in used.filter { $0 != index }.reduce(0) { $0 + data[$1][row] } }
            let dropped = (0..<k).filter { $0 != position }
            return Item(index: index, count: n, mean: means[index],
                        standardDeviation: covariance[position][position].squareRoot(),
                        itemRestCorrelation: Self.pearson(data[index], rest),
                        alphaIfDropped: k > 2 ? Self.alpha(dropped.map { i in dropped.map { covariance[i][$0] } }) : nil)
        }
    }

    /// ω total of the items `used` (input indices), mapping a Heywood item back to its input index.
    static func omega(_ correlation: [[Double]], items used: [Int]) -> Result<Omega, OneFactorModel.Failure> {
        do {
            let model = try OneFactorModel(correlations: correlation)
            let total = correlation.joined().reduce(0, +)
            return .success(Omega(total: 1 - model.loadings.reduce(0) { $0 + 1 - $1 * $1 } / total, model: model))
        } catch .heywoodCase(let item) {
            return .failure(.heywoodCase(item: used[item]))
        } catch {
            return .failure(error)
        }
    }

    static func alpha(_ covariance: [[Double]]) -> Double {
        let k = Double(covariance.count)
        let total = covariance.joined().reduce(0, +)
        let itemVariances = covariance.indices.reduce(0) { $0 + covariance[$1][$1] }
        return k / (k - 1) * (1 - itemVariances / total)
    }

    static func meanOffDiagonal(_ matrix: [[Double]]) -> Double {
        let k = matrix.count
        var sum = 0.0
        for i in 0..<k { for j in 0..<k where i != j { sum += matrix[i][j] } }
        return sum / Double(k * (k - 1))
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my) }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
