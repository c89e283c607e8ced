/// A test whose statistic is referred to the standard normal distribution.
public struct ZTest: HypothesisTest, Equatable {
    /// The z statistic.
    public let statistic: Double
    /// Always nil: the normal distribution has no degrees of freedom.
    public var degreesOfFreedom: Double? { nil }
    /// P(|Z| ≥ |z|).
    public let pValue: Double
    /// How z was formed.
    public let testMethod: TestMethod

    /// A two-sided normal test of `z`.
    public init(z: Double, method: TestMethod) {
        statistic = z
        pValue = NormalDistribution.twoSidedP(z)
        testMethod = method
    }
}
