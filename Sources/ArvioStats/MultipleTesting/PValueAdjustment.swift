/// Adjusting a family of p-values for multiple testing, as R's `p.adjust`: Holm's step-down
/// (controls the family-wise error rate under any dependence) and Benjamini–Hochberg's step-up
/// (controls the false discovery rate for independent or positively dependent tests).
public enum PValueAdjustment: String, Sendable, CaseIterable {
    /// Holm (1979), R `p.adjust(method = "holm")`.
    case holm
    /// Benjamini & Hochberg (1995), R `p.adjust(method = "BH")`.
    case benjaminiHochberg = "bh"

    /// How the method is named in output.
    public var name: String {
        switch self {
        case .holm: "Holm"
        case .benjaminiHochberg: "Benjamini–Hochberg"
        }
    }

    /// What the adjusted p controls.
    public var controls: String {
        switch self {
        case .holm: "family-wise error rate"
        case .benjaminiHochberg: "false discovery rate"
        }
    }

    /// The adjusted p-values, in the order given. A NaN (a test that could not be run) stays
    /// NaN and is not counted in the family, as R treats NA.
    public func adjust(_ p: [Double]) -> [Double] {
        let present = p.indices.filter { !p[$0].isNaN }
        let m = present.count
        guard m > 0 else { return p }
        var result = p
        switch self {
        case .holm:
            // Ascending: p_(i) × (m − i + 1), made non-decreasing, capped at 1.
            let order = present.sorted { p[$0] < p[$1] }
            var running = 0.0
            for (rank, index) in order.enumerated() {
                running = max(running, min(1, Double(m - rank) * p[index]))
                result[index] = running
            }
        case .benjaminiHochberg:
            // Descending: p_(i) × m / i, made non-increasing from the top, capped at 1.
            let order = present.sorted { p[$0] > p[$1] }
            var running = 1.0
            for (offset, index) in order.enumerated() {
                let rank = m - offset
                running = min(running, Double(m) / Double(rank) * p[index])
                result[index] = min(1, running)
            }
        }
        return result
    }

    /// The number of p-values the adjustment counts (those that are not NaN).
    public static func familySize(_ p: [Double]) -> Int { p.filter { !$0.isNaN }.count }
}
