import ArvioData
import ArvioQuery
import XCTest

/// `freq X ci`: Wilson 95% intervals of the valid percentages, against R's
/// prop.test(correct = FALSE) (Tests/Fixtures/paired/reference.R).
final class FreqIntervalTests: XCTestCase {
    private func run(_ source: String) throws -> Table {
        var session = Session(workspace: TestSupport.builtIn)
        return try XCTUnwrap(try session.run(source).last?.table)
    }

    private func decimals(_ table: Table, _ name: String) -> [Double] {
        guard case .decimal(let v)? = table.column(named: name)?.data else { return [] }
        return v
    }

    func testPostStatusIntervalsMatchPropTest() throws {
        let table = try run("participants | freq post_status ci")
        let low = decimals(table, "ci_low"), high = decimals(table, "ci_high")
        for (row, status) in ["responded", "moved", "dropped_out", "no_time"].enumerated() {
            XCTAssertEqual(low[row], try PairedReference.value("wilson_" + status, "low"), accuracy: 1e-9, status)
            XCTAssertEqual(high[row], try PairedReference.value("wilson_" + status, "high"), accuracy: 1e-9, status)
        }
        XCTAssertTrue(low[4].isNaN && low[5].isNaN, "no interval for the missing and total rows")
        XCTAssertEqual(table.columns.map(\.name), ["post_status", "n", "percent", "valid_percent", "ci_low", "ci_high", "cumulative_percent"])
        XCTAssertTrue(table.notes.map(\.en).contains { $0.hasPrefix("ci_low, ci_high: Wilson 95% score interval of valid_percent (n = 16 with a value)") })
    }

    func testIntervalsAreOfParticipantsOnAJoinedTable() throws {
        let joined = try run("responses | join participants | freq post_status ci")
        let alone = try run("participants | freq post_status ci")
        XCTAssertEqual(decimals(joined, "ci_low").prefix(4), decimals(alone, "ci_low").prefix(4), "16 people, not 336 rows")
    }

    func testWithoutCiTheTableIsAsBefore() throws {
        let table = try run("participants | freq post_status rows")
        XCTAssertNil(table.column(named: "ci_low"))
        var session = Session(workspace: TestSupport.builtIn)
        XCTAssertThrowsError(try session.run("participants | freq post_status wilson")) { error in
            XCTAssertTrue("\(error)".contains("\"ci\", \"rows\", \"weight\" and a count column, or the end of the step"), "\(error)")
        }
    }
}
