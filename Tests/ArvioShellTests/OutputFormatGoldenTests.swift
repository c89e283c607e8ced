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

/// Issue 18: `.format csv` dropped the statistics and notes; Markdown listed them as bullets.
final class StatisticsInEveryFormatTests: XCTestCase {
    private let crosstab = "participants | crosstab entry_route by post_status"

    func testCSVPrintsTheStatisticsAndNotesAfterTheTableAndABlankLine() throws {
        let csv = output(of: ".format csv\n" + crosstab)
        let parts = csv.components(separatedBy: "\r\n\r\n")
        XCTAssertEqual(parts.count, 2, csv)
        XCTAssertTrue(parts[0].hasPrefix("entry_route,responded,moved,dropped_out,no_time,total\r\n"), parts[0])
        let statistics = parts[1].components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(statistics.first, "block,statistic,value,df,p,method,note")
        // Pearson's X² of this table is 2.4242… on 3 df (R: chisq.test(table(entry_route, post_status))).
        XCTAssertTrue(statistics.contains { $0.hasPrefix("Tests of independence,Pearson chi-square,2.42424242424") && $0.contains(",3,0.4891") },
                      parts[1])
        XCTAssertTrue(statistics.contains { $0.hasPrefix("Tests of independence,,,,,,\"Cochran's rule is not met") }, parts[1])
        for line in statistics { XCTAssertEqual(try fields(line).count, 7, line) }
    }

    func testMarkdownPrintsEachBlockAsAPipeTable() {
        let markdown = output(of: ".format markdown\n" + crosstab)
        XCTAssertTrue(markdown.contains("""
            **Tests of independence**

            | statistic | value | df | p | method |
            | :--- | ---: | ---: | ---: | :--- |
            | Pearson chi-square | 2.424 | 3 | 0.489 | asymptotic chi-square |
            """), markdown)
        XCTAssertFalse(markdown.contains("\n- "), "no statistic is a list item any more")
    }

    func testSaveWritesTheStatisticsBesideTheTableAndRemovesStaleOnes() throws {
        let dir = TestSupport.temporaryDirectory()
        let path = dir + "/crosstab.csv"
        let (interpreter, console) = TestSupport.interpreter()
        XCTAssertEqual(interpreter.run("let x = \(crosstab)\n.save x \(path)", file: "<test>"), .succeeded, console.text)
        let table = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(table.contains("Pearson"), "the table's file is one rectangle")
        let statistics = try String(contentsOfFile: dir + "/crosstab.statistics.csv", encoding: .utf8)
        XCTAssertTrue(statistics.hasPrefix("block,statistic,value,df,p,method,note\r\n"), statistics)
        XCTAssertFalse(console.text.contains("error"), console.text)
        XCTAssertEqual(interpreter.run("let replace x = participants | select id\n.save x \(path)", file: "<test>"), .succeeded, console.text)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/crosstab.statistics.csv"))
        XCTAssertTrue(console.text.contains("removed the earlier \(dir)/crosstab.statistics.csv"), console.text)
    }

    /// The fields of one CSV record (quotes honoured).
    private func fields(_ line: String) throws -> [String] {
        var out: [String] = [], current = "", quoted = false
        for c in line {
            if c == "\"" { quoted.toggle(); continue }
            if c == ",", !quoted { out.append(current); current = ""; continue }
            current.append(c)
        }
        return out + [current]
    }
}
