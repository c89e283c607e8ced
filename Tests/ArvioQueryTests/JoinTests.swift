import ArvioQuery
import XCTest

final class JoinTests: XCTestCase {
    func testJoinUsesTheDeclaredRelationInEitherDirection() {
        XCTAssertEqual(rows(table("motivation | join participants | count")), [["16"]])
        XCTAssertEqual(rows(table("participants | join responses | count")), [["21"]])
    }

    func testLeftJoinKeepsUnmatchedRowsWithMissingValues() {
        XCTAssertEqual(rows(table("participants | join left responses | count")), [["33"]])
        XCTAssertEqual(rows(table("participants | join left responses | where score is missing | count")), [["14"]])
    }

    func testJoinOnExplicitColumns() {
        XCTAssertEqual(rows(table(#"responses | join motivation on participant = participant | where motivation_start >= "hyvin" | count"#)), [["6"]])
        XCTAssertEqual(rows(table("responses | join motivation on participant | count")), [["21"]])
    }

    func testJoinedColumnsFollowAndTheRightKeyIsDropped() {
        let result = table("motivation | join participants | take 1")
        XCTAssertEqual(Array(result.columnNames.prefix(3)), ["participant", "motivation_start", "org"])
        XCTAssertFalse(result.columnNames.contains("id"))
    }

    func testCollidingNamesGetTheTableAsSuffix() throws {
        var session = Session(workspace: Fixtures.workspace)
        let results = try session.run("""
            let m = motivation | derive org = "x"
            participants | join m on id = participant | take 1 | select org, org_m
            """)
        XCTAssertEqual(rows(try XCTUnwrap(results.last?.table)), [["Katulähetys", "x"]])
    }

    func testJoinAfterWhereKeepsTheSelection() {
        XCTAssertEqual(values(table(#"participants | where org == "Tekevä" | join motivation | select id, motivation_start"#), "motivation_start"),
                       ["2", "3", "4", "NA", "3"])
    }
}
