import XCTest
import ArvioData

/// Every kind of chart drawn by the `chart` verb on the built-in data, as the shell prints it:
/// in Unicode and ASCII, at widths 80 and 50, and in Finnish. The golden files were read and
/// their numbers checked by hand before they were committed.
final class ChartGoldenTests: XCTestCase {
    /// Records `statement` in both character sets at widths 80 and 50, and in Finnish at 80.
    private func assertCharts(_ name: String, _ statement: String, file: StaticString = #filePath, line: UInt = #line) {
        for charset in ["unicode", "ascii"] {
            for width in [80, 50] {
                assertGolden(output(of: ".width \(width)\n.charset \(charset)\n" + statement),
                             "chart/\(name)-\(charset)-\(width).txt", file: file, line: line)
            }
        }
        assertGolden(output(of: statement, language: .fi), "chart/\(name)-fi.txt", file: file, line: line)
    }

    func testBarOfCountsPerOrganisation() {
        assertCharts("bar", "participants | chart bar org")
    }

    func testBarFromACountedTableDrawsTheSameBars() {
        XCTAssertEqual(output(of: "participants | count by org | chart bar org"), output(of: "participants | chart bar org"))
    }

    func testGroupedBarsInPercentOfEachPhase() {
        assertCharts("grouped", "responses | where item == \"overall\" | chart bar score by phase percent")
    }

    func testStackedBarsOfPostStatusPerOrganisation() {
        assertCharts("stacked", "participants | chart stacked post_status by org")
    }

    func testFigure17LikertPreAndPost() {
        assertCharts("likert", "responses | where item == \"overall\" | chart likert score by phase")
    }

    func testLikertOfEveryItemAtTheStartSortedByHighShare() {
        assertCharts("likert-items", "responses | where phase == \"pre\" | chart likert score by item sorted")
    }

    func testHistogramOfExperience() {
        assertCharts("hist", "participants | chart hist experience_years")
    }

    func testDumbbellPerParticipant() {
        assertCharts("dumbbell", "responses | where item == \"overall\" | chart dumbbell score by phase per participant")
    }

    func testHeatMapOfOrganisationByPostStatus() {
        assertCharts("heat", "participants | chart heat org by post_status")
    }

    func testHeatFromACountedTableDrawsTheSameMap() {
        XCTAssertEqual(output(of: "participants | count by org, post_status | chart heat org by post_status"),
                       output(of: "participants | chart heat org by post_status"))
    }

    func testChartCarriesItsNumbersToCSV() {
        assertGolden(output(of: ".format csv\nresponses | where item == \"overall\" | chart likert score by phase"),
                     "chart/likert-csv.txt")
    }

    func testHeatMapOfACrossTabLeavesOutItsMargins() {
        assertGolden(output(of: "participants | crosstab org by post_status | chart heat"), "chart/heat-from-crosstab.txt")
    }
}

/// The README shows Figure 17 exactly as the shell draws it.
final class ReadmeFigure17Tests: XCTestCase {
    func testTheReadmeShowsFigure17AsArvioDrawsIt() throws {
        let statement = "responses | where item == \"overall\" | chart likert score by phase title \"Figure 17\""
        let readme = String(decoding: try FileIO.read(TestSupport.root + "/README.md"), as: UTF8.self)
        XCTAssertTrue(readme.contains("arvio> " + statement + "\n" + output(of: statement) + "```"),
                      "README's Figure 17 differs from:\n" + output(of: statement))
    }
}
