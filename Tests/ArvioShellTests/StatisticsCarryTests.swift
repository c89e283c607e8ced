import ArvioData
import ArvioQuery
import XCTest

/// Statistics describe the table they sit under (issue 14): a verb after an analysis verb that
/// removes or rewrites the rows they were computed on drops them with a note, or keeps the
/// blocks of the groups still there.
final class StatisticsCarryTests: XCTestCase {
    private func run(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> Table {
        var session = Session(workspace: TestSupport.builtIn)
        return try XCTUnwrap(try session.run(source).last?.table, file: file, line: line)
    }

    private func notes(_ table: Table) -> String { table.notes.map(\.en).joined(separator: "\n") }

    func testWhereAfterDeltaPerParticipantDropsTheTestsOfAllPairs() throws {
        let table = try run("responses | where item == \"overall\" | delta score by phase per participant | where change < 0")
        XCTAssertEqual(table.rowCount, 1)
        XCTAssertTrue(table.statistics.isEmpty, "the 12 pairs' tests do not describe one row")
        XCTAssertTrue(notes(table).contains("Statistics left out after where (1 block): it removed rows they describe."), notes(table))
    }

    func testWhereOnAGroupKeepsThatGroupsTests() throws {
        let all = try run("responses | delta score by phase per area")
        let one = try run("responses | delta score by phase per area | where area == \"Arviointikyky\"")
        XCTAssertEqual(one.rowCount, 1)
        XCTAssertEqual(one.statistics.count, 1)
        let kept = try XCTUnwrap(one.statistics.first)
        let original = try XCTUnwrap(all.statistics.first { $0.title.en == kept.title.en })
        XCTAssertTrue(kept.title.en.hasPrefix("area = Assessment ability"), kept.title.en)
        XCTAssertEqual(kept.entries.map(\.p), original.entries.map(\.p), "the same tests, not recomputed on other rows")
        XCTAssertEqual(kept.rows, [0], "the block follows its row")
        XCTAssertTrue(notes(one).contains("The tests of 4 groups were left out after where, which removed their rows; the 1 still in the table keep theirs (p adj still corrects over all 5)."), notes(one))
    }

    func testSortAndSelectKeepEveryBlock() throws {
        let sorted = try run("responses | delta score by phase per area | sort change desc")
        XCTAssertEqual(sorted.statistics.count, 5)
        let selected = try run("participants | crosstab entry_route by post_status | select entry_route, total")
        XCTAssertEqual(selected.statistics.count, 2)
        XCTAssertFalse(notes(selected).contains("Statistics left out"))
    }

    func testTakeAfterACrossTabDropsItsTests() throws {
        let table = try run("participants | crosstab entry_route by post_status | take 1")
        XCTAssertTrue(table.statistics.isEmpty)
        XCTAssertTrue(notes(table).contains("Statistics left out after take (2 blocks)"), notes(table))
    }

    func testDeriveOfAnAnalysedColumnDropsTheTestsButANewColumnDoesNot() throws {
        let replaced = try run("responses | where item == \"overall\" | delta score by phase | derive change = 0")
        XCTAssertTrue(replaced.statistics.isEmpty)
        XCTAssertTrue(notes(replaced).contains("Statistics left out after derive: it replaced change, which they were computed from."), notes(replaced))
        let added = try run("responses | where item == \"overall\" | delta score by phase | derive double = 2 * change")
        XCTAssertEqual(added.statistics.count, 1)
    }

    func testCountAfterAnAnalysisDropsItsTests() throws {
        let table = try run("responses | where item == \"overall\" | delta score by phase per participant | count")
        XCTAssertTrue(table.statistics.isEmpty)
        XCTAssertTrue(notes(table).contains("Statistics left out after count (1 block): its rows are not the rows they were computed on."), notes(table))
    }

    func testCrosstabOfPhaseByScorePointsToThePairedForm() throws {
        let table = try run("responses | where item == \"overall\" | crosstab phase by score")
        XCTAssertTrue(notes(table).contains("or crosstab score by phase paired for the paired table with McNemar, Bowker and Stuart–Maxwell"), notes(table))
        let paired = try run("responses | where item == \"overall\" | crosstab score by phase paired")
        XCTAssertEqual(paired.statistics.first?.title.en, "score: pre → post, 12 pairs")
    }
}
