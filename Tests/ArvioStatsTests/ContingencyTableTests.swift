import XCTest
import ArvioStats

final class ContingencyTableTests: XCTestCase {
    func testRejectsRaggedNegativeAndOneDimensionalTables() {
        XCTAssertThrowsError(try ContingencyTable([[1, 2], [3]]))
        XCTAssertThrowsError(try ContingencyTable([[1, -2], [3, 4]]))
        XCTAssertThrowsError(try ContingencyTable([[1, 2], [0, 0]]))
        XCTAssertThrowsError(try ContingencyTable([]))
    }

    func testExpectedCountsAreRowTimesColumnOverTotal() throws {
        let table = try ContingencyTable(SurveySmall.orgByEntryRoute)
        for row in table.expectedCounts {
            assertClose(row[0], 2.25, tolerance: 1e-12)
            assertClose(row[1], 1.75, tolerance: 1e-12)
        }
    }

    func testDroppingEmptyMarginsKeepsTheRest() throws {
        let table = try ContingencyTable([[1, 0, 2], [0, 0, 0], [3, 0, 4]])
        XCTAssertEqual(table.droppingEmptyMargins().counts, [[1, 2], [3, 4]])
    }
}
