@testable import ArvioRemote
import ArvioData
import ArvioQuery
import Foundation
import XCTest

/// Analyses of repeated answers (a key of several columns) pushed down: the server decides
/// the unit rule (whether the analysed columns vary within a unit) and returns only counts,
/// and the result (table, statistics, notes, unit of analysis) is the one the rows give in
/// memory, on the pilot, on the 100k benchmark rows and on a table with missing units.
final class RepeatedAnswersPushdownTests: XCTestCase {
    /// On the pilot: `responses` is participant × item × phase, and joined to `participants`
    /// it has columns constant within a participant (org, grade) beside varying ones (score).
    static let pilotStatements = [
        "responses | join participants | freq org",
        "responses | join participants | freq org ci",
        "responses | join participants | freq entry_route rows",
        "responses | join participants | freq post_reason_fi",
        "responses | join participants | crosstab entry_route by post_status",
        "responses | join participants | crosstab org by grade cells count, row, expected",
        "responses | join participants | crosstab entry_route by post_status rows",
        "responses | join participants | crosstab post_reason_fi by entry_route",
        // (org by score on all 336 rows would spend its time in Fisher's network, on both sides.)
        "responses | join participants | crosstab post_status by phase",
        "responses | join participants | where item == \"overall\" | crosstab post_status by score",
        "responses | join participants | where org == \"Tekevä\" | crosstab title by post_status",
        "responses | join participants | where grade is missing | freq org",
        "responses | join participants | where phase == \"post\" and score >= 4 | freq org",
        "responses | join participants | describe grade by org",
        "responses | join participants | describe grade by post_status",
        "responses | join participants | describe experience_years, sessions_attended by entry_route quartiles 6",
        "responses | join participants | describe score by org",
        "responses | join participants | describe grade rows",
        "responses | join participants | chart bar org by entry_route",
        "responses | join participants | chart bar post_status by org",
        "responses | freq area",
        "responses | freq phase",
        "responses | crosstab area by phase",
        "responses | where item == \"overall\" | crosstab phase by score",
        "responses | where item == \"overall\" and phase == \"pre\" | freq score",
        "responses | where area == \"Ammatillinen osaaminen\" | crosstab phase by score rows",
        // The unit of an aggregate's result is its first key, which can be missing: a row
        // with a missing unit is a unit of its own.
        "responses | join participants | count by grade, phase | freq grade",
        "responses | join participants | count by grade, phase | crosstab phase by n",
        "responses | join participants | count by post_reason_fi, phase | freq n",
        "responses | join participants | count by post_reason_fi, phase | describe n",
        "responses | join participants | count by post_status, phase | freq post_status rows",
        "responses | join participants | group grade, phase aggregate m = mean(score) | describe m by phase",
    ]

    /// On the benchmark's responses (org and entry_route repeated on every row of a participant).
    static let benchmarkStatements = [
        "responses | where phase == \"pre\" | crosstab org by score",
        "responses | freq org",
        "responses | freq entry_route rows",
        "responses | crosstab org by entry_route",
        "responses | where phase == \"post\" | crosstab entry_route by org cells count, column",
        "responses | describe score by org",
        "responses | where item == \"HYV1\" | freq score",
        "responses | chart bar org by phase",
        "responses | where org == \"Tekevä\" | freq area",
    ]

    private func sessions(_ target: String) throws -> (remote: Session, local: Session, executor: RemoteExecutor) {
        let connection = try PostgresConnection(target)
        let executor = RemoteExecutor(connection: connection, catalog: try RemoteCatalog.read(from: connection))
        var remote = Session(workspace: executor.adding(to: Workspace()).workspace)
        remote.executor = executor
        return (remote, Session(workspace: try DifferentialTests.fetchedWorkspace(executor)), executor)
    }

