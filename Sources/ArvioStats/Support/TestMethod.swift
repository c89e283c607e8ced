/// How a test's p-value (or statistic) was obtained, as a value rather than a sentence: callers
/// name it in their own language from the case, and `description` is the English name.
public enum TestMethod: Sendable, Equatable, CustomStringConvertible {
    /// Student's t distribution (Pearson's r).
    case studentT
    /// Student's t distribution for paired differences.
    case studentTPaired
    /// A t approximation (Spearman's ρ, as R's `cor.test(exact = FALSE)`).
    case tApproximation
    /// Welch's t with Satterthwaite's degrees of freedom.
    case welchT
    /// The F test of a one-way analysis of variance.
    case oneWayANOVA
    /// The asymptotic chi-square distribution.
    case asymptoticChiSquare
    /// The asymptotic chi-square distribution of a statistic without continuity correction (McNemar).
    case asymptoticChiSquareUncorrected
    /// The asymptotic chi-square distribution with the continuity correction (McNemar, as R's default).
    case asymptoticChiSquareContinuityCorrected
    /// The asymptotic chi-square distribution with scores 1..k (linear-by-linear).
    case asymptoticChiSquareScores
    /// The exact binomial distribution (the sign test).
    case exactBinomial
    /// The exact permutation distribution of the ranks, conditional on the ties.
    case exactConditionalOnTies
    /// The normal approximation with the tie correction and no continuity correction.
    case normalApproximationTieCorrected
    /// The normal approximation with the asymptotic standard error under the null (PSPP/SPSS).
    case normalApproximationNullASE0
    /// Fisher's exact test by the network algorithm.
    case exactNetwork
    /// A Monte Carlo estimate from Patefield's random tables.
    case monteCarloTables(MonteCarloEstimate)
    /// A Monte Carlo estimate from random shuffles (a permutation test).
    case permutation(MonteCarloEstimate)

    /// The English name, as R and PSPP users know it.
    public var description: String {
        switch self {
        case .studentT: "Student t"
        case .studentTPaired: "Student t, paired"
        case .tApproximation: "t approximation"
        case .welchT: "Welch t"
        case .oneWayANOVA: "F test (one-way ANOVA)"
        case .asymptoticChiSquare: "asymptotic chi-square"
        case .asymptoticChiSquareUncorrected: "asymptotic chi-square, no continuity correction"
        case .asymptoticChiSquareContinuityCorrected: "asymptotic chi-square, continuity-corrected"
        case .asymptoticChiSquareScores: "asymptotic chi-square, scores 1..k"
        case .exactBinomial: "exact binomial"
        case .exactConditionalOnTies: "exact conditional on ties"
        case .normalApproximationTieCorrected: "normal approximation, tie-corrected, no continuity correction"
        case .normalApproximationNullASE0: "normal approximation, null ASE0 (as PSPP/SPSS)"
        case .exactNetwork: "exact (network algorithm)"
        case .monteCarloTables(let estimate): estimate.method("Monte Carlo (Patefield)", unit: "tables")
        case .permutation(let estimate): estimate.method("permutation", unit: "shuffles")
        }
    }
}
