import XCTest
import ArvioStats

final class FisherExactTestTests: XCTestCase {
    func testTwoByTwoTwoSidedIsNineteenOverThirtyThreeWherePSPPIsWrong() throws {
        let test = FisherExactTest(try ContingencyTable(SurveySmall.entryRouteByImproved))
        XCTAssertEqual(test.pValue, 19.0 / 33.0, accuracy: 1e-12)
        XCTAssertTrue(test.isExact)
        assertClose(test.oneSided?.greater, 0.424242)
        assertClose(test.oneSided?.less, 0.929293)
    }

    func testAttritionTwoByTwoIsExactlyOne() throws {
        let test = FisherExactTest(try ContingencyTable(SurveySmall.entryRouteByResponded))
        XCTAssertEqual(test.pValue, 1, accuracy: 1e-12)
        assertClose(test.oneSided?.less, 0.607692)
    }

    func testFisherRxCMatchesRExactWherePSPPDoesNotCompute() throws {
        let org = FisherExactTest(try ContingencyTable(SurveySmall.orgByEntryRoute))
        XCTAssertEqual(org.pValue, 1, accuracy: 1e-9)
        assertClose(org.statistic, 0.0755245)
        XCTAssertEqual(org.method, "exact (network algorithm)")
        XCTAssertEqual(FisherExactTest(try ContingencyTable(SurveySmall.orgByResponded)).pValue, 391.0 / 455.0, accuracy: 1e-12)
        XCTAssertEqual(FisherExactTest(try ContingencyTable(SurveySmall.orgByImproved)).pValue, 1, accuracy: 1e-9)
    }

    func testRFixturesIncludingFourByFourWithOverOneHundred() throws {
        for row in try loadFixture("reference.json").rows("contingency") {
            let test = FisherExactTest(try ContingencyTable(row.matrix("counts")))
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
        let first = FisherExactTest(table, workLimit: 10, replicates: 20_000, seed: 7)
        let again = FisherExactTest(table, workLimit: 10, replicates: 20_000, seed: 7)
        XCTAssertFalse(first.isExact)
        XCTAssertEqual(first.pValue, again.pValue)
        let se = try XCTUnwrap(first.monteCarloStandardError)
        XCTAssertLessThan(abs(first.pValue - fixture.number("fisherP")), 4 * se)
        XCTAssertTrue(first.method.hasPrefix("Monte Carlo, 20000 tables, seed 7, SE "), first.method)
    }
}
