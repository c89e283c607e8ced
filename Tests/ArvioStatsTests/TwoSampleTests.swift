import XCTest
import ArvioStats

final class TwoSampleTests: XCTestCase {
    private var fixture: [String: Any] { (try? loadFixture("reference.json")["twoSample"] as? [String: Any]) ?? [:] }

    func testMannWhitneyExactWithTiesMatchesCoinAndExactRankTests() throws {
        let f = fixture
        let test = try MannWhitneyUTest(f.vector("x"), f.vector("y"))
        XCTAssertTrue(test.isExact)
        XCTAssertEqual(test.statistic, f.number("u"))
        assertClose(test.pValue, f.number("coinP"), tolerance: 1e-12)
        assertClose(test.pValue, f.number("exactP"), tolerance: 1e-12)
        assertClose(test.normalApproximation.pValue, f.number("approxP"), tolerance: 1e-12)
        assertClose(test.rankBiserial, 2 * f.number("u") / 120 - 1, tolerance: 1e-12)
    }

    func testMannWhitneyAboveTheLimitUsesTheNormalApproximation() throws {
        let f = fixture
        let test = try MannWhitneyUTest(f.vector("x"), f.vector("y"), exactLimit: 10)
        XCTAssertFalse(test.isExact)
        assertClose(test.pValue, f.number("approxP"), tolerance: 1e-12)
    }

    func testWelchMatchesRTTest() throws {
        let f = fixture
        let test = try WelchTTest(f.vector("x"), f.vector("y"))
        assertClose(test.statistic, f.number("welchT"), tolerance: 1e-10)
        assertClose(test.degreesOfFreedom, f.number("welchDf"), tolerance: 1e-10)
        assertClose(test.pValue, f.number("welchP"), tolerance: 1e-12)
        assertClose(test.confidenceInterval.lowerBound, f.number("welchLow"), tolerance: 1e-10)
        assertClose(test.confidenceInterval.upperBound, f.number("welchHigh"), tolerance: 1e-10)
    }

    func testNaiveUnpairedPrePostWelch() throws {
        let test = try WelchTTest(SurveySmall.postMotiv, SurveySmall.preMotiv)
        assertClose(test.differenceInMeans, 0.625)
        assertClose(test.statistic, 1.268143)
        assertClose(test.pValue, 0.217293)
    }

    func testEmptyOrConstantGroupsAreErrors() {
        XCTAssertThrowsError(try MannWhitneyUTest([], [1, 2]))
        XCTAssertThrowsError(try MannWhitneyUTest([2, 2], [2, 2]))
        XCTAssertThrowsError(try WelchTTest([1], [2, 3]))
        XCTAssertThrowsError(try WelchTTest([1, 1], [2, 2]))
    }

    func testMannWhitneyAndWelchMatchSciPy() throws {
        let f = fixture
        let scipy = try loadFixture("scipy_reference.json")["twoSample"] as? [String: Any] ?? [:]
        let mannWhitney = try MannWhitneyUTest(f.vector("x"), f.vector("y"))
        XCTAssertEqual(mannWhitney.statistic, scipy.number("u"))
        assertClose(mannWhitney.normalApproximation.pValue, scipy.number("approxP"), tolerance: 1e-12)
        let welch = try WelchTTest(f.vector("x"), f.vector("y"))
        assertClose(welch.statistic, scipy.number("welchT"), tolerance: 1e-10)
        assertClose(welch.pValue, scipy.number("welchP"), tolerance: 1e-12)
    }
}
