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
        XCTAssertLessThan(abs(first.pValue - fixture.number("fisherP")), 4 * se)
        XCTAssertTrue(first.method.hasPrefix("Monte Carlo, 20000 tables, seed 7, SE "), first.method)
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
