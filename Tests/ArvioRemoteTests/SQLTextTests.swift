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

    /// The history keeps `.connect` lines: each argument is a connection string of its own, and
    /// a malformed one still loses its password.
    func testCommandLinesLoseTheirPasswords() {
        XCTAssertEqual(PostgresConnection.redacted(".connect \"host=/tmp/x dbname=y password=Pässw0rd\""),
                       ".connect \"host=/tmp/x dbname=y password=********\"")
        XCTAssertEqual(PostgresConnection.redacted(".connect postgresql://ana:salainen@db/survey --codebook c.csv"),
                       ".connect postgresql://ana:********@db/survey --codebook c.csv")
        XCTAssertEqual(PostgresConnection.redacted(".connect \"host=x password='two words' dbname=\""),
                       ".connect \"host=x password='********' dbname=\"")
        XCTAssertEqual(PostgresConnection.redacted(".connect \"host=x password=unclosed 'quote\""),
                       ".connect \"host=x password=******** 'quote\"")
        XCTAssertEqual(PostgresConnection.redacted(".connect \"host=x dbname=y\""), ".connect \"host=x dbname=y\"")
    }
}
