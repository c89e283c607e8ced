import XCTest

/// An ordinal column compares by scale order and accepts its labels in either language or the
/// scale numbers: `score >= "hyvin"` == `score >= "well"` == `score >= 4`.
final class OrdinalComparisonTests: XCTestCase {
    func testFinnishEnglishNumberAndValueSpellingsAgree() {
        for spelling in [#""hyvin""#, #""well""#, "4", #""4""#, #""Hyvin""#] {
            XCTAssertEqual(rows(table("responses | where score >= \(spelling) | count")), [["9"]], spelling)
        }
    }

    func testEqualityToAMultiWordLabel() {
        XCTAssertEqual(rows(table(#"responses | where score == "jonkin verran" | count"#)), [["5"]])
    }

    func testConstantOnTheLeftFlipsTheComparison() {
        XCTAssertEqual(rows(table(#"responses | where "hyvin" <= score | count"#)), [["9"]])
    }

    func testBetweenLabelsIncludesBothEnds() {
        XCTAssertEqual(rows(table(#"responses | where score between "kohtalaisesti" and "to some extent" | count"#)), [["8"]])
    }

    func testInAcceptsLabels() {
        XCTAssertEqual(rows(table(#"motivation | where motivation_start in ["hyvin", "excellently"] | count"#)), [["6"]])
    }

    func testTwoOrdinalColumnsCompareOnTheScale() {
        XCTAssertEqual(rows(table("responses | join motivation on participant | where score > motivation_start | count")), [["10"]])
    }
}
