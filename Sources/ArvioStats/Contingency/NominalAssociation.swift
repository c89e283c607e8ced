/// Chi-square-based strength-of-association measures for a nominal table.
public struct NominalAssociation: Sendable, Equatable {
    /// φ = √(X² / n), unsigned.
    public let phi: Double
    /// Cramér's V = √(X² / (n (min(r, c) - 1))), without bias adjustment
    /// (R `vcd::assocstats`, SciPy `association(method="cramer")`; not `effectsize`'s adjusted default).
    public let cramersV: Double
    /// Pearson's contingency coefficient C = √(X² / (X² + n)).
    public let contingencyCoefficient: Double
    /// Tschuprow's T = √(X² / (n √((r - 1)(c - 1)))).
    public let tschuprowT: Double

    /// Computes the measures from Pearson's X² over the non-empty rows and columns.
    public init(_ table: ContingencyTable) {
        let reduced = table.droppingEmptyMargins()
        let chiSquare = PearsonChiSquareTest(reduced).statistic
        let n = Double(reduced.total)
        let r = Double(reduced.rowCount), c = Double(reduced.columnCount)
        phi = (chiSquare / n).squareRoot()
        cramersV = (chiSquare / (n * (min(r, c) - 1))).squareRoot()
        contingencyCoefficient = (chiSquare / (chiSquare + n)).squareRoot()
        tschuprowT = (chiSquare / (n * ((r - 1) * (c - 1)).squareRoot())).squareRoot()
    }
}
