import XCTest
import ArvioStats

final class PairedTTestTests: XCTestCase {
    func testMotivationConfidenceAndKnowledgeMatchRAndPSPP() throws {
        let cases: [(pairs: (pre: [Double], post: [Double]), mean: Double, sd: Double, t: Double, p: Double,
                     low: Double, high: Double, dz: Double)] = [
            (SurveySmall.pairedMotiv, 0.833333, 0.937437, 3.079409, 0.010482, 0.237714, 1.428952, 0.888949),
            (SurveySmall.pairedConf, 0.583333, 0.514929, 3.924283, 0.002375, 0.256163, 0.910503, 1.132843),
            (SurveySmall.pairedKnow, 1.0, 0.426401, 8.124038, 0.00000564, 0.729077, 1.270923, 2.345208),
        ]
        for item in cases {
            let test = try PairedTTest(pre: item.pairs.pre, post: item.pairs.post)
            XCTAssertEqual(test.count, 12)
            XCTAssertEqual(test.degreesOfFreedom, 11)
            assertClose(test.meanDifference, item.mean)
            assertClose(test.standardDeviationOfDifferences, item.sd)
            assertClose(test.statistic, item.t)
            assertClose(test.pValue, item.p, tolerance: item.p < 1e-4 ? 1e-8 : 1e-6)
            assertClose(test.confidenceInterval.lowerBound, item.low)
            assertClose(test.confidenceInterval.upperBound, item.high)
            assertClose(test.cohensDz, item.dz)
        }
    }

    func testMotivationEffectSizeVariants() throws {
        let test = try PairedTTest(pre: SurveySmall.pairedMotiv.pre, post: SurveySmall.pairedMotiv.post)
        assertClose(test.hedgesGz, 0.826687)
        assertClose(test.cohensDav, 0.698126)
    }

    func testContinuousPrePostMatchesRTTest() throws {
        let fixture = try loadFixture("reference.json")["paired"] as? [String: Any] ?? [:]
        let test = try PairedTTest(pre: fixture.vector("pre"), post: fixture.vector("post"))
        assertClose(test.meanDifference, fixture.number("meanDiff"), tolerance: 1e-12)
        assertClose(test.statistic, fixture.number("t"), tolerance: 1e-10)
        XCTAssertEqual(test.degreesOfFreedom, fixture.number("df"))
        assertClose(test.pValue, fixture.number("p"), tolerance: 1e-12)
        assertClose(test.confidenceInterval.lowerBound, fixture.number("ciLow"), tolerance: 1e-10)
        assertClose(test.confidenceInterval.upperBound, fixture.number("ciHigh"), tolerance: 1e-10)
        assertClose(test.cohensDz, fixture.number("dz"), tolerance: 1e-12)
    }

    func testConstantOrMismatchedPairsAreErrors() {
        XCTAssertThrowsError(try PairedTTest(pre: [1, 2, 3], post: [2, 3, 4]))
        XCTAssertThrowsError(try PairedTTest(pre: [1, 2], post: [2]))
        XCTAssertThrowsError(try PairedTTest(pre: [1], post: [2]))
    }

    func testContinuousPrePostMatchesSciPyTtestRel() throws {
        let paired = try loadFixture("reference.json")["paired"] as? [String: Any] ?? [:]
        let scipy = try loadFixture("scipy_reference.json")["paired"] as? [String: Any] ?? [:]
        let test = try PairedTTest(pre: paired.vector("pre"), post: paired.vector("post"))
        assertClose(test.statistic, scipy.number("t"), tolerance: 1e-10)
        assertClose(test.pValue, scipy.number("p"), tolerance: 1e-12)
    }
}
