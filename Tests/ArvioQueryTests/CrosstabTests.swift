import ArvioData
import ArvioStats
@testable import ArvioQuery
import XCTest

/// `crosstab` on the validation fixture `Tests/Fixtures/reference/survey-small.csv`: every value
/// of `survey-small.expected.md` that a cross-tab shows, read through the verb, to 1e-6.
final class CrosstabTests: XCTestCase {
    // MARK: org × entry_route (4×2)

    func testOrgByEntryRouteMatchesPSPPAndR() throws {
        let result = try SurveySmall.run("survey | crosstab org by entry_route")
        try SurveySmall.assert(result, "Pearson chi-square", value: 0.761905, df: 3, p: 0.858555)
        try SurveySmall.assert(result, "Likelihood ratio G²", value: 0.795841, df: 3, p: 0.850462)
        try SurveySmall.assert(result, "Cramér's V (unadjusted)", value: 0.218218)
        try SurveySmall.assert(result, "Contingency coefficient C", value: 0.213201)
        try SurveySmall.assert(result, "Fisher–Freeman–Halton exact test", p: 1, method: "exact (network algorithm)")
        XCTAssertNil(SurveySmall.statistic(result, "Goodman–Kruskal gamma"), "org is not ordered")
        XCTAssertEqual(SurveySmall.cell(result, row: "East", column: "employer"), 3)
        XCTAssertEqual(SurveySmall.cell(result, row: "Total", column: "total"), 16)
        let warning = result.statistics[0].notes.map(\.en).joined()
        XCTAssertTrue(warning.hasPrefix("Cochran's rule is not met: 8 of 8 cells (100.0%) have an expected count below 5 (the smallest is 1.75)"), warning)
        XCTAssertTrue(warning.hasSuffix("the Pearson and likelihood-ratio p-values are approximate, so rely on Fisher's exact test"), warning)
    }

    func testOrgByEntryRouteCellsGiveExpectedCountsAndBothResiduals() throws {
        let result = try SurveySmall.run("survey | crosstab org by entry_route cells count, expected, resid, adjresid")
        XCTAssertEqual(result.columnNames, ["org", "cell", "employer", "own", "total"])
        XCTAssertEqual(SurveySmall.cell(result, row: "North", kind: "expected", column: "employer")!, 2.25, accuracy: 1e-12)
        XCTAssertEqual(SurveySmall.cell(result, row: "North", kind: "expected", column: "own")!, 1.75, accuracy: 1e-12)
        XCTAssertEqual(SurveySmall.cell(result, row: "East", kind: "resid", column: "employer")!, 0.5, accuracy: 1e-6)
        XCTAssertEqual(SurveySmall.cell(result, row: "East", kind: "resid", column: "own")!, -0.566947, accuracy: 1e-6)
        XCTAssertEqual(SurveySmall.cell(result, row: "West", kind: "resid", column: "employer")!, -0.166667, accuracy: 1e-6)
        XCTAssertEqual(SurveySmall.cell(result, row: "West", kind: "resid", column: "own")!, 0.188982, accuracy: 1e-6)
        XCTAssertEqual(SurveySmall.cell(result, row: "East", kind: "adjresid", column: "employer")!, 0.872872, accuracy: 1e-6)
        XCTAssertEqual(SurveySmall.cell(result, row: "South", kind: "adjresid", column: "own")!, 0.290957, accuracy: 1e-6)
        XCTAssertNil(SurveySmall.cell(result, row: "Total", kind: "resid", column: "own"), "residuals have no margin")
        XCTAssertEqual(SurveySmall.cell(result, row: "Total", kind: "expected", column: "own"), 7)
    }

    func testCellColumnsSayPerRowWhetherTheyHoldCountsOrPercentages() throws {
        let mixed = try SurveySmall.run("survey | crosstab org by entry_route cells count, row, expected")
        XCTAssertEqual(mixed.column(named: "employer")?.format,
                       .perRow(column: "cell", formats: ["count": .count, "row": .percent]))
        let percent = try SurveySmall.run("survey | crosstab org by entry_route cells column")
        XCTAssertEqual(percent.column(named: "own")?.format, .percent)
        let counts = try SurveySmall.run("survey | crosstab org by entry_route")
        XCTAssertEqual(counts.column(named: "own")?.type, .integer, "counts alone stay whole numbers")
    }

