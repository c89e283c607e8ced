import ArvioData
import ArvioQuery
import XCTest

/// The analysis verbs analyse one row per participant when the columns they read do not vary
/// within a participant, and flag repeated measures when they do (issue 14). Reference values:
/// Tests/Fixtures/units/reference.R (R's fisher.test on one row per participant).
final class AnalysisUnitTests: XCTestCase {
    private func run(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> Table {
        var session = Session(workspace: TestSupport.builtIn)
        let results = try session.run(source)
        return try XCTUnwrap(results.last?.table, file: file, line: line)
    }

    private func notes(_ table: Table) -> String {
        table.notes.map(\.en).joined(separator: "\n")
    }

    private func fisherP(_ table: Table) -> Double? {
        table.statistics.flatMap(\.entries).first { $0.name.en.hasPrefix("Fisher") }?.p
    }

    /// The bottom-right cell of a cross-tab: how many rows were counted.
    private func total(_ table: Table) -> Int64? {
        guard case .integer(let v)? = table.column(named: "total")?.data else { return nil }
        return v.last
    }

    func testTheResultCarriesItsUnit() throws {
        // 16 participants and 336 response rows: Tests/Fixtures/units/reference.R.
        let joined = try run("responses | join participants | crosstab entry_route by post_status")
        XCTAssertEqual(joined.unit, AnalysisUnitSummary(name: "participant", count: 16, tableRows: 336))
        let rows = try run("responses | join participants | crosstab entry_route by post_status rows")
        XCTAssertEqual(rows.unit, AnalysisUnitSummary(name: "row", count: 336, tableRows: 336, repeats: "participant"))
        let alone = try run("participants | freq post_status")
        XCTAssertEqual(alone.unit, AnalysisUnitSummary(name: "id", count: 16, tableRows: 16))
        let described = try run("responses | join participants | describe experience_years")
        XCTAssertEqual(described.unit?.name, "participant")
        XCTAssertEqual(described.unit?.count, 16)
        XCTAssertNil(try run("participants | select id, org").unit, "only analysis results have a unit")
    }

    func testAJoinedResponseTableIsCrossTabulatedOnePerParticipant() throws {
        let joined = try run("responses | join participants | crosstab entry_route by post_status")
        let alone = try run("participants | crosstab entry_route by post_status")
        XCTAssertEqual(try XCTUnwrap(fisherP(joined)), 0.7733516484, accuracy: 1e-6)
        XCTAssertEqual(fisherP(joined), fisherP(alone))
        XCTAssertEqual(total(joined), 16)
        let text = notes(joined)
        XCTAssertTrue(text.contains("one row per participant, 16 participants"), text)
        XCTAssertTrue(text.contains("the table has 336 rows, 12–24 per participant"), text)
        XCTAssertFalse(notes(alone).contains("Unit:"), "a table of one row per participant needs no note")
    }

    func testRowsKeepsEveryRowAndSaysSo() throws {
        let table = try run("responses | join participants | crosstab entry_route by post_status rows")
        XCTAssertEqual(total(table), 336)
        XCTAssertLessThan(try XCTUnwrap(fisherP(table)), 0.001, "the pseudo-replicated test the option asks for")
        XCTAssertTrue(notes(table).contains("every one of the 336 rows, as asked (rows); they hold only 16 participants"), notes(table))
    }

    func testRepeatedMeasuresAreFlaggedAndPointToDelta() throws {
        let table = try run("responses | where item == \"overall\" | crosstab phase by score")
        let text = notes(table)
        XCTAssertTrue(text.contains("Repeated measures: phase, score vary within participant"), text)
        XCTAssertTrue(text.contains("For change within the same people use delta score by phase, or crosstab score by phase paired for the paired table"), text)
        XCTAssertEqual(total(table), 28, "16 start and 12 end answers are still all counted")
    }

    func testFreqAndDescribeCountParticipantsNotResponses() throws {
        let freq = try run("responses | join participants | freq org")
        guard case .integer(let n)? = freq.column(named: "n")?.data else { return XCTFail("no n") }
        XCTAssertEqual(n.last, 16)
        let described = try run("responses | join participants | describe experience_years")
        guard case .integer(let m)? = described.column(named: "n")?.data else { return XCTFail("no n") }
        XCTAssertEqual(m.first, 16)
        let perRow = try run("responses | join participants | describe experience_years rows")
        guard case .integer(let r)? = perRow.column(named: "n")?.data else { return XCTFail("no n") }
        XCTAssertEqual(r.first, 336)
    }

    func testDescribeOfAnAnswerThatVariesKeepsEveryRow() throws {
        let table = try run("responses | where phase == \"pre\" | describe score")
        guard case .integer(let n)? = table.column(named: "n")?.data else { return XCTFail("no n") }
        XCTAssertEqual(n.first, 192, "16 participants × 12 items: score varies within participant")
    }

    func testAssociateMeasuresPersonLevelColumnsOnParticipants() throws {
        // select keeps the test fast: permutation p-values of every column take seconds in debug.
        let table = try run("""
            responses | join participants | join motivation on participant |
            select participant, item, phase, score, entry_route, motivation_start | associate motivation_start
            """)
        XCTAssertEqual(values(table, "column"), ["entry_route"])
        guard case .integer(let n)? = table.column(named: "n")?.data,
              case .decimal(let r)? = table.column(named: "value")?.data else { return XCTFail("no n") }
        XCTAssertEqual(n, [16], "one row per participant, not 336 response rows")
        XCTAssertEqual(r[0], 0.855, accuracy: 0.0005, "rank-biserial r of the participants table")
        let text = notes(table)
        XCTAssertTrue(text.contains("score (varies within participant)"), text)
        XCTAssertTrue(text.contains("Unit: one row per participant, 16 participants (the table has 336 rows)"), text)
    }

    private func values(_ table: Table, _ name: String) -> [String] {
        guard case .text(let v)? = table.column(named: name)?.data else { return [] }
        return v.map { $0 ?? "NA" }
    }
}
