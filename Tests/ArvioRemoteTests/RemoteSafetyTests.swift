@testable import ArvioRemote
import ArvioData
import ArvioQuery
import XCTest

/// Names and values that look like SQL are only names and values; a connection is read-only;
/// Ctrl-C stops the server's work; catalog types, enums, comments and foreign keys arrive.
final class RemoteSafetyTests: XCTestCase {
    static let hostile = "a\"; DROP TABLE x; --"
    static let hostileValue = "'; DROP TABLE x; --"

    /// A schema of its own with a table and a column whose names and values are SQL.
    private func hostileDatabase() throws -> String {
        let base = try TestDatabase.pilotConnection()
        let admin = try PostgresConnection(base, readOnly: false)
        _ = try admin.query("DROP SCHEMA IF EXISTS hostile CASCADE")
        _ = try admin.query("CREATE SCHEMA hostile")
        _ = try admin.query("CREATE TABLE hostile.x (id bigint PRIMARY KEY, \(SQLText.identifier(Self.hostile)) text)")
        var values: [String] = ["Tekevä", Self.hostileValue, "\\\"{}", "plain"]
        values += (0..<1200).map { "free text \($0)" }
        for (index, value) in values.enumerated() {
            _ = try admin.query("INSERT INTO hostile.x VALUES ($1::bigint, $2::text)", ["\(index)", value])
        }
        return base + " options='-c search_path=hostile'"
    }

    private func session(_ connectionString: String) throws -> (Session, RemoteExecutor) {
        let connection = try PostgresConnection(connectionString)
        let executor = RemoteExecutor(connection: connection, catalog: try RemoteCatalog.read(from: connection))
        var session = Session(workspace: executor.adding(to: Workspace()).workspace)
        session.executor = executor
        return (session, executor)
    }