    func testPercentagesAddUpAlongTheirMargin() throws {
        let result = try SurveySmall.run("survey | crosstab org by entry_route cells row, column, total")
        XCTAssertEqual(SurveySmall.cell(result, row: "East", kind: "row", column: "employer")!, 75, accuracy: 1e-12)
        XCTAssertEqual(SurveySmall.cell(result, row: "East", kind: "row", column: "total")!, 100, accuracy: 1e-12)
        XCTAssertEqual(SurveySmall.cell(result, row: "East", kind: "column", column: "employer")!, 100 * 3 / 9.0, accuracy: 1e-12)
        XCTAssertEqual(SurveySmall.cell(result, row: "Total", kind: "column", column: "own")!, 100, accuracy: 1e-12)
        XCTAssertEqual(SurveySmall.cell(result, row: "East", kind: "total", column: "own")!, 6.25, accuracy: 1e-12)
        XCTAssertEqual(SurveySmall.cell(result, row: "Total", kind: "total", column: "total")!, 100, accuracy: 1e-12)
    }

    // MARK: entry_route × improved (2×2, 12 complete pairs)

    func testEntryRouteByImprovedGivesFisherNineteenThirtyThirdsNotPSPPs() throws {
        let result = try SurveySmall.run("survey | derive improved = post_motiv > pre_motiv | crosstab entry_route by improved")
        try SurveySmall.assert(result, "Pearson chi-square", value: 0.685714, df: 1, p: 0.407626)
        try SurveySmall.assert(result, "Yates-corrected chi-square", value: 0.042857, df: 1, p: 0.835994)
        try SurveySmall.assert(result, "Likelihood ratio G²", value: 0.711602, df: 1, p: 0.398912)
        try SurveySmall.assert(result, "Fisher's exact test", p: 19.0 / 33, method: "exact (network algorithm)")
        try SurveySmall.assert(result, "Fisher's exact, one-sided (OR > 1)", p: 0.424242)
        try SurveySmall.assert(result, "Fisher's exact, one-sided (OR < 1)", p: 0.929293)
        try SurveySmall.assert(result, "Phi (unsigned)", value: 0.239046)
        try SurveySmall.assert(result, "Cramér's V (unadjusted)", value: 0.239046)
        XCTAssertEqual(SurveySmall.cell(result, row: "employer", column: "false"), 3)
        XCTAssertEqual(SurveySmall.cell(result, row: "own", column: "true"), 4)
        XCTAssertTrue(result.notes.contains { $0.en == "left out 4 rows with a missing entry_route or improved" })
    }

    // MARK: attrition: entry_route × responded_post, org × responded_post, org × improved

    func testEntryRouteByRespondedGivesFisherExactlyOneNotPSPPs() throws {
        let result = try SurveySmall.run("survey | derive responded_post = post_motiv is not missing | crosstab entry_route by responded_post")
        try SurveySmall.assert(result, "Pearson chi-square", value: 0.084656, df: 1, p: 0.771084)
        try SurveySmall.assert(result, "Likelihood ratio G²", value: 0.084239, df: 1, p: 0.771633)
        try SurveySmall.assert(result, "Yates-corrected chi-square", value: 0, df: 1, p: 1)
        try SurveySmall.assert(result, "Fisher's exact test", p: 1)
        try SurveySmall.assert(result, "Fisher's exact, one-sided (OR < 1)", p: 0.607692)
        try SurveySmall.assert(result, "Phi (unsigned)", value: 0.072739)
        XCTAssertFalse(result.notes.contains { $0.en.hasPrefix("left out") }, "nobody is missing here")
    }

    func testOrgByRespondedGivesFreemanHaltonThreeNinetyOneOverFourFiftyFive() throws {
        let result = try SurveySmall.run("survey | derive responded_post = post_motiv is not missing | crosstab org by responded_post")
        try SurveySmall.assert(result, "Pearson chi-square", value: 2.666667, df: 3, p: 0.445922)
        try SurveySmall.assert(result, "Fisher–Freeman–Halton exact test", p: 391.0 / 455, method: "exact (network algorithm)")
    }

    func testOrgByImprovedGivesFreemanHaltonOne() throws {
        let result = try SurveySmall.run("survey | derive improved = post_motiv > pre_motiv | crosstab org by improved")
        try SurveySmall.assert(result, "Pearson chi-square", value: 0.375, df: 3, p: 0.945357)
        try SurveySmall.assert(result, "Fisher–Freeman–Halton exact test", p: 1)
    }

    // MARK: two ordered variables

