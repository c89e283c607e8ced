import ArvioData
@testable import ArvioRender
import XCTest

/// The display hints on columns: text and Markdown follow them, CSV and JSON keep full precision.
final class ColumnFormatTests: XCTestCase {
    /// Two rows of a cross-tab with a count row and a percentage row, a measure and a p-value.
    static var table: Table {
        let kinds = [Level(value: "count", label: Localized(en: "count", fi: "lukumäärä")),
                     Level(value: "row", label: Localized(en: "row %", fi: "rivi-%"))]
        return Table(name: "t", columns: [
            Column(name: "cell", data: .categorical(CategoricalData(codes: .u8([1, 2]), levels: kinds), ordered: false)),
            Column(name: "yes", data: .decimal([7, 63.6363]),
                   format: .perRow(column: "cell", formats: ["count": .count, "row": .percent])),
            Column(name: "value", data: .decimal([0.84712, -0.5]), format: .statistic),
            Column(name: "p", data: .decimal([0.00012, 0.67412]), format: .pValue),
        ])
    }

    func testTextShowsPValuesCountsAndStatisticsAsTheirColumnsSay() {
        XCTAssertEqual(TableRenderer.render(Self.table, format: .text), """
            cell     yes   value        p
            ─────  ─────  ──────  ───────
            count   7      0.847  < 0.001
            row %  63.64  -0.500    0.674

            """)
    }

    func testMarkdownFollowsTheHintsWithoutPadding() {
        let lines = TableRenderer.render(Self.table, format: .markdown).split(separator: "\n")
        XCTAssertEqual(lines[2], "| count | 7 | 0.847 | < 0.001 |")
        XCTAssertEqual(lines[3], "| row % | 63.64 | -0.500 | 0.674 |")
    }

    func testCSVAndJSONKeepFullPrecision() {
        let csv = TableRenderer.render(Self.table, format: .csv)
        XCTAssertTrue(csv.contains("count,7,0.84712,0.00012\r\n"), csv)
        let json = TableRenderer.render(Self.table, format: .json)
        XCTAssertTrue(json.contains("[\"count\", 7, 0.84712, 0.00012]"), json)
    }

    func testAPerRowFormatWithoutItsColumnShowsDecimals() {
        var table = Self.table
        table.columns.removeFirst()
        XCTAssertTrue(TableRenderer.render(table, format: .text).contains(" 7.00"))
    }
}
