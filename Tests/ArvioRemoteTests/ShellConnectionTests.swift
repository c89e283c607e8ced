@testable import ArvioRemote
import ArvioData
import ArvioShell
import XCTest

/// The shell's side of a connection: `.connect`, `.tables`, `.explain`, `let`, and the writes
/// it refuses, as a person sees them.
final class ShellConnectionTests: XCTestCase {
    private func connected() throws -> (Interpreter, CapturingConsole) {
        let console = CapturingConsole()
        let interpreter = Interpreter(workspace: Workspace(), settings: OutputSettings(), console: console)
        XCTAssertEqual(interpreter.run(".connect \"\(try TestDatabase.pilotConnection())\"", file: "test"), .succeeded, console.text)
        return (interpreter, console)
    }

    func testConnectListsTheTablesAndTablesCountsTheirRows() throws {
        let (interpreter, console) = try connected()
        XCTAssert(console.text.contains("(read-only): 4 tables, items, motivation, participants, responses"), console.text)
        XCTAssertEqual(interpreter.run(".tables", file: "test"), .succeeded)
        let lines = console.text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        let responses = try XCTUnwrap(lines.first { $0.first == "responses" })
        XCTAssertEqual(responses[1], "336")
        XCTAssertEqual(responses.last, "database")
    }

    func testPipelineRunsAndLetSaysWhereItsResultLives() throws {
        let (interpreter, console) = try connected()
        XCTAssertEqual(interpreter.run("responses | where phase == \"pre\" | count by score", file: "test"), .succeeded, console.text)
        // 16 participants × 12 items before the training: 192 answers, 29 of them 1s (as in memory).
        XCTAssert(console.text.contains("1      29"), console.text)
        XCTAssertEqual(interpreter.run("let tekeva = responses | join participants | where org == \"Tekevä\"", file: "test"), .succeeded, console.text)
        XCTAssert(console.text.contains("tekeva: 108 rows (kept in this session's memory; the database is not changed)"), console.text)
        XCTAssertEqual(interpreter.run("tekeva | count", file: "test"), .succeeded, console.text)
    }

    func testRemoteTablesCannotBeReplaced() throws {
        let (interpreter, console) = try connected()
        XCTAssertEqual(interpreter.run("let replace responses = participants | count", file: "test"), .failed)
        XCTAssert(console.text.contains("\"responses\" is a table in the database, which Arvio only reads"), console.text)
        XCTAssertEqual(interpreter.run(".scale responses.score 5 < 4 < 3 < 2 < 1", file: "test"), .failed)
        XCTAssertEqual(interpreter.run("responses | count", file: "test"), .succeeded, console.text)
        XCTAssert(console.text.contains("336"), console.text)
    }

    func testExplainPrintsTheSQLAndWhatRunsInMemory() throws {
        let (interpreter, console) = try connected()
        XCTAssertEqual(interpreter.run(".explain responses | join participants | group org, phase aggregate mean(score)", file: "test"), .succeeded, console.text)
        XCTAssert(console.text.contains("in PostgreSQL: responses | join | group, one statement:"), console.text)
        XCTAssert(console.text.contains("GROUP BY"), console.text)
        XCTAssertFalse(console.text.contains("then in memory"), console.text)
        XCTAssertEqual(interpreter.run(".explain responses | delta score by phase", file: "test"), .succeeded, console.text)
        XCTAssert(console.text.contains("then in memory: delta"), console.text)
    }

    func testAFailedConnectionSaysWhyWithoutThePassword() throws {
        let base = try TestDatabase.pilotConnection()
        let console = CapturingConsole()
        let interpreter = Interpreter(workspace: Workspace(), settings: OutputSettings(), console: console)
        XCTAssertEqual(interpreter.run(".connect \"\(base) dbname=missing_db password=topsecret1\"", file: "test"), .failed)
        XCTAssert(console.text.contains("could not connect to the database"), console.text)
        XCTAssertFalse(console.text.contains("topsecret1"), console.text)
        // The shell goes on without a connection.
        XCTAssertEqual(interpreter.run(".connect", file: "test"), .succeeded)
        XCTAssert(console.text.contains("not connected"), console.text)
    }
}
