import XCTest
@testable import ArvioShell

/// The four output formats on the built-in tables, as a person reads or a program parses them.
final class OutputFormatGoldenTests: XCTestCase {
    private let statement = "participants | where org == \"Setlementti\" | select id, org, entry_route, experience_years, grade"

    func testText() {
        assertGolden(output(of: ".format text\n" + statement), "formats/setlementti.txt")
    }

    func testFinnishText() {
        assertGolden(output(of: ".format text\n" + statement, language: .fi), "formats/setlementti.fi.txt")
    }

    func testMarkdown() {
        assertGolden(output(of: ".format markdown\n" + statement), "formats/setlementti.md")
    }

    func testCSV() {
        assertGolden(output(of: ".format csv\n" + statement), "formats/setlementti.csv")
    }

    func testJSON() {
        assertGolden(output(of: ".format json\n" + statement), "formats/setlementti.json")
    }
}
