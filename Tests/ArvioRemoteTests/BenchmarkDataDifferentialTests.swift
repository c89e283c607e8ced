@testable import ArvioRemote
import ArvioData
import ArvioQuery
import Foundation
import XCTest

/// The differential test on the shared benchmark's generated responses (100,000 rows, 4167
/// participants, a quarter without post answers): the benchmark's tasks and every analysis verb
/// give the same results pushed down and in memory, and the aggregating ones send back only
/// their aggregates. `.ci/run` loads the data with scripts/pg-load-bench.sh and names the
/// database in `ARVIO_TEST_BENCH`; without it the test loads it itself.
final class BenchmarkDataDifferentialTests: XCTestCase {
    static let statements = [
        // T1, T2 and T3 of ../shared/bench, as bench/pg.sh runs them.
        "responses | where phase == \"pre\" | count by org, score",
        "responses | delta score by phase per area",
        "responses | group org, phase aggregate n = count(score), mean = round(mean(score), 4)",
        "responses | where phase == \"pre\" | crosstab org by score cells count, row",
        "responses | group participant aggregate m = mean(score), n = count(score) | describe m by n",
        "responses | group participant aggregate m = mean(score) | freq m",
        "responses | count by participant, phase | crosstab phase by n",
        "responses | where item == \"HYV1\" | count by org, entry_route | chart bar org by entry_route",
        "responses | where score is missing | count by org",
        "responses | where org == \"Jyvälän Setlementti\" and score >= 4 | group area aggregate n = count(), p = pct()",
        "responses | distinct participant, org | count by org",
        "responses | sort score desc, participant | take 5",
        // delta paired by the server: every pair, unit and unpaired row counted there.
        "responses | delta score by phase",
        "responses | delta score by phase per org",
        "responses | delta score by phase per entry_route, org",
        "responses | where org == \"Tekevä\" and item != \"HYV1\" | delta score by phase per entry_route",
        "responses | delta score by phase per area | select area, n, mean_delta = change",
        // describe of numbers: moments and quantiles computed by the server.
        "responses | group participant aggregate m = mean(score), s = sum(score) | describe m, s quartiles 6",
        "responses | group participant aggregate m = mean(score), k = count(score) | describe m by k",
    ]

    static let benchmark: Result<String, TestDatabaseError> = {
        if let given = ProcessInfo.processInfo.environment["ARVIO_TEST_BENCH"], !given.isEmpty { return .success(given) }
        switch TestDatabase.server {
        case .failure(let error): return .failure(error)
        case .success(let server):
            let output = NSTemporaryDirectory() + "arvio-bench-\(getpid()).txt"
            defer { unlink(output) }
            let status = TestDatabase.runScript(at: TestDatabase.root + "/scripts/pg-load-bench.sh", [server, "100000"], output: output)
            let text = ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard status == 0, !text.isEmpty else {
                return .failure(TestDatabaseError(message: "scripts/pg-load-bench.sh failed (it needs psql and ../shared/bench/gen.py)"))
            }
            return .success(text)
        }
    }()

    func testTheBenchmarkDataGivesTheSameResultsPushedDownAndInMemory() throws {
        let target: String
        switch Self.benchmark {
        case .success(let text): target = text
        case .failure(let error):
            XCTFail("this test needs the benchmark data in PostgreSQL: \(error.message)")
            throw error
        }
        let connection = try PostgresConnection(target)
        let catalog = try RemoteCatalog.read(from: connection)
        XCTAssertEqual(catalog.tables["responses"]?.key, ["participant", "item", "phase"])
        let executor = RemoteExecutor(connection: connection, catalog: catalog)
        var remote = Session(workspace: executor.adding(to: Workspace()).workspace)
        remote.executor = executor
        var local = Session(workspace: try DifferentialTests.fetchedWorkspace(executor))
        XCTAssertEqual(local.workspace.table(named: "responses")?.rowCount, 100_000)

        for statement in Self.statements {
            let plan = try XCTUnwrap(remote.plans(statement).first?.plan, statement)
            let compiled = try XCTUnwrap(SQLCompiler.compile(plan, catalog: catalog, keeping: RemoteExecutor.columnsRead), statement)
            let a = try XCTUnwrap(local.run(statement).first?.table, statement)
            let b = try XCTUnwrap(remote.run(statement).first?.table, statement)
            DifferentialTests.assertSame(a, b, statement)
            // What came back: every row of a pipeline that leaves its analysis to memory is
            // said, and none reads them all (delta gets the server's tally of its pairs).
            let fetched = b.notes.first { DifferentialTests.isLocation($0) }?.en ?? "wholly in PostgreSQL"
            print("bench differential: \(statement) → \(compiled.operatorCount)/\(plan.nodes.count) steps in SQL; \(fetched)")
            XCTAssertFalse(fetched.contains("100000 rows"), "\(statement): \(fetched)")
            if statement.contains("describe") {
                XCTAssertTrue(fetched.contains("moments and quantiles"), "\(statement): \(fetched)")
            }
            if statement.contains("delta") {
                XCTAssertTrue(fetched.hasPrefix("delta computed in memory from"), "\(statement): \(fetched)")
            }
        }
    }
}
