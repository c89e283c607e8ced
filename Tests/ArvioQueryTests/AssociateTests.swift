import ArvioData
@testable import ArvioQuery
import XCTest

final class AssociateTests: XCTestCase {
    func testAssociateRanksColumnsStrongestFirstAndSkipsIdentifiers() {
        let t = table("participants | join motivation | associate motivation_start")
        let strengths = (0..<t.rowCount).map { abs(t.column(named: "value")!.data.number(at: $0)!) }
        XCTAssertEqual(strengths, strengths.sorted(by: >))
        XCTAssertFalse(values(t, "column").contains("id"))
        XCTAssertTrue(t.notes.contains { $0.en.contains("id (identifier: every value differs)") })
    }

    func testValuesAreMarkedAsStatisticsAndPAsPValues() {
        let t = table("participants | join motivation | associate motivation_start")
        XCTAssertEqual(t.column(named: "value")?.format, .statistic)
        XCTAssertEqual(t.column(named: "p")?.format, .pValue)
        XCTAssertNil(t.column(named: "n")?.format)
    }

    func testEntryRouteAgainstAScaleIsRankBiserialWithAnExactP() {
        let t = table("participants | join motivation | associate motivation_start")
        let row = values(t, "column").firstIndex(of: "entry_route")!
        XCTAssertTrue(values(t, "measure")[row].hasPrefix("rank-biserial r"))
        XCTAssertTrue(values(t, "p_method")[row].contains("exact"))
    }

    func testTwoCategoriesUseCramersVWithFisher() {
        let t = table("participants | associate entry_route")
        let row = values(t, "column").firstIndex(of: "org")!
        XCTAssertEqual(values(t, "measure")[row], "Cramér's V")
        XCTAssertTrue(values(t, "p_method")[row].hasPrefix("Fisher"))
    }

    func testAConstantOutcomeIsAnError() {
        let message = diagnostic("participants | where org == \"Tekevä\" | associate org")
        XCTAssertTrue(message.contains("only one value"), message)
    }
}
