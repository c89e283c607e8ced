import XCTest
import ArvioStats

final class NominalAssociationTests: XCTestCase {
    func testCramersVIsUnadjustedAsVcdAndSciPy() throws {
        let org = NominalAssociation(try ContingencyTable(SurveySmall.orgByEntryRoute))
        assertClose(org.cramersV, 0.218218)
        assertClose(org.phi, 0.218218)
        assertClose(org.contingencyCoefficient, 0.213201)
        assertClose(org.tschuprowT, 0.165810)
    }

    func testPhiOfTheTwoByTwoTables() throws {
        assertClose(NominalAssociation(try ContingencyTable(SurveySmall.entryRouteByImproved)).phi, 0.239046)
        assertClose(NominalAssociation(try ContingencyTable(SurveySmall.entryRouteByResponded)).phi, 0.072739)
    }

    func testLinearByLinearMatchesPSPP() throws {
        let test = LinearByLinearTest(try ContingencyTable(SurveySmall.orgByEntryRoute))
        assertClose(test.statistic, 0.428571)
        assertClose(test.pValue, 0.512691)
    }

    func testOddsRatioAndRelativeRisksWithWoolfIntervals() throws {
        let improved = try TwoByTwoEffects(try ContingencyTable(SurveySmall.entryRouteByImproved))
        assertClose(improved.oddsRatio.value, 3)
        assertClose(improved.oddsRatio.lower, 0.211149)
        assertClose(improved.oddsRatio.upper, 42.6239, tolerance: 1e-4)
        assertClose(improved.relativeRiskFirstColumn.value, 2.142857)
        assertClose(improved.relativeRiskFirstColumn.lower, 0.304688)
        assertClose(improved.relativeRiskFirstColumn.upper, 15.0706, tolerance: 1e-4)
        assertClose(improved.relativeRiskSecondColumn.value, 0.714286)
        assertClose(improved.relativeRiskSecondColumn.lower, 0.328432)
        assertClose(improved.relativeRiskSecondColumn.upper, 1.553456)
        let responded = try TwoByTwoEffects(try ContingencyTable(SurveySmall.entryRouteByResponded))
        assertClose(responded.oddsRatio.value, 0.714286)
        assertClose(responded.oddsRatio.lower, 0.073703)
        assertClose(responded.oddsRatio.upper, 6.92244, tolerance: 1e-5)
    }

    func testOddsRatioRefusesZeroCells() throws {
        XCTAssertThrowsError(try TwoByTwoEffects(try ContingencyTable([[0, 3], [2, 4]])))
    }
}
