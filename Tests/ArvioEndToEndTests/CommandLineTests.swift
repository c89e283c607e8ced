import XCTest

final class CommandLineTests: XCTestCase {
    func testDashCPrintsTheParticipantsByOrganisation() throws {
        let r = try ArvioProcess.run(["-c", "participants | count by org"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            org                        n
            ─────────────────────────  ─
            Jyväskylän Katulähetys ry  4
            Jyvässeudun Työttömät ry   3
            Työvalmennussäätiö Tekevä  5
            Jyvälän Setlementti        4

            """)
    }

    func testDashCErrorGoesToStderrWithCaretAndExitsOne() throws {
        let r = try ArvioProcess.run(["-c", "participants | count by orgg"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, """
            <command>:1:25: error: there is no column "orgg" in participants
            participants | count by orgg
                                    ^~~~
            did you mean "org"?

            """)
    }

    func testFormatAndLangOptions() throws {
        let r = try ArvioProcess.run(["--format", "csv", "--lang", "fi", "-c", "participants | count by entry_route"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.replacingOccurrences(of: "\r\n", with: "\n"),
                       "entry_route,n\ntyönantajan ohjaamana,11\nomasta halusta,5\n")
    }

    func testBadOptionValueIsRejectedWithUsage() throws {
        let r = try ArvioProcess.run(["--format", "xml", "-c", "items"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--format takes text, markdown, csv or json, not \"xml\""), r.stderr)
    }

    func testVersion() throws {
        let r = try ArvioProcess.run(["--version"])
        XCTAssertEqual(r.stdout, "arvio 0.1\n")
    }

    func testMissingDataFolderIsAClearError() throws {
        let r = try ArvioProcess.run(["--data", "/nonexistent", "-c", "items"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr, "/nonexistent/codebook.csv: error: cannot open the file: no such file or directory\n")
    }

    func testNoDataStartsEmpty() throws {
        let r = try ArvioProcess.run(["--no-data", "-c", ".tables"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("table  rows  columns  key"), r.stdout)
    }
}
