import ArvioData
import ArvioQuery
import XCTest

final class SessionTests: XCTestCase {
    func testATableNameAloneShowsTheTable() throws {
        var session = Session(workspace: Fixtures.workspace)
        let table = try XCTUnwrap(session.run("motivation").first?.table)
        XCTAssertEqual(table.rowCount, 16)
        XCTAssertEqual(table.name, "motivation")
    }

    func testSeveralStatementsGiveSeveralResults() throws {
        var session = Session(workspace: Fixtures.workspace)
        let results = try session.run("participants | count\n\n# a comment\nresponses |\n  count")
        XCTAssertEqual(results.compactMap(\.table).map { rows($0) }, [[["16"]], [["21"]]])
    }

    func testASyntaxErrorAnywhereRunsNothing() {
        var session = Session(workspace: Fixtures.workspace)
        XCTAssertThrowsError(try session.run("let a = participants\nparticipants | where (")) { error in
            XCTAssertEqual((error as? Diagnostic)?.position.line, 2)
        }
        XCTAssertNil(session.workspace.table(named: "a"))
    }

    func testFirstLineOffsetsPositionsAndTheLineIsAttached() {
        var session = Session(workspace: Fixtures.workspace)
        do {
            _ = try session.run("participants | count by orgg", file: "script.arvio", firstLine: 4)
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.position.description, "script.arvio:4:25")
            XCTAssertEqual(error.sourceLine, "participants | count by orgg")
            XCTAssertEqual(error.suggestion, "\"org\"")
        }
    }

    func testCancellationStopsTheStatementWithACancellationDiagnostic() {
        var session = Session(workspace: Fixtures.workspace, isCancelled: { true })
        do {
            _ = try session.run("let x = participants | where grade > 7")
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error.isCancellation)
            XCTAssertNil(session.workspace.table(named: "x"))
        }
    }

    func testCheckFindsSyntaxErrorsWithoutRunning() {
        XCTAssertNoThrow(try Session.check("nosuchtable | count"))
        XCTAssertThrowsError(try Session.check("participants | count by"))
    }
}
