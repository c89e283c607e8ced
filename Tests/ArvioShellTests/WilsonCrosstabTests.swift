import ArvioData
import ArvioQuery
import XCTest

/// Wilson 95% intervals of crosstab percentages (`cells row, column, total ci`) and of `pct()`
/// (`pct_low`, `pct_high`), against R's prop.test(correct = FALSE) on the built-in data:
/// Tests/Fixtures/wilson/wilson_crosstab.R made wilson_crosstab.csv beside it.
final class WilsonCrosstabTests: XCTestCase {
    private struct Reference { var kind, row, column: String; var low, high: Double }

    private static let reference: [Reference] = {
        let path = TestSupport.root + "/Tests/Fixtures/wilson/wilson_crosstab.csv"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 7, let low = Double(f[5]), let high = Double(f[6]) else { return nil }
            return Reference(kind: f[0], row: f[1], column: f[2], low: low, high: high)
        }
    }()

    private func run(_ source: String) throws -> Table {
        var session = Session(workspace: TestSupport.builtIn)
        return try XCTUnwrap(try session.run(source).last?.table)
    }

    private func value(_ column: Column?, _ row: Int) -> String? {
        switch column?.data {
        case .categorical(let c, _)?: c.level(at: row)?.value
        case .text(let v)?: v[row]
        default: nil
        }
    }

    private func number(_ table: Table, kind: String, row: String, column: String,
                        first: String = "entry_route") -> Double? {
        guard case .decimal(let v)? = table.column(named: column)?.data else { return nil }
        let cell = table.column(named: "cell"), rows = table.column(named: first)
        return (0..<table.rowCount).first { value(rows, $0) == row && value(cell, $0) == kind }.map { v[$0] }
    }

    func testRowColumnAndTotalIntervalsMatchPropTest() throws {
        let table = try run("participants | crosstab entry_route by post_status cells count, row, column, total ci")
        let cases = Self.reference.filter { $0.kind != "pct" }
        XCTAssertEqual(cases.count, 36)
        for r in cases {
            let low = try XCTUnwrap(number(table, kind: r.kind + "_low", row: r.row, column: r.column), "\(r)")
            let high = try XCTUnwrap(number(table, kind: r.kind + "_high", row: r.row, column: r.column), "\(r)")
            XCTAssertEqual(low, r.low, accuracy: 1e-9, "\(r)")
            XCTAssertEqual(high, r.high, accuracy: 1e-9, "\(r)")
        }
        // A share that is 100% by definition has no interval.
        XCTAssertEqual(number(table, kind: "row_low", row: "own", column: "total").map { $0.isNaN }, true)
        XCTAssertEqual(number(table, kind: "column_high", row: "total", column: "moved").map { $0.isNaN }, true)
        XCTAssertEqual(number(table, kind: "total_low", row: "total", column: "total").map { $0.isNaN }, true)
        let notes = table.notes.map(\.en).joined(separator: "\n")
        XCTAssertTrue(notes.contains("row % low, row % high; column % low, column % high; total % low, total % high: Wilson 95% score interval"), notes)
        XCTAssertTrue(notes.contains("(n = 16 in all)"), notes)
    }

    func testTheIntervalsFollowTheirPercentage() throws {
        let table = try run("participants | crosstab entry_route by post_status cells row ci")
        let kinds = (0..<3).map { value(table.column(named: "cell"), $0) }
        XCTAssertEqual(kinds, ["row", "row_low", "row_high"])
    }

    func testOnAJoinedTableTheIntervalsAreOfParticipants() throws {
        let joined = try run("responses | join participants | crosstab entry_route by post_status cells row ci")
        let r = try XCTUnwrap(Self.reference.first { $0.kind == "row" && $0.row == "employer" && $0.column == "responded" })
        XCTAssertEqual(try XCTUnwrap(number(joined, kind: "row_low", row: "employer", column: "responded")), r.low, accuracy: 1e-9)
    }

    func testCiNeedsAPercentage() {
        var session = Session(workspace: TestSupport.builtIn)
        XCTAssertThrowsError(try session.run("participants | crosstab entry_route by post_status ci")) { error in
            XCTAssertTrue("\(error)".contains("\"ci\" gives intervals of percentages"), "\(error)")
        }
        XCTAssertThrowsError(try session.run("participants | crosstab entry_route by post_status cells row_low")) { error in
            XCTAssertTrue("\(error)".contains("there is no cell kind \"row_low\""), "\(error)")
        }
    }

    func testPctLowAndHighMatchPropTest() throws {
        let table = try run("participants | group org aggregate p = pct(post_status == \"responded\"), low = pct_low(post_status == \"responded\"), high = pct_high(post_status == \"responded\")")
        guard case .decimal(let low)? = table.column(named: "low")?.data,
              case .decimal(let high)? = table.column(named: "high")?.data else { return XCTFail("no low/high") }
        let cases = Self.reference.filter { $0.kind == "pct" }
        XCTAssertEqual(cases.count, 4)
        for r in cases {
            let row = try XCTUnwrap((0..<table.rowCount).first { value(table.column(named: "org"), $0) == r.row }, r.row)
            XCTAssertEqual(low[row], r.low, accuracy: 1e-9, r.row)
            XCTAssertEqual(high[row], r.high, accuracy: 1e-9, r.row)
        }
        let notes = table.notes.map(\.en).filter { $0.hasPrefix("pct_low, pct_high: Wilson 95%") }
        XCTAssertEqual(notes.count, 1, "one note for both bounds")
    }

    func testPctLowNeedsACondition() {
        var session = Session(workspace: TestSupport.builtIn)
        XCTAssertThrowsError(try session.run("participants | group org aggregate pct_low(grade)")) { error in
            XCTAssertTrue("\(error)".contains("pct_low() needs a condition"), "\(error)")
        }
    }
}
