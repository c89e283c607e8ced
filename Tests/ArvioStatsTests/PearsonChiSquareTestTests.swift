import XCTest
import ArvioStats

final class PearsonChiSquareTestTests: XCTestCase {
    func testOrgByEntryRouteMatchesPSPPAndR() throws {
        let test = PearsonChiSquareTest(try ContingencyTable(SurveySmall.orgByEntryRoute))
        assertClose(test.statistic, 0.761905)
        XCTAssertEqual(test.degreesOfFreedom, 3)
        assertClose(test.pValue, 0.858555)
        XCTAssertEqual(test.cellsWithExpectedBelowFive, 8)
        assertClose(test.pearsonResiduals[0][0], 0.5)
        assertClose(test.pearsonResiduals[0][1], -0.566947)
        assertClose(test.adjustedResiduals[0][0], 0.872872)
        assertClose(test.adjustedResiduals[0][1], -0.872872)
        for i in 1...3 {
            assertClose(test.pearsonResiduals[i][0], -0.166667)
            assertClose(test.pearsonResiduals[i][1], 0.188982)
            assertClose(test.adjustedResiduals[i][0], -0.290957)
            assertClose(test.adjustedResiduals[i][1], 0.290957)
        }
    }

    func testTwoByTwoTablesReportYatesAsR() throws {
        let improved = PearsonChiSquareTest(try ContingencyTable(SurveySmall.entryRouteByImproved))
        assertClose(improved.statistic, 0.685714)
        assertClose(improved.pValue, 0.407626)
        assertClose(improved.yates?.statistic, 0.042857)
        assertClose(improved.yates?.pValue, 0.835994)
        let responded = PearsonChiSquareTest(try ContingencyTable(SurveySmall.entryRouteByResponded))
        assertClose(responded.statistic, 0.084656)
        assertClose(responded.pValue, 0.771084)
        assertClose(responded.yates?.statistic, 0)
        assertClose(responded.yates?.pValue, 1)
        XCTAssertNil(PearsonChiSquareTest(try ContingencyTable(SurveySmall.orgByEntryRoute)).yates)
    }

    func testOrgTablesMatchReferenceChiSquare() throws {
        let responded = PearsonChiSquareTest(try ContingencyTable(SurveySmall.orgByResponded))
        assertClose(responded.statistic, 2.666667)
        assertClose(responded.pValue, 0.445922)
        let improved = PearsonChiSquareTest(try ContingencyTable(SurveySmall.orgByImproved))
        assertClose(improved.statistic, 0.375)
        assertClose(improved.pValue, 0.945357)
    }

    func testRFixturesChiSquareResidualsAndYates() throws {
        for row in try loadFixture("reference.json").rows("contingency") {
            let test = PearsonChiSquareTest(try ContingencyTable(row.matrix("counts")))
            assertClose(test.statistic, row.number("chiSquare"), tolerance: 1e-9, "\(row["name"]!)")
            XCTAssertEqual(test.degreesOfFreedom, row.number("df"))
            assertClose(test.pValue, row.number("chiSquareP"), tolerance: 1e-9)
            let residuals = (row["adjustedResiduals"] as? [[Any]]) ?? []
            for (i, line) in residuals.enumerated() {
                for (j, value) in line.enumerated() {
                    assertClose(test.adjustedResiduals[i][j], Double("\(value)") ?? .nan, tolerance: 1e-9)
                }
            }
            if row["yates"] != nil {
                assertClose(test.yates?.statistic, row.number("yates"), tolerance: 1e-9)
                assertClose(test.yates?.pValue, row.number("yatesP"), tolerance: 1e-9)
            }
        }
    }
}
