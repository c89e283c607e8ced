import ArvioData
@testable import ArvioQuery
import XCTest

/// The statements of the issue, run on the fixtures, with hand-checked results.
final class IssueExamplesTests: XCTestCase {
    func testCountByOrgGivesOneRowPerOrganisationInCodebookOrder() {
        let result = table("participants | count by org")
        XCTAssertEqual(rows(result), [["Katulähetys", "4"], ["Työttömät", "3"], ["Tekevä", "5"], ["Setlementti", "4"]])
    }

    func testWhereWithAndThenSelectKeepsMatchingRowsAndColumns() {
        let result = table(#"participants | where entry_route == "employer" and experience_years < 2 | select id, org, title"#)
        XCTAssertEqual(result.columnNames, ["id", "org", "title"])
        XCTAssertEqual(values(result, "id"), ["P02", "P03", "P06", "P08", "P14", "P16"])
    }

    func testOrdinalComparisonByFinnishLabelCountsByItem() {
        let result = table(#"responses | where phase == "pre" and score >= "hyvin" | count by item"#)
        XCTAssertEqual(rows(result), [["overall", "1"], ["OH1", "2"], ["OH2", "1"]])
    }

    func testJoinThenGroupAggregatesPerAreaAndPhase() {
        let result = table(#"responses | join participants | where org == "Tekevä" | group area, phase aggregate mean(score), n = count()"#)
        XCTAssertEqual(result.columnNames, ["area", "phase", "mean(score)", "n"])
        XCTAssertEqual(rows(result), [
            ["overall", "pre", "4", "1"], ["overall", "post", "4", "1"],
            ["Asiakkaan ohjaus", "pre", "4.5", "2"], ["Asiakkaan ohjaus", "post", "4.5", "2"],
        ])
    }

    func testLetKeepsATableThatJoinsThroughTheInheritedRelation() throws {
        var session = Session(workspace: Fixtures.workspace)
        let results = try session.run("""
            let completers = participants | where post_status == "responded"
            completers | join motivation | sort motivation_start desc | take 5
            """)
        guard case .confirmation(let message) = results.first else { return XCTFail("no confirmation") }
        XCTAssertEqual(message.en, "completers: 12 rows")
        let shown = try XCTUnwrap(results.last?.table)
        XCTAssertEqual(values(shown, "id"), ["P01", "P07", "P15", "P04", "P10"])
        XCTAssertEqual(values(shown, "motivation_start"), ["5", "5", "5", "4", "4"])
    }

    func testInListAndIsMissingCountMissingScores() {
        let result = table(#"responses | where item in ["OH1", "OH2"] and score is missing | count"#)
        XCTAssertEqual(rows(result), [["2"]])
    }
}
