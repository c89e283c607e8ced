import XCTest
import ArvioStats

final class SignTestTests: XCTestCase {
    func testMotivationEightUpOneDownMatchesBinomTest() throws {
        let test = try SignTest(pre: SurveySmall.pairedMotiv.pre, post: SurveySmall.pairedMotiv.post)
        XCTAssertEqual(test.positive, 8)
        XCTAssertEqual(test.negative, 1)
        XCTAssertEqual(test.ties, 3)
        assertClose(test.pValue, 0.039063)
        XCTAssertEqual(test.pValue, 20.0 / 512.0, accuracy: 1e-12)
    }

    func testConfidenceAndKnowledge() throws {
        assertClose(try SignTest(pre: SurveySmall.pairedConf.pre, post: SurveySmall.pairedConf.post).pValue, 0.015625)
        assertClose(try SignTest(pre: SurveySmall.pairedKnow.pre, post: SurveySmall.pairedKnow.post).pValue, 0.000977)
    }

    func testContinuousPairsMatchBinomTest() throws {
        let fixture = try loadFixture("reference.json")["paired"] as? [String: Any] ?? [:]
        let test = try SignTest(pre: fixture.vector("pre"), post: fixture.vector("post"))
        assertClose(test.pValue, fixture.number("signP"), tolerance: 1e-12)
    }

    func testAllTiedIsAnError() {
        XCTAssertThrowsError(try SignTest(pre: [3, 4], post: [3, 4]))
    }
}
