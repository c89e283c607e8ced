/// Concordance-based measures for a table whose rows and columns are both ordered
/// (category order = the order of `counts`).
public struct OrdinalAssociation: Sendable, Equatable {
    /// Pairs ordered the same way on both variables.
    public let concordantPairs: Double
    /// Pairs ordered opposite ways.
    public let discordantPairs: Double
    /// Goodman–Kruskal γ = (C - D) / (C + D).
    public let gamma: Double
    /// γ's asymptotic standard error (ASE1, for intervals), as PSPP/SPSS and `DescTools`.
    public let gammaStandardError: Double
    /// Kendall's τ_b = (C - D) / √((n0 - n1)(n0 - n2)).
    public let tauB: Double
    /// τ_b's asymptotic standard error (ASE1), as PSPP/SPSS.
    public let tauBStandardError: Double
    /// Stuart's τ_c = 2m(C - D) / (n²(m - 1)), m = min(rows, columns).
    public let tauC: Double
    /// Somers' d with the column variable dependent: (C - D) / (pairs not tied on the row variable).
    public let somersDColumnGivenRow: Double
    /// Somers' d with the row variable dependent.
    public let somersDRowGivenColumn: Double
    /// The test of γ = 0: z = γ / ASE0 and its two-sided normal p (PSPP/SPSS "Approx. T/Sig.").
    public let gammaTest: ZTest
    /// The test of τ_b = 0 as R `cor.test(method = "kendall", exact = FALSE, continuity = FALSE)`
    /// and SciPy `kendalltau`: z = (C - D) / √Var(S) with the tie-corrected variance.
    public let tauBTest: ZTest

    /// Computes every measure; throws when all pairs are tied (γ undefined).
    public init(_ table: ContingencyTable) throws {
        let counts = table.counts.map { $0.map(Double.init) }
        let rows = counts.count, columns = counts[0].count
        // agree[i][j] / disagree[i][j]: cells concordant / discordant with cell (i, j).
        var agree = counts.map { $0.map { _ in 0.0 } }
        var disagree = agree
        for i in 0..<rows {
            for j in 0..<columns {
                for k in 0..<rows where k != i {
                    for l in 0..<columns where l != j {
                        if (k < i) == (l < j) { agree[i][j] += counts[k][l] } else { disagree[i][j] += counts[k][l] }
                    }
                }
            }
        }
        var p = 0.0, q = 0.0, sumSquaredDifference = 0.0
        for i in 0..<rows {
            for j in 0..<columns {
                p += counts[i][j] * agree[i][j]
                q += counts[i][j] * disagree[i][j]
                sumSquaredDifference += counts[i][j] * (agree[i][j] - disagree[i][j]) * (agree[i][j] - disagree[i][j])
            }
        }
        guard p + q > 0 else { throw StatsError.zeroVariance }
        let n = Double(table.total)
        let r = table.rowTotals.map(Double.init), c = table.columnTotals.map(Double.init)
        let wr = n * n - r.reduce(0) { $0 + $1 * $1 }, wc = n * n - c.reduce(0) { $0 + $1 * $1 }
        let w = (wr * wc).squareRoot()
        let reduced = table.droppingEmptyMargins()
        let m = Double(min(reduced.rowCount, reduced.columnCount))

        concordantPairs = p / 2
        discordantPairs = q / 2
        gamma = (p - q) / (p + q)
        tauB = (p - q) / w
        tauC = m * (p - q) / (n * n * (m - 1))
        somersDColumnGivenRow = (p - q) / wr
        somersDRowGivenColumn = (p - q) / wc

        var gammaSum = 0.0, tauSum = 0.0
        for i in 0..<rows {
            for j in 0..<columns {
                let g = q * agree[i][j] - p * disagree[i][j]
                gammaSum += counts[i][j] * g * g
                let v = r[i] * wc + c[j] * wr
                let d = 2 * w * (agree[i][j] - disagree[i][j]) + tauB * v
                tauSum += counts[i][j] * d * d
            }
        }
        gammaStandardError = 4 / ((p + q) * (p + q)) * gammaSum.squareRoot()
        tauBStandardError = (tauSum - n * n * n * tauB * tauB * (wr + wc) * (wr + wc)).squareRoot() / (w * w)
        let nullSE = 2 / (p + q) * (sumSquaredDifference - (p - q) * (p - q) / n).squareRoot()
        gammaTest = ZTest(z: gamma / nullSE, method: .normalApproximationNullASE0)
        tauBTest = ZTest(z: (p - q) / 2 / Self.kendallVariance(n: n, rows: r, columns: c).squareRoot(),
                         method: .normalApproximationTieCorrected)
    }

    /// Var(S) under independence with ties in both variables (Kendall 1970; SciPy `kendalltau`).
    private static func kendallVariance(n: Double, rows: [Double], columns: [Double]) -> Double {
        func sum(_ ties: [Double], _ f: (Double) -> Double) -> Double { ties.reduce(0) { $0 + f($1) } }
        let v0 = n * (n - 1) * (2 * n + 5)
        let vt = sum(rows) { $0 * ($0 - 1) * (2 * $0 + 5) }, vu = sum(columns) { $0 * ($0 - 1) * (2 * $0 + 5) }
        let t1 = sum(rows) { $0 * ($0 - 1) }, u1 = sum(columns) { $0 * ($0 - 1) }
        let t2 = sum(rows) { $0 * ($0 - 1) * ($0 - 2) }, u2 = sum(columns) { $0 * ($0 - 1) * ($0 - 2) }
        let third = n > 2 ? t2 * u2 / (9 * n * (n - 1) * (n - 2)) : 0
        return (v0 - vt - vu) / 18 + t1 * u1 / (2 * n * (n - 1)) + third
    }
}
