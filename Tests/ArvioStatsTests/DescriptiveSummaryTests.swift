import XCTest
import ArvioStats

final class DescriptiveSummaryTests: XCTestCase {
    private let deltaMotiv = zip(SurveySmall.pairedMotiv.post, SurveySmall.pairedMotiv.pre).map { $0 - $1 }

    func testPreMotivationMatchesPSPPAndR() throws {
        let summary = try DescriptiveSummary(SurveySmall.preMotiv)
        XCTAssertEqual(summary.count, 16)
        assertClose(summary.mean, 2.875)
        assertClose(summary.standardDeviation, 1.258306)
        assertClose(summary.skewness, 0.265305)
        assertClose(summary.kurtosis, -0.798076)
        XCTAssertEqual(summary.minimum, 1)
        XCTAssertEqual(summary.maximum, 5)
        XCTAssertEqual(summary.median, 3)
        for method in [Quantile.Method.type6, .type7] {
            XCTAssertEqual(try Quantile.of(SurveySmall.preMotiv, 0.25, method: method), 2)
            XCTAssertEqual(try Quantile.of(SurveySmall.preMotiv, 0.75, method: method), 4)
        }
    }

    func testPostMotivationQuartilesDifferByDefinition() throws {
        let summary = try DescriptiveSummary(SurveySmall.postMotiv)
        XCTAssertEqual(summary.count, 12)
        assertClose(summary.mean, 3.5)
        assertClose(summary.standardDeviation, 1.314257)
        assertClose(summary.skewness, -0.576671)
        assertClose(summary.kurtosis, -0.613481)
        assertClose(try Quantile.of(SurveySmall.postMotiv, 0.25, method: .type6), 2.25)
        assertClose(try Quantile.of(SurveySmall.postMotiv, 0.5, method: .type6), 4)
        assertClose(try Quantile.of(SurveySmall.postMotiv, 0.75, method: .type6), 4.75)
        assertClose(try Quantile.of(SurveySmall.postMotiv, 0.25), 2.75)
        assertClose(try Quantile.of(SurveySmall.postMotiv, 0.5), 4)
        assertClose(try Quantile.of(SurveySmall.postMotiv, 0.75), 4.25)
    }

    func testChangeInMotivationMatchesPSPPExamineAndFrequencies() throws {
        let summary = try DescriptiveSummary(deltaMotiv)
        assertClose(summary.mean, 0.833333)
        assertClose(summary.standardDeviation, 0.937437)
        assertClose(summary.skewness, -0.411982)
        assertClose(summary.kurtosis, -0.298216)
        assertClose(try Quantile.of(deltaMotiv, 0.25, method: .type6), 0)
        assertClose(try Quantile.of(deltaMotiv, 0.5, method: .type6), 1)
        assertClose(try Quantile.of(deltaMotiv, 0.75, method: .type6), 1.75)
        assertClose(try Quantile.of(deltaMotiv, 0.25), 0)
        assertClose(try Quantile.of(deltaMotiv, 0.75), 1.25)
        assertClose(try DescriptiveSummary.trimmedMean(deltaMotiv, proportion: 0.05), 0.870370)
    }

    func testCompletersAndDropOutsDifferOnPreMotivation() throws {
        let completers = try DescriptiveSummary(SurveySmall.pairedMotiv.pre)
        assertClose(completers.mean, 2.666667)
        assertClose(completers.standardDeviation, 1.073087)
        assertClose(try DescriptiveSummary([5, 2, 5, 2]).mean, 3.5)
    }

    func testQuantilesOfContinuousDataMatchRTypesSixAndSeven() throws {
        let fixture = try loadFixture("reference.json")["descriptive"] as? [String: Any] ?? [:]
        let values = fixture.vector("values")
        let summary = try DescriptiveSummary(values)
        assertClose(summary.mean, fixture.number("mean"), tolerance: 1e-12)
        assertClose(summary.standardDeviation, fixture.number("sd"), tolerance: 1e-12)
        for (index, p) in [0.1, 0.25, 0.5, 0.75, 0.9].enumerated() {
            assertClose(try Quantile.of(values, p), fixture.vector("q7")[index], tolerance: 1e-12)
            assertClose(try Quantile.of(values, p, method: .type6), fixture.vector("q6")[index], tolerance: 1e-12)
        }
    }

    func testDegenerateSamplesGiveNilOrErrorsNotCrashes() throws {
        XCTAssertThrowsError(try DescriptiveSummary([]))
        XCTAssertThrowsError(try DescriptiveSummary([1, .nan]))
        XCTAssertThrowsError(try Quantile.of([1, 2], 1.5))
        let single = try DescriptiveSummary([4])
        XCTAssertNil(single.standardDeviation)
        XCTAssertNil(single.skewness)
        XCTAssertNil(try DescriptiveSummary([3, 3, 3, 3]).kurtosis)
    }
}
