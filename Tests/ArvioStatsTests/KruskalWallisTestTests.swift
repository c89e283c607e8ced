import XCTest
import ArvioStats

/// Kruskal–Wallis against R (Fixtures/kruskal.R): kruskal.test for H and its χ² p, and the exact
/// permutation p counted in R over every split of the midranks.
final class KruskalWallisTestTests: XCTestCase {
    private func row(_ name: String) throws -> [String: Any] {
        try XCTUnwrap(try loadFixture("kruskal.json").rows("kruskal").first { $0["name"] as? String == name })
    }

    private func groups(_ row: [String: Any]) -> [[Double]] {
        (row["groups"] as? [[NSNumber]] ?? []).map { $0.map(\.doubleValue) }
    }

    func testHollanderWolfeExactAndAsymptoticMatchR() throws {
        let r = try row("hollanderWolfe")
        let test = try KruskalWallisTest(groups(r))
        assertClose(test.statistic, r.number("H"), tolerance: 1e-9)
        XCTAssertEqual(test.degreesOfFreedom, 2)
        assertClose(test.asymptoticP, r.number("asymptoticP"), tolerance: 1e-9)
        XCTAssertTrue(test.isExact)
        assertClose(test.pValue, r.number("exactP"), tolerance: 1e-9)
        XCTAssertEqual(test.method, "exact conditional on ties (252252 rearrangements)")
        assertClose(test.epsilonSquared, r.number("epsilonSquared"), tolerance: 1e-9)
    }

    func testTiedScaleAnswersMatchTheExactConditionalP() throws {
        let r = try row("ties")
        let test = try KruskalWallisTest(groups(r))
        assertClose(test.statistic, r.number("H"), tolerance: 1e-9)
        assertClose(test.pValue, r.number("exactP"), tolerance: 1e-9)
        XCTAssertEqual(r.integer("arrangements"), 630_630)
    }

    func testLargeSamplesGetASeededMonteCarloPBesideTheChiSquare() throws {
        let r = try row("airquality")
        let test = try KruskalWallisTest(groups(r))
        assertClose(test.statistic, r.number("H"), tolerance: 1e-9, relative: true)
        XCTAssertEqual(test.degreesOfFreedom, 4)
        assertClose(test.asymptoticP, r.number("asymptoticP"), tolerance: 1e-9, relative: true)
        XCTAssertFalse(test.isExact)
        XCTAssertTrue(test.method.hasPrefix("permutation"), test.method)
        XCTAssertLessThan(test.pValue, 0.001, "H = 29.3 on 4 df: no shuffle of 10,000 reaches it")
        assertClose(test.epsilonSquared, r.number("epsilonSquared"), tolerance: 1e-9, relative: true)
    }

    /// n = 6000 in four groups, the smallest 40: the p is kruskal.test's χ² p, and coin's Monte
    /// Carlo p over 100,000 rearrangements agrees with it within 3 of its standard errors, so the
    /// approximation loses nothing a 10,000-shuffle estimate would have given.
    func testALargeSampleTakesTheChiSquarePOfR() throws {
        let r = try row("large")
        let test = try KruskalWallisTest(groups(r))
        assertClose(test.statistic, r.number("H"), tolerance: 1e-9, relative: true)
        assertClose(test.pValue, r.number("asymptoticP"), tolerance: 1e-9, relative: true)
        XCTAssertEqual(test.pValue, test.asymptoticP)
        XCTAssertEqual(test.testMethod, .asymptoticChiSquare)
        XCTAssertEqual(test.method, "asymptotic chi-square (n = 6000, smallest group 40)")
        XCTAssertFalse(test.isExact)
        let monteCarlo = r.number("monteCarloP"), b = r.number("monteCarloB")
        XCTAssertEqual(test.pValue, monteCarlo, accuracy: 3 * (monteCarlo * (1 - monteCarlo) / b).squareRoot())
    }

    /// Past 5,000 values but with a group of 10, the χ² tail is not trusted: Monte Carlo.
    func testALargeSampleWithASmallGroupStaysMonteCarlo() throws {
        let groups = try groups(row("large"))
        let test = try KruskalWallisTest([Array(groups[0].prefix(10)), groups[1], groups[2], groups[3]])
        XCTAssertTrue(test.method.hasPrefix("permutation"), test.method)
        XCTAssertFalse(test.isExact)
    }

    func testMonteCarloAgreesWithTheExactCountWithinItsError() throws {
        let r = try row("ties")
        let estimate = try KruskalWallisTest(groups(r), exactLimit: 100)
        XCTAssertFalse(estimate.isExact)
        XCTAssertEqual(estimate.pValue, r.number("exactP"), accuracy: 0.006, "4 standard errors of 10,000-40,000 shuffles")
        let again = try KruskalWallisTest(groups(r), exactLimit: 100)
        XCTAssertEqual(estimate.pValue, again.pValue, "seeded: the same p every run")
    }

    func testTooFewGroupsOrNoSpreadAreErrors() {
        XCTAssertThrowsError(try KruskalWallisTest([[1, 2, 3], []]))
        XCTAssertThrowsError(try KruskalWallisTest([[2, 2], [2, 2, 2]])) { XCTAssertEqual($0 as? StatsError, .zeroVariance) }
        XCTAssertThrowsError(try KruskalWallisTest([[1, .nan], [2, 3]]))
    }
}
