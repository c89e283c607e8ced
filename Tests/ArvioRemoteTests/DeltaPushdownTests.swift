@testable import ArvioRemote
import ArvioData
import ArvioQuery
import XCTest

/// `delta` paired by the server: names and values that look like SQL stay names and values,
/// the result is the one the rows give in memory (also with a unit's reason and missing
/// groups), Ctrl-C stops it, and `.explain` says what runs where.
final class DeltaPushdownTests: XCTestCase {
    static let unit = "p\"; DROP TABLE y; --"
    static let phaseValue = "'; DROP TABLE y; --"

    /// A schema with answers of 40 people to 3 items before (the hostile phase value) and
    /// after, some missing, a few with no after answer, a status for them, and a group that
    /// is missing for some.
    private func database() throws -> String {
        let base = try TestDatabase.pilotConnection()
        let admin = try PostgresConnection(base, readOnly: false)
        _ = try admin.query("DROP SCHEMA IF EXISTS pairs CASCADE")
        _ = try admin.query("CREATE SCHEMA pairs")
        let u = SQLText.identifier(Self.unit)
        _ = try admin.query("""
            CREATE TABLE pairs.y (\(u) text, item text, phase text, score int, ryhmä text, post_status text,
                                  PRIMARY KEY (\(u), item, phase))
            """)
        var g = GeneratedDataDifferentialTests.Generator()
        for person in 1...40 {
            let group: String? = person % 7 == 0 ? nil : ["Häme", "Åland", "Uusimaa"][person % 3]
            let dropped = person % 9 == 0
            for item in ["K1", "K2", "K3"] {
                for phase in [Self.phaseValue, "after"] where !(dropped && phase == "after") {
                    let score: String? = g.next(10) == 0 ? nil : "\(g.next(5) + 1)"
                    _ = try admin.query("INSERT INTO pairs.y VALUES ($1, $2, $3, $4::int, $5, $6)",
                                        [String(format: "P%02d", person), item, phase, score, group, dropped ? "keskeytti" : "vastasi"])
                }
            }
        }
        _ = try admin.query("ANALYZE pairs.y")
        return base + " options='-c search_path=pairs'"
    }

    private func sessions(_ target: String) throws -> (remote: Session, local: Session, executor: RemoteExecutor) {
        let connection = try PostgresConnection(target)
        let executor = RemoteExecutor(connection: connection, catalog: try RemoteCatalog.read(from: connection))
        var remote = Session(workspace: executor.adding(to: Workspace()).workspace)
        remote.executor = executor
        return (remote, Session(workspace: try DifferentialTests.fetchedWorkspace(executor)), executor)
    }

    func testDeltaIsPairedByTheServerWithTheInMemoryResult() throws {
        var (remote, local, executor) = try sessions(try database())
        let phase = Self.phaseValue.replacingOccurrences(of: "\"", with: "\\\"")
        let statements = [
            "y | delta score by phase",
            "y | delta score by phase per ryhmä",
            "y | where item != \"K2\" | delta score by phase per ryhmä",
            "y | where phase == \"\(phase)\" | delta score by phase",
            "y | delta score by phase per ryhmä | select ryhmä, n, change",
        ]
        for statement in statements {
            let plan = try XCTUnwrap(remote.plans(statement).first?.plan, statement)
            let compiled = try XCTUnwrap(SQLCompiler.compile(plan, catalog: executor.catalog,
                                                             delta: executor.deltaRequest(in: remote.workspace)), statement)
            XCTAssertNotNil(compiled.delta, statement)
            XCTAssertFalse(compiled.sql.contains(Self.phaseValue), "a value must travel as a parameter")
            XCTAssert(compiled.sql.contains(SQLText.identifier(Self.unit)), "a name is a quoted identifier")
            let inMemory = Result { () throws(Diagnostic) in try local.run(statement) }
            let pushed = Result { () throws(Diagnostic) in try remote.run(statement) }
            switch (inMemory, pushed) {
            case (.success(let a), .success(let b)):
                let x = try XCTUnwrap(a.first?.table), y = try XCTUnwrap(b.first?.table)
                DifferentialTests.assertSame(x, y, statement)
                XCTAssert(y.notes.contains { $0.en.hasPrefix("delta computed in memory from") }, statement)
            case (.failure(let a), .failure(let b)):
                XCTAssertEqual(a.message, b.message, statement)
            default:
                XCTFail("\(statement): \(inMemory) / \(pushed)")
            }
        }
        // The reasons of those without an after answer are named, as in memory.
        let notes = try XCTUnwrap(remote.run("y | delta score by phase").first?.table).notes.map(\.en)
        XCTAssert(notes.contains { $0.contains("P09 (2, keskeytti)") }, notes.joined(separator: "\n"))
        // Nothing was dropped.
        XCTAssertEqual(try remote.run("y | count").first?.table?.columns.first?.data.number(at: 0), 228)
    }

    func testACancelledDeltaStopsOnTheServer() throws {
        var (remote, _, _) = try sessions(try database())
        remote.isCancelled = { true }
        XCTAssertThrowsError(try remote.run("y | delta score by phase per ryhmä")) { error in
            XCTAssertEqual((error as? Diagnostic)?.isCancellation, true)
        }
    }

    func testExplainSaysTheServerPairs() throws {
        let (remote, _, executor) = try sessions(try database())
        let plan = try XCTUnwrap(remote.plans("y | where item != \"K1\" | delta score by phase per ryhmä").first?.plan)
        let text = executor.explain(plan, in: remote.workspace)
        XCTAssert(text.contains("in PostgreSQL: y | where | delta's pairing, one statement:"), text)
        XCTAssert(text.contains("then in memory: delta (its statistics)"), text)
        XCTAssert(text.contains("FULL JOIN"), text)
    }
}
