import ArvioData
import ArvioQuery
import XCTest

/// Language diagnostics go through the one renderer: the caret lines up by terminal cells under
/// a line with Finnish letters and wide characters, and a width wraps the message.
final class DiagnosticWidthTests: XCTestCase {
    func testTheCaretLinesUpAfterFinnishAndWideCharacters() {
        // "orgg" is character 60; the two CJK characters before it take a cell more each.
        XCTAssertEqual(diagnostic(#"participants | derive nimi = "Jyväskylä 名前" | select nimi, orgg"#), """
            <stdin>:1:60: error: there is no column "orgg" in participants
            participants | derive nimi = "Jyväskylä 名前" | select nimi, orgg
            \(String(repeating: " ", count: 61))^~~~
            did you mean "org"?
            """)
    }

    func testAWidthWrapsTheMessageButNotTheSourceLine() throws {
        var session = Session(workspace: Fixtures.workspace)
        let source = "participants | group org aggregate title"
        XCTAssertThrowsError(try session.run(source)) { error in
            let lines = (error as! Diagnostic).rendered(width: 50).split(separator: "\n").map(String.init)
            // Every line leaves room for the indent, so the first breaks before "key;" (48 cells).
            XCTAssertEqual(lines[0], "<stdin>:1:36: error: \"title\" is not a group")
            XCTAssertTrue(lines[1].hasPrefix("    key; use it inside an aggregate"), lines[1])
            XCTAssertTrue(lines.allSatisfy { CellWidth.of($0) <= 50 })
            XCTAssertEqual(lines.suffix(2), [source, String(repeating: " ", count: 35) + "^~~~~"])
        }
    }
}