    func testPreByPostMotivationGivesGammaAndTauBWithTheirPValues() throws {
        let result = try SurveySmall.run("survey | crosstab pre_motiv by post_motiv")
        try SurveySmall.assert(result, "Goodman–Kruskal gamma", value: 0.727273, p: 0.000678)
        try SurveySmall.assert(result, "Kendall's tau-b", value: 0.592694, p: 0.018191,
                               method: "normal approximation, tie-corrected")
        XCTAssertNotNil(SurveySmall.statistic(result, "Linear-by-linear trend"))
        XCTAssertTrue(result.notes.contains { $0.en == "left out 4 rows with a missing pre_motiv or post_motiv" })
    }

    func testOrdinalScalesGetOrdinalMeasuresButCategoriesDoNot() {
        XCTAssertNotNil(SurveySmall.statistic(table("responses | join motivation on participant | crosstab motivation_start by score"),
                                              "Kendall's tau-b"))
        XCTAssertNil(SurveySmall.statistic(table("responses | crosstab item by score"), "Kendall's tau-b"))
    }

    // MARK: layout and edge cases

    func testCountsOnlyGiveOneRowPerCategoryPlusTotalWithIntegerCells() {
        let result = table("participants | crosstab entry_route by post_status")
        XCTAssertEqual(result.columnNames, ["entry_route", "responded", "moved", "dropped_out", "no_time", "total"])
        XCTAssertEqual(rows(result), [
            ["employer", "6", "1", "1", "2", "10"], ["own", "6", "0", "0", "0", "6"], ["total", "12", "1", "1", "2", "16"],
        ])
        XCTAssertEqual(values(result, "entry_route").last, "total")
        if case .integer = result.columns[1].data {} else { XCTFail("count cells are whole numbers") }
    }

