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

    func testLetReplaceCanReplaceABuiltInTable() throws {
        var session = Session(workspace: Fixtures.workspace)
        _ = try session.run("let replace participants = participants | take 3")
        XCTAssertEqual(try session.run("participants | join responses | count").last?.table.map { rows($0) }, [["15"]])
    }

    func testReplacingATableSaysSoWithTheRowsItHad() throws {
        var session = Session(workspace: Fixtures.workspace)
        let results = try session.run("let replace participants = participants | take 3\nlet few = participants | take 2\nlet few = participants | take 1")
        let said = results.compactMap { result -> String? in
            if case .confirmation(let text) = result { return text.en }
            return nil
        }
        XCTAssertEqual(said, ["participants: 3 rows; replaces the earlier participants (16 rows)",
                              "few: 2 rows",
                              "few: 1 row; replaces the earlier few (2 rows)"])
    }

    func testPlainLetOverABuiltInTableIsAnErrorThatSuggestsLetReplace() {
        var session = Session(workspace: Fixtures.workspace)
        XCTAssertThrowsError(try session.run("let participants = participants | take 3")) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.message, "there is already a table \"participants\" (built in or loaded); to replace it, write let replace participants = ..., or give the new table another name")
            XCTAssertEqual(d.position.column, 5)
        }
        XCTAssertEqual(session.workspace.table(named: "participants")?.rowCount, 16)
    }

    func testPlainLetMayRemakeATableALetMade() throws {
        var session = Session(workspace: Fixtures.workspace)
        _ = try session.run("let few = participants | take 3\nlet few = participants | take 2")
        XCTAssertEqual(session.workspace.table(named: "few")?.rowCount, 2)
        XCTAssertTrue(session.workspace.isMadeByLet("few"))
        XCTAssertFalse(session.workspace.isMadeByLet("participants"))
    }

    func testAReplacedBuiltInTableIsThenALetTable() throws {
        var session = Session(workspace: Fixtures.workspace)
        _ = try session.run("let replace participants = participants | take 3\nlet participants = participants | take 1")
        XCTAssertEqual(session.workspace.table(named: "participants")?.rowCount, 1)
    }

    func testLetReplaceOfANewNameJustKeepsIt() throws {
        var session = Session(workspace: Fixtures.workspace)
        _ = try session.run("let replace few = participants | take 3")
        XCTAssertEqual(session.workspace.table(named: "few")?.rowCount, 3)
    }

    func testATableCalledReplaceIsStillAName() throws {
        var session = Session(workspace: Fixtures.workspace)
        _ = try session.run("let replace = participants | take 3\nlet replace replace = replace | take 2")
        XCTAssertEqual(session.workspace.table(named: "replace")?.rowCount, 2)
    }
}
