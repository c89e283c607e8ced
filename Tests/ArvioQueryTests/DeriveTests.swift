import XCTest

final class DeriveTests: XCTestCase {
    func testDeriveAddsAComputedColumnKeepingWholeNumbersWhole() {
        let result = table("participants | derive missed = 10 - sessions_attended | take 3 | select id, missed")
        XCTAssertEqual(rows(result), [["P01", "0"], ["P02", "2"], ["P03", "4"]])
        if case .integer = result.column(named: "missed")?.data {} else { XCTFail("expected whole numbers") }
    }

    func testDeriveOfAConditionGivesATrueFalseCategory() {
        let result = table("participants | derive early = experience_years < 2 | count by early")
        XCTAssertEqual(rows(result), [["false", "9"], ["true", "7"]])
    }

    func testLaterDerivedColumnsSeeEarlierOnesAndReplaceByName() {
        let result = table("participants | where id == \"P02\" | derive a = grade * 2, b = a + 1, grade = 0 | select a, b, grade")
        XCTAssertEqual(rows(result), [["16", "17", "0"]])
    }

    func testDeriveWithAnAggregateCentresAColumn() {
        let result = table("participants | derive centred = round(grade - mean(grade), 4) | take 1 | select centred")
        XCTAssertEqual(rows(result), [["0.8182"]])
    }

    func testDeriveOfAStringGivesATextColumn() {
        XCTAssertEqual(values(table(#"participants | derive source = "pilot" | take 2"#), "source"), ["pilot", "pilot"])
    }
}
