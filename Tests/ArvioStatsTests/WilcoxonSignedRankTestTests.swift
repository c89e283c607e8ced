import XCTest
import ArvioStats

final class WilcoxonSignedRankTestTests: XCTestCase {
    func testMotivationExactConditionalIsFourteenOverFiveHundredTwelve() throws {
        let test = try WilcoxonSignedRankTest(pre: SurveySmall.pairedMotiv.pre, post: SurveySmall.pairedMotiv.post)
        XCTAssertEqual(test.statistic, 41.5)
        XCTAssertEqual(test.wMinus, 3.5)
        XCTAssertEqual(test.nonZeroCount, 9)
        XCTAssertEqual(test.zeroCount, 3)
        XCTAssertTrue(test.isExact)
        XCTAssertEqual(test.method, "exact conditional on ties")
        XCTAssertEqual(test.pValue, 14.0 / 512.0, accuracy: 1e-12)
        assertClose(test.normalApproximation.statistic, 2.332122)
        assertClose(test.normalApproximation.pValue, 0.019694)
        assertClose(test.rankBiserial, 0.844444)
    }

    func testPrattZerosMatchCoinExactAndSciPyApproximation() throws {
        let test = try WilcoxonSignedRankTest(pre: SurveySmall.pairedMotiv.pre, post: SurveySmall.pairedMotiv.post,
                                              zeroHandling: .pratt)
        assertClose(test.pValue, 0.027344)
        assertClose(test.normalApproximation.statistic, 2.376214)
        assertClose(test.normalApproximation.pValue, 0.017491)
    }

    func testConfidenceAndKnowledgeItems() throws {
        let conf = try WilcoxonSignedRankTest(pre: SurveySmall.pairedConf.pre, post: SurveySmall.pairedConf.post)
        XCTAssertEqual(conf.statistic, 28)
        XCTAssertEqual(conf.wMinus, 0)
        XCTAssertEqual(conf.zeroCount, 5)
        assertClose(conf.pValue, 0.015625)
        assertClose(conf.normalApproximation.pValue, 0.008151)
        let know = try WilcoxonSignedRankTest(pre: SurveySmall.pairedKnow.pre, post: SurveySmall.pairedKnow.post)
        XCTAssertEqual(know.statistic, 66)
        XCTAssertEqual(know.zeroCount, 1)
        assertClose(know.pValue, 0.000977)
        assertClose(know.normalApproximation.pValue, 0.001341)
    }

    func testContinuousPairsMatchExactRankTestsAndCoin() throws {
        let fixture = try loadFixture("reference.json")["paired"] as? [String: Any] ?? [:]
        // reference.R ranks the floating-point differences, as R does by default.
        let pre = fixture.vector("pre"), post = fixture.vector("post")
        let test = try WilcoxonSignedRankTest(differences: zip(post, pre).map { $0 - $1 })
        assertClose(test.statistic, fixture.number("wilcoxonV"), tolerance: 1e-12)
        assertClose(test.pValue, fixture.number("wilcoxonExactP"), tolerance: 1e-12)
        assertClose(test.pValue, fixture.number("wilcoxonCoinP"), tolerance: 1e-12)
        assertClose(test.normalApproximation.pValue, fixture.number("wilcoxonApproxP"), tolerance: 1e-12)
    }

    /// The same pairs differenced as the one-decimal values they are (decimal_ties.R: coin on
    /// round(d, 1), wilcox.test(digits.rank = 7); decimal_ties.py: SciPy), ties kept.
    func testContinuousPairsKeepTheirDecimalTies() throws {
        let fixture = try loadFixture("reference.json")["paired"] as? [String: Any] ?? [:]
        let test = try WilcoxonSignedRankTest(pre: fixture.vector("pre"), post: fixture.vector("post"))
        XCTAssertEqual(test.statistic, 178.5)
        assertClose(test.pValue, 0.000213623046875, tolerance: 1e-12)
        assertClose(test.normalApproximation.pValue, 0.000767350558702, tolerance: 1e-12)
        let pratt = try WilcoxonSignedRankTest(pre: fixture.vector("pre"), post: fixture.vector("post"), zeroHandling: .pratt)
        assertClose(pratt.normalApproximation.pValue, 0.000768089440144, tolerance: 1e-12)
    }

    func testAboveTheExactLimitUsesTheTieCorrectedNormalApproximation() throws {
        let fixture = try loadFixture("reference.json")["pairedLarge"] as? [String: Any] ?? [:]
        let test = try WilcoxonSignedRankTest(pre: fixture.vector("pre"), post: fixture.vector("post"))
        XCTAssertGreaterThan(test.nonZeroCount, WilcoxonSignedRankTest.defaultExactLimit)
        XCTAssertFalse(test.isExact)
        XCTAssertEqual(test.method, "normal approximation, tie-corrected, no continuity correction")
        assertClose(test.statistic, fixture.number("wilcoxonV"), tolerance: 1e-12)
        assertClose(test.pValue, fixture.number("p"), tolerance: 1e-12)
        assertClose(test.normalApproximation.statistic, fixture.number("z"), tolerance: 1e-10)
    }

    func testAllZeroDifferencesIsAnError() {
        XCTAssertThrowsError(try WilcoxonSignedRankTest(pre: [1, 2], post: [1, 2]))
        XCTAssertThrowsError(try WilcoxonSignedRankTest(differences: []))
    }

    func testNormalApproximationsMatchSciPyWithAndWithoutPratt() throws {
        let reference = try loadFixture("reference.json")
        let scipy = try loadFixture("scipy_reference.json")
        let paired = reference["paired"] as? [String: Any] ?? [:]
        let expected = scipy["paired"] as? [String: Any] ?? [:]
        // scipy_reference.py passes the floating-point differences.
        let d = zip(paired.vector("post"), paired.vector("pre")).map { $0 - $1 }
        let wilcoxon = try WilcoxonSignedRankTest(differences: d)
        assertClose(wilcoxon.normalApproximation.pValue, expected.number("wilcoxonApproxP"), tolerance: 1e-12)
        let pratt = try WilcoxonSignedRankTest(differences: d, zeroHandling: .pratt)
        assertClose(pratt.normalApproximation.pValue, expected.number("wilcoxonPrattApproxP"), tolerance: 1e-12)
        let large = reference["pairedLarge"] as? [String: Any] ?? [:]
        let largeTest = try WilcoxonSignedRankTest(pre: large.vector("pre"), post: large.vector("post"))
        assertClose(largeTest.pValue, (scipy["pairedLarge"] as? [String: Any] ?? [:]).number("p"), tolerance: 1e-12)
    }
}
