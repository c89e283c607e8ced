import XCTest
import ArvioStats

final class LikelihoodRatioTestTests: XCTestCase {
    func testGSquaredMatchesPSPPOnTheSurveyTables() throws {
        let org = LikelihoodRatioTest(try ContingencyTable(SurveySmall.orgByEntryRoute))
        assertClose(org.statistic, 0.795841)
        XCTAssertEqual(org.degreesOfFreedom, 3)
        assertClose(org.pValue, 0.850462)
        let improved = LikelihoodRatioTest(try ContingencyTable(SurveySmall.entryRouteByImproved))
        assertClose(improved.statistic, 0.711602)
        assertClose(improved.pValue, 0.398912)
        let responded = LikelihoodRatioTest(try ContingencyTable(SurveySmall.entryRouteByResponded))
        assertClose(responded.statistic, 0.084239)
        assertClose(responded.pValue, 0.771633)
    }
}
