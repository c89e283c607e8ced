import XCTest

/// The text of reliability and scale on the built-in data at width 80, in English and Finnish,
/// read by a person (see the commit that recorded each file).
final class ReliabilityGoldenTests: XCTestCase {
    func testReliabilityPerAreaAtThePreAssessment() {
        assertGolden(output(of: "responses | where phase == \"pre\" | reliability score by item per area"),
                     "reliability/per-area.txt")
    }

    func testReliabilityPerAreaInFinnish() {
        assertGolden(output(of: "responses | where phase == \"pre\" | reliability score by item per area", language: .fi),
                     "reliability/per-area-fi.txt")
    }

    func testReliabilityOfWideOrdinalItemsWithAReversedOne() {
        assertGolden(output(of: "motivation | reliability employment_relation, work_valued, can_organise, motivation_start reverse motivation_start"),
                     "reliability/wide-reversed.txt")
    }

    func testScaleScoreIntoDelta() {
        assertGolden(output(of: "responses | where area == \"Asiakkaan ohjaus\" | scale score by item into guidance min 3 | delta guidance by phase"),
                     "reliability/scale-delta.txt")
    }

    func testReliabilityDiagnostics() {
        assertGolden(output(of: "participants | reliability org, grade\nresponses | reliability score by item reverse AO9"),
                     "reliability/diagnostics.txt")
    }
}
