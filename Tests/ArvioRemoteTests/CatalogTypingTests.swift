@testable import ArvioRemote
import ArvioData
import ArvioQuery
import Foundation
import XCTest

/// `.connect` types a large table's text columns from the planner's statistics instead of
/// counting their distinct values: the types and levels must be the ones counting gives, and the
/// ones the CSV reader gives the same data from a file.
final class CatalogTypingTests: XCTestCase {
    /// The catalog typed by counting (every table small) and from the statistics (every table
    /// large), as `[table.column: type and levels]`.
    private func bothWays(_ target: String) throws -> (counted: [String: String], fromStatistics: [String: String]) {
        let connection = try PostgresConnection(target)
        func shapes(_ catalog: RemoteCatalog) -> [String: String] {
            var result: [String: String] = [:]
            for table in catalog.tables.values {
                for column in table.columns {
                    result["\(table.name).\(column.name)"] = "\(column.type): " + column.levels.map(\.value).joined(separator: "|")
                }
            }
            return result
        }
        let counted = try RemoteCatalog.read(from: connection, exactTypingRows: .infinity)
        let fromStatistics = try RemoteCatalog.read(from: connection, exactTypingRows: -2)
        return (shapes(counted), shapes(fromStatistics))
    }

    func testStatisticsTypeThePilotAsCountingDoes() throws {
        let (counted, fromStatistics) = try bothWays(try TestDatabase.pilotConnection())
        XCTAssertFalse(counted.isEmpty)
        XCTAssertEqual(counted, fromStatistics)
    }

    func testStatisticsTypeTheBenchmarkDataAsCountingAndTheCSVReaderDo() throws {
        let target: String
        switch BenchmarkDataDifferentialTests.benchmark {
        case .success(let text): target = text
        case .failure(let error):
            XCTFail("this test needs the benchmark data in PostgreSQL: \(error.message)")
            throw error
        }
        let (counted, fromStatistics) = try bothWays(target)
        XCTAssertEqual(counted, fromStatistics)
        // participant has 4167 values (more than 1000, fewer than one per two rows): the
        // statistics list none of them, so it is the one column read.
        XCTAssertTrue(fromStatistics["responses.participant"]?.hasPrefix("categorical: P0000001|P0000002|") ?? false)
        XCTAssertEqual(fromStatistics["responses.org"],
                       "categorical: Jyvälän Setlementti|Jyvässeudun Työttömät|Katulähetys|Tekevä")

        // The same rows from the file, as the CSV reader types them.
        let home = ProcessInfo.processInfo.environment["BENCH_HOME"] ?? "/tmp/arvio-bench"
        var path = home + "/data/responses_100000.csv"
        if !FileManager.default.fileExists(atPath: path) {
            let dir = NSTemporaryDirectory() + "arvio-typing-\(getpid())"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            XCTAssertEqual(TestDatabase.runScript(at: "/usr/bin/python3", [TestDatabase.root + "/bench/gen.py", "--outdir", dir, "100000"],
                                                  output: "/dev/null"), 0)
            path = dir + "/responses_100000.csv"
        }
        let file = try CSVReader.read(path: path, name: "responses")
        for name in ["participant", "org", "entry_route", "item", "area"] {
            guard let column = file.column(named: name) else { return XCTFail("the file has no \(name)") }
            var levels: [String] = []
            if case .categorical(let data, _) = column.data { levels = data.levels.map(\.value) }
            XCTAssertEqual(fromStatistics["responses.\(name)"], "\(column.type): " + levels.joined(separator: "|"), name)
        }
    }

    /// participant leads the primary key, so its DISTINCT is read in index order with hash
    /// aggregation off (a misestimated hash aggregate ran for over 20 minutes at 100M rows);
    /// the setting is the user's again afterwards, on or off.
    func testADistinctReadThroughTheKeyPutsTheHashSettingBack() throws {
        guard case .success(let target) = BenchmarkDataDifferentialTests.benchmark else {
            return XCTFail("this test needs the benchmark data in PostgreSQL")
        }
        let connection = try PostgresConnection(target)
        XCTAssertTrue(try TextTyping.leadsAnIndex("participant", of: "\"public\".\"responses\"", connection, nil))
        XCTAssertFalse(try TextTyping.leadsAnIndex("org", of: "\"public\".\"responses\"", connection, nil))
        for setting in ["on", "off"] {
            _ = try connection.query("SELECT set_config('enable_hashagg', $1, false)", [setting])
            let catalog = try RemoteCatalog.read(from: connection, exactTypingRows: -2)
            XCTAssertEqual(catalog.tables["responses"]?.columns.first { $0.name == "participant" }?.levels.count, 4167)
            XCTAssertEqual(try connection.query("SHOW enable_hashagg").rows.first?.first, setting)
        }
    }

    func testStatisticsLeaveFreeTextAndAUniqueCodeText() throws {
        let base = try TestDatabase.pilotConnection()
        let admin = try PostgresConnection(base, readOnly: false)
        _ = try admin.query("DROP DATABASE IF EXISTS arvio_typing")
        _ = try admin.query("CREATE DATABASE arvio_typing ENCODING 'UTF8' TEMPLATE template0")
        let target = base + " dbname=arvio_typing"
        let writer = try PostgresConnection(target, readOnly: false)
        // 3000 rows: a unique code, text with 1500 values (more than 1000 and one per two rows,
        // so categorical), one with 1501 (text), and a rare value ANALYZE's sample holds (the
        // whole table, at this size).
        _ = try writer.query("""
            CREATE TABLE t AS SELECT 'K' || i AS code, 'vastaus ' || (i % 1500) AS half,
                   'ääni ' || (i % 1501) AS over, CASE WHEN i = 7 THEN 'harvinainen' ELSE 'tavallinen' END AS rare
            FROM generate_series(1, 3000) AS i
            """)
        _ = try writer.query("ANALYZE t")
        let (counted, fromStatistics) = try bothWays(target)
        XCTAssertEqual(counted, fromStatistics)
        XCTAssertEqual(fromStatistics["t.code"], "text: ")
        XCTAssertEqual(fromStatistics["t.over"], "text: ")
        XCTAssertTrue(fromStatistics["t.half"]?.hasPrefix("categorical: vastaus 0|vastaus 1|vastaus 10|") ?? false)
        XCTAssertEqual(fromStatistics["t.rare"], "categorical: harvinainen|tavallinen")
    }
}
