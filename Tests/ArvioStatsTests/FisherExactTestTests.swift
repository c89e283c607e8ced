import Foundation
import XCTest
import ArvioStats

final class FisherExactTestTests: XCTestCase {
    func testTwoByTwoTwoSidedIsNineteenOverThirtyThreeWherePSPPIsWrong() throws {
        let test = try FisherExactTest(try ContingencyTable(SurveySmall.entryRouteByImproved))
        XCTAssertEqual(test.pValue, 19.0 / 33.0, accuracy: 1e-12)
        XCTAssertTrue(test.isExact)
        assertClose(test.oneSided?.greater, 0.424242)
        assertClose(test.oneSided?.less, 0.929293)
    }

    func testAttritionTwoByTwoIsExactlyOne() throws {
        let test = try FisherExactTest(try ContingencyTable(SurveySmall.entryRouteByResponded))
        XCTAssertEqual(test.pValue, 1, accuracy: 1e-12)
        assertClose(test.oneSided?.less, 0.607692)
    }

    func testFisherRxCMatchesRExactWherePSPPDoesNotCompute() throws {
        let org = try FisherExactTest(try ContingencyTable(SurveySmall.orgByEntryRoute))
        XCTAssertEqual(org.pValue, 1, accuracy: 1e-9)
        assertClose(org.statistic, 0.0755245)
        XCTAssertEqual(org.method, "exact (network algorithm)")
        XCTAssertEqual(try FisherExactTest(try ContingencyTable(SurveySmall.orgByResponded)).pValue, 391.0 / 455.0, accuracy: 1e-12)
        XCTAssertEqual(try FisherExactTest(try ContingencyTable(SurveySmall.orgByImproved)).pValue, 1, accuracy: 1e-9)
    }

    func testRFixturesIncludingFourByFourWithOverOneHundred() throws {
        for row in try loadFixture("reference.json").rows("contingency") {
            let test = try FisherExactTest(try ContingencyTable(row.matrix("counts")))
            XCTAssertTrue(test.isExact, "\(row["name"]!)")
            assertClose(test.pValue, row.number("fisherP"), tolerance: 1e-9, "\(row["name"]!)")
            if row["fisherLess"] != nil {
                assertClose(test.oneSided?.less, row.number("fisherLess"), tolerance: 1e-9)
                assertClose(test.oneSided?.greater, row.number("fisherGreater"), tolerance: 1e-9)
            }
        }
    }

    func testTooLargeForTheNetworkFallsBackToSeededMonteCarlo() throws {
        let fixture = try loadFixture("reference.json").rows("contingency")[0]
        let table = try ContingencyTable(fixture.matrix("counts"))
        let first = try FisherExactTest(table, workLimit: 10, replicates: 20_000, seed: 7)
        let again = try FisherExactTest(table, workLimit: 10, replicates: 20_000, seed: 7)
        XCTAssertFalse(first.isExact)
        XCTAssertEqual(first.pValue, again.pValue)
        let se = try XCTUnwrap(first.monteCarloStandardError)
        XCTAssertLessThan(abs(first.pValue - fixture.number("fisherP")), 3 * se)
        XCTAssertTrue(first.method.hasPrefix("Monte Carlo (Patefield), "), first.method)
        XCTAssertTrue(first.method.contains(" tables, seed 7, SE "), first.method)
        XCTAssertTrue(first.method.contains("99% CI "), first.method)
        let (low, high) = try XCTUnwrap(first.monteCarlo).interval99
        XCTAssertTrue(low < fixture.number("fisherP") && fixture.number("fisherP") < high)
    }

    /// esoph, cases and controls by age group (R: fisher.test(workspace = 2e8) p = 4.25029870257703e-24,
    /// Tests/Fixtures/fisher/fisher.R): no random table is as extreme, so p is only a bound.
    func testNoSimulatedTableAsExtremeReportsTheBoundNotAValue() throws {
        let esoph = try ContingencyTable([[1, 9, 46, 76, 55, 13], [115, 190, 167, 166, 106, 31]])
        let test = try FisherExactTest(esoph, workLimit: 10)
        let estimate = try XCTUnwrap(test.monteCarlo)
        XCTAssertTrue(estimate.isUpperBound)
        XCTAssertEqual(estimate.replicates, FisherExactTest.defaultReplicates)
        XCTAssertGreaterThan(test.pValue, 4.25029870257703e-24)
        XCTAssertTrue(test.method.hasSuffix("none as extreme, p < 1/(B+1) = 9.9990e-05"), test.method)
    }

    func testTheDoublingRuleDrawsMoreNearFivePercent() {
        // p̂ = 0.05 ± 0.002 after 10,000: within 3 SE (0.0065) of 0.05, so more are drawn.
        XCTAssertTrue(MonteCarloEstimate.needsMore(asExtreme: 520, replicates: 10_000, maximum: 640_000))
        XCTAssertFalse(MonteCarloEstimate.needsMore(asExtreme: 520, replicates: 640_000, maximum: 640_000))
        XCTAssertFalse(MonteCarloEstimate.needsMore(asExtreme: 3000, replicates: 10_000, maximum: 640_000))
        XCTAssertFalse(MonteCarloEstimate.needsMore(asExtreme: 0, replicates: 10_000, maximum: 640_000))
    }

    /// caith (MASS), eye by hair colour, 4×5, n = 5,387: the network would need far more than its
    /// budget, so it must give up at once and the Monte Carlo must be quick and small.
    func testCaithGoesToMonteCarloQuickly() throws {
        let caith = try ContingencyTable([[326, 38, 241, 110, 3], [688, 116, 584, 188, 4],
                                          [343, 84, 909, 412, 26], [98, 48, 403, 681, 85]])
        let start = Date()
        let test = try FisherExactTest(caith)
        XCTAssertFalse(test.isExact)
        XCTAssertTrue(try XCTUnwrap(test.monteCarlo).isUpperBound)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "debug build; a release build takes well under a second")
    }

    func testCancellationStopsTheMonteCarlo() throws {
        let wide = try ContingencyTable([[400, 300, 500, 200, 350, 250], [300, 450, 200, 380, 260, 310],
                                         [220, 330, 440, 150, 270, 390]])
        XCTAssertThrowsError(try FisherExactTest(wide, workLimit: 10, isCancelled: { true })) { error in
            XCTAssertEqual(error as? StatsError, .cancelled)
        }
    }

    func testSignificantDigitsNeverPrintZero() {
        XCTAssertEqual(MonteCarloEstimate.significant(0.0000123, 2), "1.2e-05")
        XCTAssertEqual(MonteCarloEstimate.significant(0.0012345, 2), "0.0012")
        XCTAssertEqual(MonteCarloEstimate.significant(0.04987, 3), "0.0499")
    }

    func testHugeNetworksStopAtTheBudgetInsteadOfHanging() throws {
        let wide = try ContingencyTable([[400, 300, 500, 200, 350, 250], [300, 450, 200, 380, 260, 310],
                                         [220, 330, 440, 150, 270, 390]])
        let start = Date()
        let test = try FisherExactTest(wide, workLimit: 200_000, replicates: 200)
        XCTAssertFalse(test.isExact)
        XCTAssertTrue(test.pValue > 0 && test.pValue <= 1)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testTablesBeyondTheLargestTotalAreRefused() throws {
        let big = try ContingencyTable([[600_000, 400_000], [300_000, 700_000]])
        XCTAssertThrowsError(try FisherExactTest(big)) { error in
            XCTAssertEqual(error as? StatsError, .tooLarge(total: 2_000_000, limit: FisherExactTest.largestTotal))
        }
    }
}
