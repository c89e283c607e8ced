import ArvioData
import XCTest

/// The one renderer of errors: carets by terminal cells, wrapping at a width, one format for
/// data errors and language errors.
final class DiagnosticRendererTests: XCTestCase {
    private func caret(_ source: String, column: Int, length: Int = 1) -> String {
        DiagnosticRenderer.render(at: "f", "m", sourceLine: source, column: column, length: length)
            .split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }

    func testTheCaretStandsUnderItsColumnInCells() {
        // "ä" precomposed and decomposed are one character and one cell each.
        XCTAssertEqual(caret("org == \"Tekevä\" and x", column: 21), String(repeating: " ", count: 20) + "^")
        XCTAssertEqual(caret("org == \"Tekeva\u{0308}\" and x", column: 21), String(repeating: " ", count: 20) + "^")
        // Each CJK character is two cells: 9 characters before the column take 11 cells.
        XCTAssertEqual(caret("t == \"名前\" orgg", column: 11, length: 4), String(repeating: " ", count: 12) + "^~~~")
        // A wide character under the caret is underlined across both of its cells.
        XCTAssertEqual(caret("x 名前", column: 3, length: 2), "  ^~~~")
        // An emoji is two cells too.
        XCTAssertEqual(caret("🙂 orgg", column: 3, length: 4), "   ^~~~")
    }

    func testTabsAreKeptAndAColumnPastTheEndStandsAfterTheLine() {
        XCTAssertEqual(caret("\tab\tcd", column: 5), "\t  \t^")
        XCTAssertEqual(caret("ab(", column: 4), "   ^")
    }

    func testTheFormatOfEveryError() {
        XCTAssertEqual(DiagnosticRenderer.render(at: "<stdin>:1:25", "there is no column \"orgg\" in participants",
                                                 sourceLine: "participants | count by orgg", column: 25, length: 4,
                                                 suggestion: "\"org\""), """
            <stdin>:1:25: error: there is no column "orgg" in participants
            participants | count by orgg
                                    ^~~~
            did you mean "org"?
            """)
        XCTAssertEqual(DataError(DataPosition(file: "kysely.csv", line: 3, field: 2), "väärä arvo").rendered(),
                       "kysely.csv:3:2: error: väärä arvo")
        XCTAssertEqual(DataError(DataPosition(file: "kysely.csv"), "tyhjä").rendered(), "kysely.csv: error: tyhjä")
        XCTAssertEqual(DiagnosticRenderer.render(at: "", "no file"), "error: no file")
    }

    func testLongMessagesWrapAtTheWidthInCells() {
        let message = "sarakkeen \"ikä\" arvo \"neljäkymmentä\" ei ole luku; kirjoita se numeroin, esimerkiksi 40, tai jätä solu tyhjäksi"
        let text = DataError(DataPosition(file: "kysely.csv", line: 12, field: 3), message).rendered(width: 40)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(lines.count, 2)
        for line in lines { XCTAssertLessThanOrEqual(CellWidth.of(line), 40, line) }
        XCTAssertTrue(lines[0].hasPrefix("kysely.csv:12:3: error: "))
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix(DiagnosticRenderer.continuationIndent) })
        // Nothing is lost: the words read back as the message.
        let words = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        XCTAssertEqual(words, "kysely.csv:12:3: error: " + message)
        // Wide characters count two cells each when wrapping.
        let wide = DiagnosticRenderer.render(at: "f", String(repeating: "名前 ", count: 10), width: 20)
        for line in wide.split(separator: "\n") { XCTAssertLessThanOrEqual(CellWidth.of(String(line)), 20, String(line)) }
        // A message that fits, or no width, stays on one line.
        XCTAssertEqual(DataError(DataPosition(file: "a.csv"), message).rendered(), "a.csv: error: " + message)
        XCTAssertEqual(DataError(DataPosition(file: "a.csv"), "lyhyt").rendered(width: 40), "a.csv: error: lyhyt")
    }
}
