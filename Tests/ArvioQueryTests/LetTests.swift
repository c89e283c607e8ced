import ArvioData
import ArvioQuery
import XCTest

final class LetTests: XCTestCase {
    func testLetConfirmsInBothLanguagesAndKeepsTheTable() throws {
        var session = Session(workspace: Fixtures.workspace)
        let results = try session.run(#"let tekeva = participants | where org == "Tekevä""#)
        guard case .confirmation(let message) = results.first else { return XCTFail() }
        XCTAssertEqual(message.en, "tekeva: 5 rows")
        XCTAssertEqual(message.fi, "tekeva: 5 riviä")
        XCTAssertEqual(session.workspace.table(named: "tekeva")?.rowCount, 5)
    }

    func testAFailingLetLeavesTheWorkspaceUntouched() {
        var session = Session(workspace: Fixtures.workspace)
        XCTAssertThrowsError(try session.run("let bad = participants | where orgg == 1"))
        XCTAssertNil(session.workspace.table(named: "bad"))
        XCTAssertEqual(session.workspace.tableNames, ["participants", "motivation", "responses"])
    }

    func testALetTableInheritsRelationsBothWays() throws {
        var session = Session(workspace: Fixtures.workspace)
        let results = try session.run("""
            let completers = participants | where post_status == "responded"
            responses | join completers | count
            """)
        XCTAssertEqual(results.last?.table.map { rows($0) }, [["18"]])
    }

    func testLetCanReplaceATable() throws {
        var session = Session(workspace: Fixtures.workspace)
        _ = try session.run("let participants = participants | take 3")
        XCTAssertEqual(try session.run("participants | join responses | count").last?.table.map { rows($0) }, [["15"]])
    }
}
