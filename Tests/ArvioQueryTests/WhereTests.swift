import XCTest

final class WhereTests: XCTestCase {
    func testWhereKeepsRowsWhereTheConditionIsTrue() {
        XCTAssertEqual(values(table("participants | where experience_years >= 12 | select id"), "id"), ["P01", "P07", "P11"])
    }

    func testWhereAfterWhereNarrowsTheSelection() {
        let result = table(#"participants | where org == "Tekevä" | where entry_route == "own""#)
        XCTAssertEqual(values(result, "id"), ["P10"])
    }

    func testWhereMatchesCategoriesByLabelToo() {
        XCTAssertEqual(rows(table(#"participants | where org == "Työvalmennussäätiö Tekevä" | count"#)), [["5"]])
    }

    func testWhereWithAConstantConditionKeepsAllOrNothing() {
        XCTAssertEqual(rows(table("participants | where 1 < 2 | count")), [["16"]])
        XCTAssertEqual(rows(table("participants | where false | count")), [["0"]])
    }

    func testWhereComparesTwoColumns() {
        XCTAssertEqual(values(table("participants | where experience_years > sessions_attended | select id"), "id"),
                       ["P01", "P07", "P11", "P15"])
    }

    func testWhereAgainstAnAggregateOfTheWholeTable() {
        XCTAssertEqual(values(table("participants | where grade > mean(grade) | select id"), "id"), ["P01", "P07", "P10", "P15"])
    }
}
