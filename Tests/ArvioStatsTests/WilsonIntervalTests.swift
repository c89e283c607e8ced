import XCTest
import ArvioStats

/// Wilson score intervals against R's prop.test(correct = FALSE) (Fixtures/paired_categorical.R).
final class WilsonIntervalTests: XCTestCase {
    func testIntervalsMatchPropTest() throws {
        let rows = try loadFixture("paired_categorical.json").rows("wilson")
        XCTAssertEqual(rows.count, 16)
        for row in rows {
            let interval = try WilsonInterval(successes: row.integer("x"), trials: row.integer("n"), level: row.number("level"))
            let label = "\(row.integer("x"))/\(row.integer("n")) at \(row.number("level"))"
            assertClose(interval.lower, row.number("lower"), tolerance: 1e-9, label)
            assertClose(interval.upper, row.number("upper"), tolerance: 1e-9, label)
        }
    }

    func testNoneAndAllStayInsideZeroAndOne() throws {
        let none = try WilsonInterval(successes: 0, trials: 16)
        XCTAssertEqual(none.lower, 0)
        XCTAssertGreaterThan(none.upper, 0)
        let all = try WilsonInterval(successes: 16, trials: 16)
        XCTAssertEqual(all.upper, 1)
        XCTAssertLessThan(all.lower, 1)
    }

    func testImpossibleCountsAreErrors() {
        XCTAssertThrowsError(try WilsonInterval(successes: 1, trials: 0))
        XCTAssertThrowsError(try WilsonInterval(successes: 5, trials: 4)) { XCTAssertEqual($0 as? StatsError, .countOutOfRange(5, 4)) }
        XCTAssertThrowsError(try WilsonInterval(successes: 1, trials: 4, level: 1))
    }
}
