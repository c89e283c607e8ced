import XCTest

final class SelectTests: XCTestCase {
    func testSelectKeepsColumnsInTheGivenOrder() {
        XCTAssertEqual(table("participants | select grade, id").columnNames, ["grade", "id"])
    }

    func testSelectRenamesWithEquals() {
        let result = table("participants | select who = id, org | take 1")
        XCTAssertEqual(result.columnNames, ["who", "org"])
        XCTAssertEqual(rows(result), [["P01", "Katulähetys"]])
    }

    func testSelectAfterWhereKeepsTheSelection() {
        XCTAssertEqual(rows(table(#"participants | where post_status == "moved" | select id"#)), [["P11"]])
    }
}
