import ArvioData
import XCTest

/// How `crosstab` prints on the built-in data; every number in these files was checked against
/// R (`chisq.test`, `fisher.test`, `vcd::assocstats`, `DescTools`) before it was committed.
final class CrosstabGoldenTests: XCTestCase {
    func testEntryRouteByPostStatus() {
        assertGolden(output(of: "participants | crosstab entry_route by post_status"),
                     "crosstab/entry-route-by-post-status.txt")
    }

    func testMotivationByEntryRouteWithFourCellKinds() {
        assertGolden(output(of: "participants | join motivation | crosstab motivation_start by entry_route cells count, row, expected, resid"),
                     "crosstab/motivation-by-entry-route-cells.txt")
    }

    func testCountRowsPrintWholeNumbersAlignedOnThePoint() {
        let text = output(of: "participants | crosstab entry_route by post_status cells count, row")
        XCTAssertTrue(text.contains("count       7      1"), "counts whole, aligned with the percentages' units")
        XCTAssertTrue(text.contains("row %      63.64   9.09"))
        assertGolden(text, "crosstab/entry-route-by-post-status-count-row.txt")
    }

    func testTwoOrdinalScalesGetOrdinalMeasures() {
        assertGolden(output(of: "participants | join motivation | crosstab motivation_start by employment_relation"),
                     "crosstab/motivation-by-employment-relation.txt")
    }

    func testFinnish() {
        assertGolden(output(of: "participants | crosstab entry_route by prior_guidance_training cells count, column", language: .fi),
                     "crosstab/entry-route-by-prior-training.fi.txt")
    }

    func testJSONCarriesEveryStatisticAtFullPrecision() {
        assertGolden(output(of: ".format json\nparticipants | crosstab entry_route by prior_guidance_training"),
                     "crosstab/entry-route-by-prior-training.json")
    }

    /// The JSON of an analysis on a joined response table names the unit it counted: 16
    /// participants of 336 rows (Tests/Fixtures/units/reference.R).
    func testJSONNamesTheUnit() {
        assertGolden(output(of: ".format json\nresponses | join participants | crosstab entry_route by post_status"),
                     "crosstab/entry-route-by-post-status-joined.json")
    }

    func testUnknownCellKind() {
        assertGolden(output(of: "participants | crosstab org by entry_route cells count, rows"),
                     "crosstab/unknown-cell-kind.txt")
    }
}
