import XCTest

final class TakeTests: XCTestCase {
    func testTakeKeepsTheFirstRows() {
        XCTAssertEqual(values(table("participants | take 2"), "id"), ["P01", "P02"])
    }

    func testTakeZeroAndTakeMoreThanThereAre() {
        XCTAssertEqual(table("participants | take 0").rowCount, 0)
        XCTAssertEqual(table("participants | take 100").rowCount, 16)
    }

    func testTakeAfterWhereCountsSelectedRows() {
        XCTAssertEqual(values(table(#"participants | where org == "Setlementti" | take 2"#), "id"), ["P13", "P14"])
    }
}
