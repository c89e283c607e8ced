import ArvioData
@testable import ArvioQuery
import XCTest

/// `freq`: counts, percent, valid and cumulative percent, missing in a row of its own.
final class FreqTests: XCTestCase {
    func testFrequenciesOfPostMotivationShowMissingApartFromValidPercent() throws {
        let result = try SurveySmall.run("survey | freq post_motiv")
        XCTAssertEqual(result.columnNames, ["post_motiv", "n", "percent", "valid_percent", "cumulative_percent"])
        XCTAssertEqual(values(result, "post_motiv"), ["1", "2", "3", "4", "5", "missing", "total"])
        XCTAssertEqual(values(result, "n"), ["1", "2", "2", "4", "3", "4", "16"])
        let percent = try XCTUnwrap(result.column(named: "percent")?.data)
        let valid = try XCTUnwrap(result.column(named: "valid_percent")?.data)
        let cumulative = try XCTUnwrap(result.column(named: "cumulative_percent")?.data)
        for (row, expected) in [6.25, 12.5, 12.5, 25, 18.75, 25, 100].enumerated() {
            XCTAssertEqual(percent.number(at: row)!, expected, accuracy: 1e-12)
        }
        for (row, expected) in [100.0 / 12, 200.0 / 12, 200.0 / 12, 400.0 / 12, 25].enumerated() {
            XCTAssertEqual(valid.number(at: row)!, expected, accuracy: 1e-12)
        }
        for (row, expected) in [100.0 / 12, 25, 500.0 / 12, 75, 100].enumerated() {
            XCTAssertEqual(cumulative.number(at: row)!, expected, accuracy: 1e-12)
        }
        XCTAssertNil(valid.number(at: 5), "missing has no valid percent")
        XCTAssertNil(cumulative.number(at: 6))
    }

    func testOrdinalCategoriesComeInScaleOrderIncludingUnusedOnes() {
        let result = table("motivation | freq motivation_start")
        XCTAssertEqual(values(result, "motivation_start"), ["1", "2", "3", "4", "5", "missing", "total"])
        XCTAssertEqual(values(result, "n"), ["1", "4", "4", "3", "3", "1", "16"])
    }

    func testMissingRowIsShownEvenWhenNothingIsMissing() {
        let result = table("participants | freq org")
        XCTAssertEqual(values(result, "org"), ["Katulähetys", "Työttömät", "Tekevä", "Setlementti", "missing", "total"])
        XCTAssertEqual(values(result, "n"), ["4", "3", "5", "4", "0", "16"])
    }

    func testLabelsFollowTheSessionLanguage() throws {
        var session = Session(workspace: Fixtures.workspace, language: .fi)
        let result = try XCTUnwrap(session.run("motivation | freq motivation_start").last?.table)
        guard case .categorical(let c, _) = result.columns[0].data else { return XCTFail("not categorical") }
        XCTAssertEqual(c.levels.map { $0.display(.fi) }.suffix(3), ["erinomaisesti", "puuttuu", "Yhteensä"])
    }

    func testFreqOfUnknownColumnSuggestsTheClosest() {
        XCTAssertTrue(diagnostic("participants | freq gradee").hasSuffix("did you mean \"grade\"?"))
    }

    func testNumbersBecomeCategoriesInAscendingOrder() {
        let result = table("participants | freq grade")
        XCTAssertEqual(values(result, "grade"), ["7", "8", "9", "missing", "total"])
        XCTAssertEqual(values(result, "n"), ["2", "5", "4", "5", "16"])
    }
}
