import XCTest

/// Missing is a value of its own: comparisons with it are unknown (never true), `not unknown`
/// is unknown, `unknown or true` is true, aggregates skip it and say so.
final class MissingValueTests: XCTestCase {
    func testNotEqualDoesNotKeepMissing() {
        XCTAssertEqual(rows(table("participants | where grade != 8 | count")), [["6"]])
    }

    func testNotOfUnknownIsUnknown() {
        XCTAssertEqual(rows(table("participants | where not (grade == 8) | count")), [["6"]])
    }

    func testUnknownOrTrueIsTrueAndUnknownAndFalseIsFalse() {
        XCTAssertEqual(rows(table("participants | where grade > 8 or true | count")), [["16"]])
        XCTAssertEqual(rows(table("participants | where grade == 8 or grade is missing | count")), [["10"]])
        XCTAssertEqual(rows(table("participants | where grade > 8 and false | count")), [["0"]])
    }

    func testIsMissingAndIsNotMissing() {
        XCTAssertEqual(rows(table("participants | where grade is missing | count")), [["5"]])
        XCTAssertEqual(rows(table("participants | where grade is not missing | count")), [["11"]])
        XCTAssertEqual(rows(table("responses | where score is missing | count")), [["2"]])
    }

    func testCountOfAColumnCountsOnlyValues() {
        XCTAssertEqual(rows(table("participants | group entry_route aggregate n = count(), graded = count(grade)")),
                       [["employer", "10", "5"], ["own", "6", "6"]])
    }

    func testAggregatesOverAllRowsSkipMissingAndNoteIt() {
        let result = table("responses | group phase aggregate m = mean(score)")
        XCTAssertEqual(result.notes.map(\.en), ["mean(score) skipped 2 missing values"])
        XCTAssertEqual(result.notes.map(\.fi), ["mean(score) ohitti 2 puuttuvaa arvoa"])
    }

    func testArithmeticWithMissingIsMissingAndDivisionByZeroIsMissing() {
        XCTAssertEqual(values(table(#"participants | where id in ["P02", "P03"] | derive g = grade + 1, h = grade / 0"#), "g"), ["9", "NA"])
        XCTAssertEqual(values(table(#"participants | where id in ["P02", "P03"] | derive h = grade / 0"#), "h"), ["NA", "NA"])
    }

    func testMeanOfNoValuesIsMissing() {
        XCTAssertEqual(rows(table(#"participants | where post_status == "moved" | group org aggregate mean(grade)"#)), [["Tekevä", "NA"]])
    }

    func testMissingKeysFormTheirOwnGroupLast() {
        XCTAssertEqual(rows(table("responses | count by score")).last, ["NA", "2"])
    }

    func testAComparisonWithANumberThatHasNoValueIsUnknownNotATypeError() {
        XCTAssertEqual(rows(table("participants | where 1/0 != 5 | count")), [["0"]])
    }
}
