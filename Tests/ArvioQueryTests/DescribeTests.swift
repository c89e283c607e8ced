import ArvioData
@testable import ArvioQuery
import XCTest

/// `describe`: n, missing, mean, sd, min, quartiles, median, max, per group, against
/// `survey-small.expected.md` (R, PSPP, SciPy) to 1e-6.
final class DescribeTests: XCTestCase {
    private func number(_ table: Table, _ column: String, row: Int = 0) -> Double? {
        table.column(named: column)?.data.number(at: row)
    }

    private func assertSummary(_ table: Table, row: Int = 0, n: Int, missing: Int, mean: Double, sd: Double,
                               quartiles: (Double, Double, Double), file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(number(table, "n", row: row), Double(n), file: file, line: line)
        XCTAssertEqual(number(table, "missing", row: row), Double(missing), file: file, line: line)
        XCTAssertEqual(number(table, "mean", row: row) ?? .nan, mean, accuracy: 1e-6, file: file, line: line)
        XCTAssertEqual(number(table, "sd", row: row) ?? .nan, sd, accuracy: 1e-6, file: file, line: line)
        XCTAssertEqual(number(table, "q1", row: row) ?? .nan, quartiles.0, accuracy: 1e-9, file: file, line: line)
        XCTAssertEqual(number(table, "median", row: row) ?? .nan, quartiles.1, accuracy: 1e-9, file: file, line: line)
        XCTAssertEqual(number(table, "q3", row: row) ?? .nan, quartiles.2, accuracy: 1e-9, file: file, line: line)
    }

    func testPreMotivationMatchesTheReference() throws {
        let result = try SurveySmall.run("survey | describe pre_motiv")
        assertSummary(result, n: 16, missing: 0, mean: 2.875, sd: 1.258306, quartiles: (2, 3, 4))
        XCTAssertEqual(number(result, "min"), 1)
        XCTAssertEqual(number(result, "max"), 5)
        XCTAssertTrue(result.notes.contains { $0.en.contains("type 7") })
    }

    func testPostMotivationCountsItsMissingAndUsesTypeSevenQuartiles() throws {
        let result = try SurveySmall.run("survey | describe post_motiv")
        assertSummary(result, n: 12, missing: 4, mean: 3.5, sd: 1.314257, quartiles: (2.75, 4, 4.25))
    }

    func testQuartilesSixGivesSPSSHaverage() throws {
        let post = try SurveySmall.run("survey | describe post_motiv quartiles 6")
        assertSummary(post, n: 12, missing: 4, mean: 3.5, sd: 1.314257, quartiles: (2.25, 4, 4.75))
        XCTAssertTrue(post.notes.contains { $0.en.contains("type 6") })
        let change = try SurveySmall.run("survey | derive d_motiv = post_motiv - pre_motiv | describe d_motiv quartiles 6")
        assertSummary(change, n: 12, missing: 4, mean: 0.833333, sd: 0.937437, quartiles: (0, 1, 1.75))
    }

    func testChangeInMotivationMatchesPSPPFrequencies() throws {
        let result = try SurveySmall.run("survey | derive d_motiv = post_motiv - pre_motiv | describe d_motiv")
        assertSummary(result, n: 12, missing: 4, mean: 0.833333, sd: 0.937437, quartiles: (0, 1, 1.25))
    }

    func testByGroupGivesCompletersAndDropOuts() throws {
        let result = try SurveySmall.run("survey | derive responded = post_motiv is not missing | describe pre_motiv by responded")
        XCTAssertEqual(values(result, "responded"), ["false", "true"])
        XCTAssertEqual(number(result, "mean", row: 0)!, 3.5, accuracy: 1e-9)
        XCTAssertEqual(number(result, "mean", row: 1)!, 2.666667, accuracy: 1e-6)
        XCTAssertEqual(number(result, "sd", row: 1)!, 1.073087, accuracy: 1e-6)
    }

    func testSeveralColumnsGetAVariableColumn() throws {
        let result = try SurveySmall.run("survey | describe pre_motiv, post_motiv")
        XCTAssertEqual(values(result, "variable"), ["pre_motiv", "post_motiv"])
        XCTAssertEqual(values(result, "n"), ["16", "12"])
    }

    func testOrdinalColumnsAddTheMedianCategoryAndTopTwoShare() {
        // Pre scores of overall, OH1, OH2: P01 3 4 2, P02 2 – 3, P03 1 2 1, P08 4 4 5.
        let result = table(#"responses | where phase == "pre" | describe score"#)
        XCTAssertEqual(values(result, "n"), ["11"])
        XCTAssertEqual(values(result, "missing"), ["1"])
        XCTAssertEqual(values(result, "median_category"), ["to some extent"])
        XCTAssertEqual(number(result, "top2_pct")!, 100 * 4 / 11.0, accuracy: 1e-12)
    }

    func testAGroupWithNoValuesGivesMissingNotZero() {
        let result = table(#"participants | describe grade by post_status"#)
        let moved = values(result, "post_status").firstIndex(of: "moved")!
        XCTAssertEqual(values(result, "n")[moved], "0")
        XCTAssertNil(number(result, "mean", row: moved))
    }

    func testDescribingACategoryIsAnErrorThatPointsToFreq() {
        XCTAssertTrue(diagnostic("participants | describe org").contains("describe needs numbers or an ordinal scale, but \"org\" is categorical; try freq org"))
        XCTAssertTrue(diagnostic("participants | describe grade quartiles 5").contains("expected 6 or 7 after \"quartiles\""))
    }
}
