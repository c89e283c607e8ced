import XCTest
@testable import ArvioStats

final class DistributionsTests: XCTestCase {
    func testEveryDistributionFunctionMatchesSciPyToNineDigits() throws {
        let fixture = try loadFixture("distributions.json")
        for row in fixture.rows("rows") {
            let fn = row["fn"] as? String ?? ""
            let actual: Double
            switch fn {
            case "normal.cdf": actual = NormalDistribution.cdf(row.number("x"))
            case "normal.sf": actual = NormalDistribution.sf(row.number("x"))
            case "normal.quantile": actual = NormalDistribution.quantile(row.number("p"))
            case "gamma.p": actual = GammaFunction.regularizedP(row.number("a"), row.number("x"))
            case "gamma.q": actual = GammaFunction.regularizedQ(row.number("a"), row.number("x"))
            case "beta.i":
                actual = BetaFunction.regularizedIncompleteBeta(row.number("x"), a: row.number("a"), b: row.number("b"))
            case "chi2.sf": actual = ChiSquaredDistribution.sf(row.number("x"), df: row.number("df"))
            case "t.cdf": actual = StudentTDistribution.cdf(row.number("x"), df: row.number("df"))
            case "t.sf": actual = StudentTDistribution.sf(row.number("x"), df: row.number("df"))
            case "t.quantile": actual = StudentTDistribution.quantile(row.number("p"), df: row.number("df"))
            case "binom.pmf": actual = BinomialDistribution.pmf(row.integer("k"), n: row.integer("n"), p: row.number("p"))
            case "binom.cdf": actual = BinomialDistribution.cdf(row.integer("k"), n: row.integer("n"), p: row.number("p"))
            case "hyper.pmf":
                actual = HypergeometricDistribution.pmf(row.integer("x"), m: row.integer("m"), n: row.integer("n"), k: row.integer("k"))
            case "hyper.cdf":
                actual = HypergeometricDistribution.cdf(row.integer("x"), m: row.integer("m"), n: row.integer("n"), k: row.integer("k"))
            default: XCTFail("unknown function \(fn)"); continue
            }
            let expected = row.number("value")
            // Relative for tails (full precision is the point), absolute near zero.
            assertClose(actual, expected, tolerance: 1e-9, relative: abs(expected) > 1e-300, "\(row)")
        }
    }

    func testNormalQuantileInvertsTheCdfAtTheConventionalLevel() {
        assertClose(NormalDistribution.quantile(0.975), 1.959963984540054, tolerance: 1e-14)
    }
}
