import ArvioQuery
import ArvioData
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

    func testARenamedColumnDoesNotTakeTheNameOfAnotherRightColumn() throws {
        var session = Session(workspace: Fixtures.workspace)
        let results = try session.run("""
            let m = motivation | derive org_m = "y", org = "x"
            participants | join m on id = participant | take 1
            """)
        let joined = try XCTUnwrap(results.last?.table)
        XCTAssertEqual(Set(joined.columnNames).count, joined.columnNames.count, "\(joined.columnNames)")
        XCTAssertEqual(values(joined, "org_m"), ["y"])
        XCTAssertEqual(values(joined, "org_m_m"), ["x"])
    }

    func testJoinAfterWhereKeepsTheSelection() {
        XCTAssertEqual(values(table(#"participants | where org == "Tekevä" | join motivation | select id, motivation_start"#), "motivation_start"),
                       ["2", "3", "4", "NA", "3"])
    }

    // Pruning: a join followed by a narrowing verb gathers only the columns named after it.
    // `let j = <pipeline ending in the join>` is never pruned, so `j | rest` is the reference.

    /// The last table of `statements` run in one session.
    private func last(_ statements: String, file: StaticString = #filePath, line: UInt = #line) throws -> Table {
        var session = Session(workspace: Fixtures.workspace)
        return try XCTUnwrap(try session.run(statements).last?.table, file: file, line: line)
    }

    /// Asserts that `left | join | rest` gives what the unpruned join followed by `rest` gives.
    private func assertPrunedMatches(_ join: String, _ rest: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let pruned = try last("\(join) | \(rest)", file: file, line: line)
        let unpruned = try last("let j = \(join)\nj | \(rest)", file: file, line: line)
        XCTAssertEqual(pruned.columnNames, unpruned.columnNames, file: file, line: line)
        XCTAssertEqual(rows(pruned), rows(unpruned), file: file, line: line)
        XCTAssertGreaterThan(pruned.rowCount, 0, file: file, line: line)
    }

    func testPrunedJoinGivesTheSameGroupCountAndSelect() throws {
        try assertPrunedMatches("responses | join participants", "group org, item aggregate mean(score), n = count()")
        try assertPrunedMatches("responses | join participants", "count by org")
        try assertPrunedMatches("responses | join participants", "count")
        try assertPrunedMatches("responses | join participants on participant = id", "select participant, org, score")
        try assertPrunedMatches("motivation | join participants", "freq org")
        try assertPrunedMatches("motivation | join participants", "describe motivation_start by org")
    }

    func testPrunedJoinWithStepsBetween() throws {
        try assertPrunedMatches("responses | join participants", #"where org == "Tekevä" | derive s = score | sort s desc | take 5 | select participant, s"#)
        try assertPrunedMatches("motivation | join participants", "join responses on participant | count by org, item")
    }

    func testPrunedJoinKeepsAClashingColumnUnderEitherName() throws {
        let m = #"let m = motivation | derive org = "x""#
        for rest in ["count by org", "count by org_m", "select org_m, id", "group org aggregate n = count()"] {
            let pruned = try last("\(m)\nparticipants | join m on id = participant | \(rest)")
            let unpruned = try last("\(m)\nlet j = participants | join m on id = participant\nj | \(rest)")
            XCTAssertEqual(pruned.columnNames, unpruned.columnNames, rest)
            XCTAssertEqual(rows(pruned), rows(unpruned), rest)
        }
    }

    func testAJoinThatEndsThePipelineOrMeetsAssociateKeepsEveryColumn() throws {
        let joined = table("motivation | join participants")
        let names = Set(table("motivation").columnNames).union(table("participants").columnNames).subtracting(["id"])
        XCTAssertEqual(Set(joined.columnNames), names)
        XCTAssertEqual(Set(table("motivation | join participants | where org is not missing | take 2").columnNames), names)
        try assertPrunedMatches("motivation | join participants", "associate motivation_start")
    }

    func testAFailingPrunedPipelineReportsAsTheUnprunedOne() {
        var session = Session(workspace: Fixtures.workspace)
        do {
            _ = try session.run("responses | join participants | count by entry_rout")
            XCTFail("expected an error")
        } catch {
            // Only the unpruned join has entry_route to suggest.
            XCTAssertEqual(error.suggestion, "\"entry_route\"")
        }
    }
}