    /// Runs `statements` both ways; each must come from counts, and give what memory gives.
    private func compare(_ statements: [String], _ target: String) throws -> [String: Table] {
        var (remote, local, executor) = try sessions(target)
        var results: [String: Table] = [:]
        for statement in statements {
            let started = Date()
            defer { print("repeated answers: \(statement) → \(Int(Date().timeIntervalSince(started) * 1000)) ms") }
            let plan = try XCTUnwrap(remote.plans(statement).first?.plan, statement)
            let compiled = try XCTUnwrap(SQLCompiler.compile(plan, catalog: executor.catalog, keeping: RemoteExecutor.columnsRead), statement)
            XCTAssertNotNil(compiled.countColumn, "\(statement): not counted by the server")
            let a = try XCTUnwrap(local.run(statement).first?.table, statement)
            let b = try XCTUnwrap(remote.run(statement).first?.table, statement)
            DifferentialTests.assertSame(a, b, statement)
            let fetched = b.notes.first { DifferentialTests.isLocation($0) }?.en ?? ""
            XCTAssert(fetched.contains("count") && fetched.contains("fetched from the database") && !fetched.contains("ran in memory"),
                      "\(statement): \(fetched)")
            results[statement] = b
        }
        return results
    }

    func testThePilotsRepeatedAnswersAreAnalysedFromCounts() throws {
        let results = try compare(Self.pilotStatements, try TestDatabase.pilotConnection())
        // Constant within participant: one count per participant, and the note says so.
        let org = try XCTUnwrap(results["responses | join participants | freq org"])
        XCTAssertEqual(org.unit, AnalysisUnitSummary(name: "participant", count: 16, tableRows: 336))
        XCTAssert(org.notes.contains { $0.en.hasPrefix("Unit: one row per participant, 16 participants; the table has 336 rows") },
                  org.notes.map(\.en).joined(separator: "\n"))
        XCTAssert(org.notes.contains { $0.en.contains("(one per participant: the server found that org do not vary within it)") },
                  org.notes.map(\.en).joined(separator: "\n"))
        // Varying: every row, with the repeated-measures note of a test.
        let score = try XCTUnwrap(results["responses | join participants | where item == \"overall\" | crosstab post_status by score"])
        XCTAssertEqual(score.unit, AnalysisUnitSummary(name: "row", count: 28, tableRows: 28, repeats: "participant"))
        XCTAssert(score.notes.contains { $0.en.hasPrefix("Repeated measures: score varies within participant") },
                  score.notes.map(\.en).joined(separator: "\n"))
        // `rows` counts every row of a constant column, as asked.
        let rows = try XCTUnwrap(results["responses | join participants | freq entry_route rows"])
        XCTAssertEqual(rows.unit, AnalysisUnitSummary(name: "row", count: 336, tableRows: 336, repeats: "participant"))
        XCTAssert(rows.notes.contains { $0.en.hasPrefix("Unit: every one of the 336 rows, as asked (rows)") })
        // One row per participant already: no reduction, no note, the key is the unit.
        let once = try XCTUnwrap(results["responses | where item == \"overall\" and phase == \"pre\" | freq score"])
        XCTAssertEqual(once.unit?.name, "participant × item × phase")
        XCTAssertFalse(once.notes.contains { $0.en.hasPrefix("Unit:") })
    }

    func testTheBenchmarksRepeatedAnswersAreAnalysedFromCounts() throws {
        let target: String
        switch BenchmarkDataDifferentialTests.benchmark {
        case .success(let text): target = text
        case .failure(let error):
            XCTFail("this test needs the benchmark data in PostgreSQL: \(error.message)")
            throw error
        }
        let results = try compare(Self.benchmarkStatements, target)
        let org = try XCTUnwrap(results["responses | freq org"])
        XCTAssertEqual(org.unit?.name, "participant")
        XCTAssertEqual(org.unit?.count, 4167)
        XCTAssertEqual(org.unit?.tableRows, 100_000)
    }

