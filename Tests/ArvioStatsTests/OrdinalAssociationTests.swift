import XCTest
import ArvioStats

final class OrdinalAssociationTests: XCTestCase {
    func testPrePostMotivationMatchesPSPPAndR() throws {
        let measures = try OrdinalAssociation(try ContingencyTable(SurveySmall.preByPostMotiv))
        XCTAssertEqual(measures.concordantPairs, 38)
        XCTAssertEqual(measures.discordantPairs, 6)
        assertClose(measures.gamma, 0.727273)
        assertClose(measures.tauB, 0.592694)
        assertClose(measures.tauC, 0.592593)
        assertClose(measures.somersDColumnGivenRow, 0.603774)
        assertClose(measures.somersDRowGivenColumn, 0.581818)
        assertClose(measures.gammaStandardError, 0.168537)
        assertClose(measures.tauBStandardError, 0.157989)
        assertClose(measures.gammaTest.statistic, 3.398363)
        assertClose(measures.gammaTest.pValue, 0.000678)
        assertClose(measures.tauBTest.statistic, 2.361698)
        assertClose(measures.tauBTest.pValue, 0.018191)
    }

    func testOrdinalFourByFourMatchesRCorTestAndPairCounting() throws {
        let fixture = try loadFixture("reference.json")["ordinal"] as? [String: Any] ?? [:]
        let measures = try OrdinalAssociation(try ContingencyTable(fixture.matrix("counts")))
        XCTAssertEqual(measures.concordantPairs, fixture.number("concordant"))
        XCTAssertEqual(measures.discordantPairs, fixture.number("discordant"))
        assertClose(measures.gamma, fixture.number("gamma"), tolerance: 1e-12)
        assertClose(measures.tauB, fixture.number("tauB"), tolerance: 1e-12)
        assertClose(measures.tauBTest.statistic, fixture.number("tauBZ"), tolerance: 1e-9)
        assertClose(measures.tauBTest.pValue, fixture.number("tauBP"), tolerance: 1e-12)
    }

    func testAllPairsTiedIsAnErrorNotACrash() throws {
        XCTAssertThrowsError(try OrdinalAssociation(try ContingencyTable([[3, 0], [0, 0], [0, 0]] + [[0, 0]])))
        XCTAssertThrowsError(try OrdinalAssociation(try ContingencyTable([[2, 0], [0, 0]])))
    }

    func testOrdinalFourByFourMatchesSciPyKendalltau() throws {
        let counts = (try loadFixture("reference.json")["ordinal"] as? [String: Any] ?? [:]).matrix("counts")
        let scipy = try loadFixture("scipy_reference.json")["ordinal"] as? [String: Any] ?? [:]
        let measures = try OrdinalAssociation(try ContingencyTable(counts))
        assertClose(measures.tauB, scipy.number("tauB"), tolerance: 1e-12)
        assertClose(measures.tauBTest.pValue, scipy.number("tauBP"), tolerance: 1e-12)
    }
}
