import ArvioData
@testable import ArvioQuery
import XCTest

/// The `chart` verb builds the right `ChartModel` from a table, and says clearly when the
/// table does not fit the chart.
final class ChartTests: XCTestCase {
    private func chart(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> ChartModel {
        guard let model = table(source, file: file, line: line).chart else {
            XCTFail("the table carries no chart", file: file, line: line)
            return ChartModel(kind: .bar)
        }
        return model
    }

    private func labels(_ model: ChartModel) -> [String] { model.rows.map(\.label.en) }

    func testBarCountsEveryOrganisationInCodebookOrder() {
        let model = chart("participants | chart bar org")
        XCTAssertEqual(model.kind, .bar)
        XCTAssertEqual(model.measure, .count)
        XCTAssertEqual(labels(model), ["Jyväskylän Katulähetys ry", "Jyvässeudun Työttömät ry",
                                       "Työvalmennussäätiö Tekevä", "Jyvälän Setlementti"])
        XCTAssertEqual(model.rows.map(\.values), [[4], [3], [5], [4]])
    }

    func testBarKeepsLevelsNoRowHasAndShowsMissingAsABar() {
        let model = chart("participants | where org == \"Tekevä\" | chart bar org")
        XCTAssertEqual(model.rows.map(\.values), [[0], [0], [5], [0]])
        let grades = chart("participants | chart bar grade")
        XCTAssertEqual(labels(grades), ["7", "8", "9", "missing"])
        XCTAssertEqual(grades.rows.map(\.values), [[2], [5], [4], [5]])
    }

    func testBarInPercentAddsUpToAHundred() {
        let model = chart("participants | chart bar org percent")
        XCTAssertEqual(model.measure, .percent)
        XCTAssertEqual(model.rows.map { $0.values[0] }, [25, 18.75, 31.25, 25])
    }

    func testBarOfACountedTableUsesItsCounts() {
        XCTAssertEqual(chart("participants | count by org | chart bar org").rows.map(\.values), [[4], [3], [5], [4]])
    }

    func testBarOfNumbersByALabelDrawsOneBarPerRow() {
        let model = chart("participants | take 3 | chart bar experience_years by id")
        XCTAssertEqual(model.measure, .value)
        XCTAssertEqual(labels(model), ["P01", "P02", "P03"])
        XCTAssertEqual(model.rows.map(\.values), [[12], [1], [0]])
    }

    func testLikertCountsEachScalePointPerPhaseWithTheNeutralInTheMiddle() {
        let model = chart("responses | where item == \"overall\" | chart likert score by phase")
        XCTAssertEqual(model.kind, .likert)
        XCTAssertEqual(model.series.map(\.fi), ["heikosti", "kohtalaisesti", "jonkin verran", "hyvin", "erinomaisesti"])
        XCTAssertEqual(model.neutral, 2)
        XCTAssertEqual(labels(model), ["pre", "post"])
        // overall: pre 3, 2, 1, 4; post 4, 3, 4 (P03 has no post answer).
        XCTAssertEqual(model.rows.map(\.values), [[1, 1, 1, 1, 0], [0, 0, 1, 2, 0]])
        XCTAssertEqual(model.rows.map { $0.values.reduce(0, +) }, [4, 3])
    }

    func testLikertLeavesMissingAnswersOutWithANote() {
        let model = chart("responses | where phase == \"pre\" | chart likert score by item per phase sorted")
        XCTAssertTrue(model.sortByHigh)
        XCTAssertEqual(labels(model), ["overall", "OH1", "OH2"])
        XCTAssertEqual(model.rows.map { $0.group?.en }, ["pre", "pre", "pre"])
        XCTAssertEqual(model.rows[1].values, [0, 1, 0, 2, 0])  // OH1 pre: 4, missing, 2, 4
        XCTAssertEqual(model.notes.map(\.en), ["1 row with no score left out"])
    }

    func testHistogramTakesTheNumbersAndKnowsWholeNumbers() {
        let model = chart("participants | chart hist experience_years binwidth 5")
        XCTAssertEqual(model.kind, .histogram)
        XCTAssertEqual(model.samples.count, 16)
        XCTAssertEqual(model.binWidth, 5)
        XCTAssertTrue(model.discrete)
    }

    func testDumbbellPairsPreAndPostPerParticipantOnTheScale() {
        let model = chart("responses | where item == \"overall\" | chart dumbbell score by phase per participant")
        XCTAssertEqual(model.kind, .dumbbell)
        XCTAssertEqual(labels(model), ["P01", "P02", "P03", "P08"])
        XCTAssertEqual(model.rows[0].values, [3, 4])
        XCTAssertEqual(model.rows[2].values[0], 1)
        XCTAssertTrue(model.rows[2].values[1].isNaN)
        XCTAssertEqual(model.valueRange, 1...5)
        XCTAssertEqual(model.notes.map(\.en), ["1 of 4 have a value for only one of pre and post"])
    }

    func testDumbbellPerItemAveragesTheParticipants() {
        let model = chart("responses | where participant != \"P03\" | chart dumbbell score by phase per item")
        XCTAssertEqual(labels(model), ["overall", "OH1", "OH2"])
        XCTAssertEqual(model.rows[0].values, [3, 11.0 / 3])
    }

    func testDumbbellReadsColumnsNamedPreAndPost() {
        let model = chart("participants | take 2 | derive pre = experience_years, post = experience_years + 1 | chart dumbbell per id")
        XCTAssertEqual(model.rows.map(\.values), [[12, 13], [1, 2]])
        XCTAssertEqual(model.series.map(\.en), ["pre", "post"])
    }

    func testHeatCountsACrossTabFromRowsOrFromCounts() {
        let raw = chart("participants | chart heat org by entry_route")
        XCTAssertEqual(raw.series.map(\.en), ["employer", "own"])
        XCTAssertEqual(raw.rows.map(\.values), [[2, 2], [2, 1], [4, 1], [2, 2]])
        let counted = chart("participants | count by org, entry_route | chart heat org by entry_route")
        XCTAssertEqual(counted.rows.map(\.values), raw.rows.map(\.values))
    }

    func testStackedBarsSplitEachOrganisationByRoute() {
        let model = chart("participants | chart stacked entry_route by org")
        XCTAssertEqual(model.kind, .stackedBar)
        XCTAssertEqual(model.rows.map(\.values), [[2, 2], [2, 1], [4, 1], [2, 2]])
    }

    func testTitleReplacesTheColumnLabel() {
        XCTAssertEqual(chart("participants | chart bar org title \"Kuvio 1\"").title?.fi, "Kuvio 1")
    }

    func testWidthGivesTheChartItsOwnWidth() {
        XCTAssertEqual(chart("participants | chart bar org width 60 title \"Kuvio 1\"").width, 60)
        XCTAssertNil(chart("participants | chart bar org").width)
        XCTAssertTrue(diagnostic("participants | chart bar org width 5").contains("a width in terminal cells from 20 to 1000"))
    }

    func testAColumnNamedWidthIsStillAColumn() {
        XCTAssertEqual(chart("participants | derive width = org | chart bar width").rows.count, 4)
    }

    func testBarAxesSayWhatIsMeasured() {
        XCTAssertEqual(chart("participants | chart bar org").axisLabel?.en, "count")
        XCTAssertEqual(chart("participants | chart bar org").axisLabel?.fi, "lukumäärä")
        XCTAssertEqual(chart("participants | chart bar org percent").axisLabel?.fi, "prosentti")
        XCTAssertEqual(chart("participants | chart bar entry_route by org percent").axisLabel?.en, "percent")
    }

    func testTheTableBehindAChartHasItsNumbers() {
        let result = table("responses | where item == \"overall\" | chart likert score by phase")
        XCTAssertEqual(result.columnNames, ["phase", "poorly", "moderately", "to some extent", "well", "excellently", "n"])
        XCTAssertEqual(rows(result), [["pre", "1", "1", "1", "1", "0", "4"], ["post", "0", "0", "1", "2", "0", "3"]])
    }

    // MARK: Mistakes

    func testLikertOnNumbersSuggestsAHistogram() {
        XCTAssertEqual(diagnostic("participants | chart likert experience_years"), """
            <stdin>:1:29: error: chart likert needs an ordinal scale (such as score), but "experience_years" holds whole numbers; try chart hist experience_years
            participants | chart likert experience_years
                                        ^~~~~~~~~~~~~~~~
            """)
    }

    func testUnknownKindSuggestsTheClosest() {
        XCTAssertEqual(diagnostic("participants | chart histo experience_years"), """
            <stdin>:1:22: error: there is no chart "histo"; the kinds are bar, stacked, likert, hist, dumbbell, heat
            participants | chart histo experience_years
                                 ^~~~~
            did you mean "hist"?
            """)
    }

    func testHistogramOfCategoriesSuggestsBars() {
        XCTAssertEqual(diagnostic("participants | chart hist org"), """
            <stdin>:1:27: error: chart hist needs numbers, but "org" is categorical; try chart bar org
            participants | chart hist org
                                      ^~~
            """)
    }

    func testOptionOfAnotherKindIsRefused() {
        XCTAssertTrue(diagnostic("participants | chart bar org sorted").contains("\"sorted\" is an option of chart likert, not of chart bar"))
    }

    func testDumbbellNeedsTwoPhases() {
        XCTAssertTrue(diagnostic("responses | chart dumbbell score by item per participant")
            .contains("chart dumbbell needs two phases, but \"item\" has 3 values here"))
    }

    func testMissingColumnsAreReportedWithTheUsage() {
        XCTAssertTrue(diagnostic("participants | chart bar").contains("write it as chart bar org"))
    }

    func testCountsThatAreNegativeOrHugeAreRefusedNotDrawn() {
        XCTAssertTrue(diagnostic("participants | derive n = -5 | chart bar org")
            .contains("the chart counts each row n times, but n is -5 in row 1; a count is a whole number from 0 to 1000000000"))
        XCTAssertTrue(diagnostic("participants | derive n = 4611686018427387904 | chart heat org by entry_route")
            .contains("a count is a whole number from 0 to 1000000000"))
    }

    func testABinWidthGivingMoreThanTenThousandBinsIsRefused() {
        XCTAssertTrue(diagnostic("participants | chart hist experience_years binwidth 0.00000000000000000000001")
            .contains("gives more than 10000 bins for values from 0 to 20; use a width of at least 0.002"))
    }
}
