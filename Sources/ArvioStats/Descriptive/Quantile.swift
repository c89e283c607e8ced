/// Sample quantiles by Hyndman and Fan's definitions, as R's `quantile(type =)`.
public enum Quantile {
    /// Which of Hyndman and Fan's definitions to use.
    public enum Method: Sendable, Equatable {
        /// R's and NumPy's default, PSPP FREQUENCIES: h = (n - 1)p + 1.
        case type7
        /// SPSS/PSPP EXAMINE's HAVERAGE, Minitab: h = (n + 1)p.
        case type6
    }

    /// The p-quantile of `values`; throws on an empty sample or p outside [0, 1].
    public static func of(_ values: [Double], _ p: Double, method: Method = .type7) throws -> Double {
        guard !values.isEmpty else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        guard p >= 0 && p <= 1 else { throw StatsError.invalidProbability(p) }
        guard values.allSatisfy(\.isFinite) else { throw StatsError.nonFiniteValue }
        return sorted(values.sorted(), p, method: method)
    }

    /// The p-quantile of `sorted`, values already in ascending order (as
    /// `DescriptiveSummary.summarising` gives them); throws as `of` does.
    public static func ofSorted(_ sorted: [Double], _ p: Double, method: Method = .type7) throws -> Double {
        guard !sorted.isEmpty else { throw StatsError.tooFewObservations(needed: 1, got: 0) }
        guard p >= 0 && p <= 1 else { throw StatsError.invalidProbability(p) }
        return self.sorted(sorted, p, method: method)
    }

    /// The p-quantile of already sorted, non-empty values.
    static func sorted(_ x: [Double], _ p: Double, method: Method) -> Double {
        let n = Double(x.count)
        let h = method == .type7 ? (n - 1) * p + 1 : (n + 1) * p
        if h <= 1 { return x[0] }
        if h >= n { return x[x.count - 1] }
        let lower = h.rounded(.down)
        let i = Int(lower) - 1
        return x[i] + (h - lower) * (x[i + 1] - x[i])
    }
}
