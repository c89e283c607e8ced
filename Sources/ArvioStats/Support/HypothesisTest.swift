/// What every test result exposes, so a caller can render any test the same way.
public protocol HypothesisTest: Sendable {
    /// The test statistic, in the scale named by the test (z, t, χ², W+, ...).
    var statistic: Double { get }
    /// Degrees of freedom, when the reference distribution has them.
    var degreesOfFreedom: Double? { get }
    /// The two-sided p-value unless the result type says otherwise.
    var pValue: Double { get }
    /// How the p-value was obtained, as a value to name in any language.
    var testMethod: TestMethod { get }
}

extension HypothesisTest {
    /// How the p-value was obtained, in English, e.g. "exact (network algorithm)".
    public var method: String { testMethod.description }
}
