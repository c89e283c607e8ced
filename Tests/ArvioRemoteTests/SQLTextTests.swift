@testable import ArvioRemote
import XCTest

/// Quoting: names are quoted identifiers, values never enter the statement text.
final class SQLTextTests: XCTestCase {
    func testIdentifierDoublesQuotes() {
        XCTAssertEqual(SQLText.identifier("a\"; DROP TABLE x; --"), "\"a\"\"; DROP TABLE x; --\"")
        XCTAssertEqual(SQLText.identifier("Tekevä"), "\"Tekevä\"")
    }

    func testArrayParameterEscapesQuotesAndBackslashes() {
        XCTAssertEqual(SQLText.arrayParameter(["a", "b\"c", "d\\e", "'; DROP TABLE x; --"]),
                       "{\"a\",\"b\\\"c\",\"d\\\\e\",\"'; DROP TABLE x; --\"}")
        XCTAssertEqual(SQLText.arrayParameter([]), "{}")
    }

    func testPasswordsAreScrubbed() {
        let url = "postgresql://analyst:s3cr%C3%A4t@dbhost/survey"
        XCTAssertEqual(PostgresConnection.passwords(in: url), ["s3crät"])
        XCTAssertEqual(PostgresConnection.redacted(url), "postgresql://analyst:********@dbhost/survey")
        XCTAssertEqual(PostgresConnection.redacted("host=x password=hunter2 dbname=y"), "host=x password=******** dbname=y")
        XCTAssertEqual(PostgresConnection.scrub("FATAL: password hunter2 wrong", ["hunter2"]), "FATAL: password ******** wrong")
    }
}