    /// A table of answers whose unit column (a name that looks like SQL) is missing on some
    /// rows, and whose group `ryhmä` is constant within a person but missing for some.
    private func unitsDatabase() throws -> String {
        let base = try TestDatabase.pilotConnection()
        let admin = try PostgresConnection(base, readOnly: false)
        _ = try admin.query("DROP SCHEMA IF EXISTS units CASCADE")
        _ = try admin.query("CREATE SCHEMA units")
        let u = SQLText.identifier(DeltaPushdownTests.unit)
        _ = try admin.query("CREATE TABLE units.y (\(u) text, item text, phase text, score int, ryhmä text, paino float8)")
        var g = GeneratedDataDifferentialTests.Generator()
        for person in 1...30 {
            let group: String? = person % 7 == 0 ? nil : ["Häme", "Åland", "Uusimaa"][person % 3]
            // Rows of people 25 and up have no unit (each row a unit of its own).
            let id: String? = person >= 25 ? nil : String(format: "P%02d", person)
            for item in ["K1", "K2"] {
                for phase in ["ennen", "jälkeen"] {
                    let score: String? = g.next(8) == 0 ? nil : "\(g.next(5) + 1)"
                    _ = try admin.query("INSERT INTO units.y VALUES ($1, $2, $3, $4::int, $5, $6::float8)",
                                        [id, item, phase, score, group, "\(Double(person) / 4)"])
                }
            }
        }
        _ = try admin.query("ANALYZE units.y")
        return base + " options='-c search_path=units'"
    }

    func testMissingUnitsAreUnitsOfTheirOwn() throws {
        let target = try unitsDatabase()
        // The table has no key; a count by the unit makes one whose first column, the unit,
        // is missing on the rows of people 25 and up.
        let key = "`\(DeltaPushdownTests.unit)`"
        let statements = [
            "y | count by \(key), ryhmä, phase | freq ryhmä",
            "y | count by \(key), ryhmä, phase | crosstab ryhmä by phase",
            "y | count by \(key), ryhmä, phase | freq ryhmä rows",
            "y | count by \(key), ryhmä, phase | chart bar ryhmä",
            "y | group \(key), phase aggregate m = mean(score), w = max(paino) | describe w",
            "y | group \(key), phase aggregate m = mean(score), w = max(paino) | describe m by phase",
            "y | group \(key), item aggregate s = sum(score) | crosstab item by s",
        ]
        let results = try compare(statements, target)
        // 24 people with a unit (2 rows each) and the 8 rows without one, each a unit alone.
        let freq = try XCTUnwrap(results[statements[0]])
        XCTAssertEqual(freq.unit, AnalysisUnitSummary(name: DeltaPushdownTests.unit, count: 24 + 8, tableRows: 48 + 8))
        XCTAssert(freq.notes.contains { $0.en.hasPrefix("Unit: one row per \(DeltaPushdownTests.unit), 32 values of") },
                  freq.notes.map(\.en).joined(separator: "\n"))
        let weights = try XCTUnwrap(results[statements[4]])
        XCTAssert(weights.notes.contains { $0.en.contains("1–2 per") }, weights.notes.map(\.en).joined(separator: "\n"))
    }

    func testAWeightedAnalysisOfRepeatedAnswersSaysItReadTheRows() throws {
        var (remote, local, _) = try sessions(try TestDatabase.pilotConnection())
        let statement = "responses | join participants | crosstab org by entry_route weight sessions_attended"
        let a = try XCTUnwrap(local.run(statement).first?.table)
        let b = try XCTUnwrap(remote.run(statement).first?.table)
        DifferentialTests.assertSame(a, b, statement)
        let fetched = b.notes.first { DifferentialTests.isLocation($0) }?.en ?? ""
        XCTAssert(fetched.hasPrefix("crosstab ran in memory on 336 rows × "), fetched)
    }

    func testExplainShowsTheUnitRuleInTheStatement() throws {
        let (remote, _, executor) = try sessions(try TestDatabase.pilotConnection())
        let plan = try XCTUnwrap(remote.plans("responses | join participants | where phase == \"pre\" | crosstab org by score").first?.plan)
        let text = executor.explain(plan, in: remote.workspace)
        XCTAssert(text.contains("in PostgreSQL: responses | join | where, one statement:"), text)
        XCTAssert(text.contains("IS DISTINCT FROM") && text.contains("UNION ALL"), text)
        XCTAssert(text.contains("crosstab from the counts of each combination of org, score the statement returns"), text)
        XCTAssert(text.contains("whether org, score vary within participant (the unit rule)"), text)
    }
}