    func testNamesAndValuesThatLookLikeSQLAreOnlyNamesAndValues() throws {
        var (session, executor) = try session(try hostileDatabase())
        XCTAssertEqual(executor.catalog.tables["x"]?.columns.map(\.name), ["id", Self.hostile])
        // 1204 distinct values in 1204 rows: text, not categorical.
        XCTAssertEqual(executor.catalog.tables["x"]?.columns.last?.type, .text)
        let statement = "x | where `\(Self.hostile)` == \"\(Self.hostileValue.replacingOccurrences(of: "\"", with: "\\\""))\" | count"
        let table = try XCTUnwrap(session.run(statement).first?.table)
        XCTAssertEqual(table.columns.first?.data.number(at: 0), 1)
        let plan = try XCTUnwrap(session.plans(statement).first?.plan)
        let compiled = try XCTUnwrap(SQLCompiler.compile(plan, catalog: executor.catalog))
        XCTAssertEqual(compiled.operatorCount, 2)
        XCTAssertFalse(compiled.sql.contains(Self.hostileValue), "a value must travel as a parameter")
        XCTAssert(compiled.parameters.contains(Self.hostileValue))
        // The table is still there: nothing was dropped.
        let all = try XCTUnwrap(session.run("x | count").first?.table)
        XCTAssertEqual(all.columns.first?.data.number(at: 0), 1204)
    }

    func testConnectionIsReadOnly() throws {
        let connection = try PostgresConnection(try TestDatabase.pilotConnection())
        XCTAssertThrowsError(try connection.query("CREATE TABLE should_not_exist (a int)")) { error in
            XCTAssert("\(error)".contains("read-only"), "\(error)")
        }
    }

    func testCtrlCCancelsOnTheServer() throws {
        let connection = try PostgresConnection(try TestDatabase.pilotConnection())
        let start = ContinuousClock.now
        let deadline = start + .milliseconds(200)
        XCTAssertThrowsError(try connection.query("SELECT pg_sleep(30)", isCancelled: { ContinuousClock.now > deadline })) { error in
            XCTAssertEqual((error as? RemoteError)?.kind, .cancelled)
        }
        // Back well before the 30 seconds: the server stopped, and the connection still works.
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(2))
        XCTAssertEqual(try connection.query("SELECT 1").rows.first?.first, "1")
    }

    func testALostConnectionIsAClearErrorAndTheSessionGoesOn() throws {
        let connectionString = try TestDatabase.pilotConnection()
        var (session, executor) = try session(connectionString)
        let pid = try XCTUnwrap(executor.connection.query("SELECT pg_backend_pid()").rows.first?.first ?? nil)
        let admin = try PostgresConnection(connectionString)
        _ = try admin.query("SELECT pg_terminate_backend($1::int)", [pid])
        XCTAssertThrowsError(try session.run("responses | count by phase")) { error in
            let message = (error as? Diagnostic)?.message ?? ""
            XCTAssert(message.contains("the connection to the database was lost"), message)
            XCTAssert(message.contains(".connect"), message)
        }
        // The workspace is intact: binding still works, and a new connection runs the statement.
        XCTAssertNoThrow(try session.plans("responses | count by phase"))
        let (fresh, _) = try self.session(connectionString)
        var again = fresh
        XCTAssertEqual(try again.run("responses | count").first?.table?.columns.first?.data.number(at: 0), 336)
    }

    func testCancelledPipelineIsACancellationDiagnostic() throws {
        var (session, _) = try session(try TestDatabase.pilotConnection())
        session.isCancelled = { true }
        XCTAssertThrowsError(try session.run("responses | count by phase")) { error in
            XCTAssertEqual((error as? Diagnostic)?.isCancellation, true)
        }
    }

    func testCatalogBringsEnumsCommentsKeysAndForeignKeys() throws {
        let (_, executor) = try session(try TestDatabase.pilotConnection())
        let responses = try XCTUnwrap(executor.catalog.tables["responses"])
        let score = try XCTUnwrap(responses.columns.first { $0.name == "score" })
        XCTAssertEqual(score.type, .ordinal)
        XCTAssertEqual(score.levels.map(\.value), ["1", "2", "3", "4", "5"])
        XCTAssertEqual(score.levels.map(\.number), [1, 2, 3, 4, 5])
        XCTAssertEqual(score.comment, "Self-assessed competence")
        let phase = try XCTUnwrap(responses.columns.first { $0.name == "phase" })
        XCTAssertEqual(phase.levels.map(\.value), ["pre", "post"], "enum order, not alphabetical")
        XCTAssertEqual(responses.key, ["participant", "item", "phase"])
        XCTAssert(executor.catalog.relations.contains(Relation(table: "responses", columns: ["participant"],
                                                               target: "participants", targetColumns: ["id"])))
        let participants = try XCTUnwrap(executor.catalog.tables["participants"])
        XCTAssertEqual(participants.columns.first { $0.name == "grade" }?.type, .integer)
        XCTAssertEqual(participants.columns.first { $0.name == "experience_years" }?.type, .decimal)
        XCTAssertEqual(participants.columns.first { $0.name == "org" }?.type, .categorical)
    }

    func testWrongPasswordErrorNamesNoPassword() throws {
        let base = try TestDatabase.pilotConnection()
        // Trust authentication ignores passwords, so the failure comes from a database that
        // does not exist; the message must still not carry the password given.
        XCTAssertThrowsError(try PostgresConnection(base + " dbname=no_such_db password=hunter2secret")) { error in
            XCTAssertFalse("\(error)".contains("hunter2secret"), "\(error)")
            XCTAssert("\(error)".contains("no_such_db"), "\(error)")
        }
    }

    func testExplainNamesWhatRunsWhere() throws {
        let (session, executor) = try session(try TestDatabase.pilotConnection())
        let plan = try XCTUnwrap(session.plans("responses | where phase == \"pre\" | crosstab item by score").first?.plan)
        let text = executor.explain(plan, in: session.workspace)
        XCTAssert(text.contains("in PostgreSQL: responses | where, one statement:"), text)
        XCTAssert(text.contains("then in memory: crosstab"), text)
        XCTAssert(text.contains("= '{\"pre\"}'"), text)
    }
}
