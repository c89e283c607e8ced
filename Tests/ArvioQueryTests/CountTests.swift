import XCTest

final class CountTests: XCTestCase {
    func testBareCountGivesOneRow() {
        XCTAssertEqual(table("participants | count").columnNames, ["n"])
        XCTAssertEqual(rows(table("participants | count")), [["16"]])
    }

    func testCountOfNothingIsZero() {
        XCTAssertEqual(rows(table("participants | where grade > 100 | count")), [["0"]])
    }

    func testCountByTwoColumnsInCodebookOrder() {
        XCTAssertEqual(rows(table("participants | count by org, entry_route")).map { $0.joined(separator: " ") }, [
            "Katulähetys employer 2", "Katulähetys own 2", "Työttömät employer 2", "Työttömät own 1",
            "Tekevä employer 4", "Tekevä own 1", "Setlementti employer 2", "Setlementti own 2",
        ])
    }

    func testCountByANumberSortsNumericallyWithMissingLast() {
        XCTAssertEqual(rows(table("participants | count by grade")), [["7", "2"], ["8", "5"], ["9", "4"], ["NA", "5"]])
    }

    func testCountByAColumnNamedNCallsTheCountCount() {
        XCTAssertEqual(table("participants | derive n = 1 | count by n").columnNames, ["n", "count"])
    }
}
