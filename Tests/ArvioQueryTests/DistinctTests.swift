import XCTest

final class DistinctTests: XCTestCase {
    func testDistinctOfAColumnInFirstSeenOrder() {
        XCTAssertEqual(rows(table("participants | distinct title")), [["työvalmentaja"], ["yksilövalmentaja"], ["palveluohjaaja"]])
    }

    func testDistinctCombinations() {
        XCTAssertEqual(rows(table("participants | distinct entry_route, post_status")), [
            ["own", "responded"], ["employer", "responded"], ["employer", "dropped_out"],
            ["employer", "no_time"], ["employer", "moved"],
        ])
    }

    func testBareDistinctDropsRepeatedRows() {
        XCTAssertEqual(table("responses | select participant, phase | distinct").rowCount, 7)
    }
}
