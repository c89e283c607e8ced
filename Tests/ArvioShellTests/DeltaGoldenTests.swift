import XCTest

/// The text of delta, attrition and associate on the built-in data, checked by a person
/// against R (see the commit that recorded each file).
final class DeltaGoldenTests: XCTestCase {
    func testDeltaOverAllItems() {
        assertGolden(output(of: "responses | delta score by phase"), "delta/all-items.txt")
    }

    func testDeltaPerArea() {
        assertGolden(output(of: "responses | delta score by phase per area", width: 120), "delta/per-area.txt")
    }

    func testDeltaPerAreaAt80CutsTheAreaLabelsBeforeLeavingColumnsOut() {
        let text = output(of: "responses | delta score by phase per area")
        XCTAssertTrue(text.contains("  worse  pre_only"), "keeps columns the labels made room for")
        assertGolden(text, "delta/per-area-80.txt")
    }

    func testDeltaPerParticipantOnTheOverallItem() {
        assertGolden(output(of: "responses | where item == \"overall\" | delta score by phase per participant"),
                     "delta/per-participant.txt")
    }

    func testDeltaPerEntryRoute() {
        assertGolden(output(of: "responses | where item == \"overall\" | join participants | delta score by phase per entry_route"),
                     "delta/per-entry-route.txt")
    }

    func testAttrition() {
        assertGolden(output(of: "participants | join motivation | attrition", width: 120), "delta/attrition.txt")
    }

    func testAssociate() {
        assertGolden(output(of: "participants | join motivation | associate motivation_start", width: 120), "delta/associate.txt")
    }

    func testAttritionAndAssociatePrintPValuesAsPValues() {
        let attrition = output(of: "participants | attrition")
        XCTAssertTrue(attrition.contains("  0.674  "), "three places")
        XCTAssertFalse(attrition.contains("  0.67  "))
        let associate = output(of: "participants | join motivation | associate motivation_start")
        XCTAssertTrue(associate.contains("< 0.001"), "tiny p-values as < 0.001, not 0.00")
        XCTAssertTrue(associate.contains("  0.855  "), "measures with three places, as in statistics blocks")
    }

    func testDeltaDiagnostics() {
        assertGolden(output(of: "responses | delta score by item on participant\nresponses | delta scor by phase"),
                     "delta/diagnostics.txt")
    }
}