    func testCategoriesNobodyHasAreLeftOutOfTheTable() {
        let result = table(#"participants | where post_status == "responded" | crosstab entry_route by grade"#)
        XCTAssertFalse(result.columnNames.contains("moved"))
        XCTAssertTrue(result.notes.contains { $0.en.hasPrefix("left out") }, "grade is missing for some")
    }

    func testATableWithOneColumnCategoryHasNoTestsAndSaysWhy() {
        let result = table(#"participants | where post_status == "responded" | crosstab entry_route by post_status"#)
        XCTAssertTrue(result.statistics.isEmpty)
        XCTAssertTrue(result.notes.contains { $0.en.hasPrefix("no tests") })
    }

    func testAllCellsListsEveryKindOnce() {
        let result = table("participants | crosstab entry_route by post_status cells count, all")
        // `all` is every kind `cells` names; the interval bounds come only with `ci`.
        let kinds = ["count", "row", "column", "total", "expected", "resid", "adjresid"]
        XCTAssertEqual(Set(values(result, "cell")), Set(kinds))
        XCTAssertEqual(result.rowCount, 3 * kinds.count)
    }

    // MARK: diagnostics

    func testUnknownColumnSuggestsTheClosest() {
        XCTAssertEqual(diagnostic("participants | crosstab entry_rout by post_status"), """
            <stdin>:1:25: error: there is no column "entry_rout" in participants
            participants | crosstab entry_rout by post_status
                                    ^~~~~~~~~~
            did you mean "entry_route"?
            """)
    }

    func testANumberWithTooManyValuesIsRefusedWithAHint() {
        let message = diagnostic("participants | derive x = experience_years * 100 + sessions_attended | crosstab x by org")
        XCTAssertTrue(message.contains("crosstab needs categories, but \"x\" is a number column with 15 different values (at most 12 can be categories)"), message)
    }

    func testUnknownCellKindListsTheKindsAndSuggestsOne() {
        let message = diagnostic("participants | crosstab org by entry_route cells count, rows")
        XCTAssertTrue(message.contains("there is no cell kind \"rows\"; cells can be count, row, column, total, expected, resid, adjresid, col, all"), message)
        XCTAssertTrue(message.hasSuffix("did you mean \"row\"?"), message)
    }

    func testMissingByAndTrailingWordsAreSyntaxErrors() {
        XCTAssertTrue(diagnostic("participants | crosstab org entry_route").contains("expected \"by\" and a second column"))
        XCTAssertTrue(diagnostic("participants | crosstab org by entry_route count").contains("expected \"cells\" and what to show"))
        XCTAssertTrue(diagnostic("participants | crosstab org by org").contains("cross-tabulated with itself"))
    }
}

/// The validation fixture as a workspace with one table, `survey`, and readers for results.
enum SurveySmall {
    static let path: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/ArvioQueryTests/CrosstabTests.swift
        return parts.joined(separator: "/") + "/Tests/Fixtures/reference/survey-small.csv"
    }()

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Runs `source` on the fixture and returns the last table.
    static func run(_ source: String) throws -> Table {
        var workspace = Workspace()
        workspace.add(try CSVReader.read(path: path, name: "survey"))
        var session = Session(workspace: workspace)
        guard let table = try session.run(source).last?.table else { throw Failure(description: "no table") }
        return table
    }

    /// The statistic called `name` (in English) in any block.
    static func statistic(_ table: Table, _ name: String) -> Statistic? {
        table.statistics.lazy.flatMap(\.entries).first { $0.name.en == name }
    }

    /// Checks a statistic's value, df, p and method (those given) to 1e-6.
    static func assert(_ table: Table, _ name: String, value: Double? = nil, df: Double? = nil, p: Double? = nil,
                       method: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let s = statistic(table, name) else {
            throw Failure(description: "no statistic \"\(name)\"; have \(table.statistics.flatMap(\.entries).map(\.name.en))")
        }
        if let value { XCTAssertEqual(s.value ?? .nan, value, accuracy: 1e-6, "\(name) value", file: file, line: line) }
        if let df { XCTAssertEqual(s.df ?? .nan, df, accuracy: 1e-12, "\(name) df", file: file, line: line) }
        if let p { XCTAssertEqual(s.p ?? .nan, p, accuracy: 1e-6, "\(name) p", file: file, line: line) }
        if let method { XCTAssertEqual(s.method?.en, method, "\(name) method", file: file, line: line) }
    }

    /// The number in the row whose first column shows `row` (and whose `cell` is `kind`), in `column`.
    static func cell(_ table: Table, row: String, kind: String? = nil, column: String) -> Double? {
        guard let first = table.columns.first, let target = table.column(named: column) else { return nil }
        for r in 0..<table.rowCount {
            guard label(first.data, r).map({ $0 == "total" ? "Total" : $0 }) == row else { continue }
            if let kind, let cellColumn = table.column(named: "cell"), label(cellColumn.data, r) != kind { continue }
            return target.data.number(at: r)
        }
        return nil
    }

    /// The value of a category cell.
    private static func label(_ data: ColumnData, _ row: Int) -> String? {
        guard case .categorical(let c, _) = data else { return nil }
        return c.level(at: row)?.value
    }
}

/// Counting stays linear in the rows and Fisher's test is skipped on large tables.
final class CrosstabScaleTests: XCTestCase {
    func testAHundredThousandRowsAreCountedWithoutFisher() throws {
        let n = 100_000
        let a = Column(name: "a", data: .categorical(CategoricalData(
            codes: Codes((0..<n).map { UInt32($0 % 3 + 1) }, levelCount: 3),
            levels: ["x", "y", "z"].map { Level(value: $0) }), ordered: false))
        let b = Column(name: "b", data: .categorical(CategoricalData(
            codes: Codes((0..<n).map { UInt32(($0 / 7) % 2 + 1) }, levelCount: 2),
            levels: ["p", "q"].map { Level(value: $0) }), ordered: false))
        var workspace = Workspace()
        workspace.add(Table(name: "big", columns: [a, b]))
        var session = Session(workspace: workspace)
        let result = try XCTUnwrap(session.run("big | crosstab a by b").last?.table)
        XCTAssertEqual(result.column(named: "total")?.data.number(at: 3), Double(n))
        XCTAssertNil(SurveySmall.statistic(result, "Fisher–Freeman–Halton exact test"))
        XCTAssertTrue(result.statistics[0].notes.contains { $0.en.hasPrefix("Fisher's exact test is not computed for n above 10000") })
    }

    /// Cochran's rule: one of sixteen cells below 5 (6%, none below 1) is no reason to doubt the
    /// chi-square test; any cell below 1 is.
    func testTheSmallExpectedNoteFollowsCochransRule() throws {
        let oneSmall = try ContingencyTable([[40, 40, 40, 10], [40, 40, 40, 10], [40, 40, 40, 10], [10, 10, 10, 10]])
        let pearson = PearsonChiSquareTest(oneSmall)
        XCTAssertEqual(pearson.cellsWithExpectedBelowFive, 1)
        XCTAssertNil(CrosstabStatistics.smallExpected(pearson, cells: 16, fisher: nil))
        let belowOne = try ContingencyTable([[40, 40, 1], [40, 40, 0], [40, 40, 1]])
        let note = try XCTUnwrap(CrosstabStatistics.smallExpected(PearsonChiSquareTest(belowOne), cells: 9,
                                                                  fisher: try FisherExactTest(belowOne, workLimit: 1)))
        XCTAssertTrue(note.en.hasSuffix("so rely on Fisher's test (here a Monte Carlo estimate with its interval)"), note.en)
    }
}
