import XCTest

final class ExpressionTests: XCTestCase {
    private func value(_ expression: String) -> String {
        values(table("participants | take 1 | derive v = \(expression)"), "v").first ?? "none"
    }

    func testPrecedenceOfArithmetic() {
        XCTAssertEqual(value("1 + 2 * 3"), "7")
        XCTAssertEqual(value("(1 + 2) * 3"), "9")
        XCTAssertEqual(value("-2 * 3 + 10 % 4"), "-4")
    }

    func testDivisionGivesDecimals() {
        XCTAssertEqual(value("7 / 2"), "3.5")
        XCTAssertEqual(value("sessions_attended / 4"), "2.5")
    }

    func testRoundAndAbs() {
        XCTAssertEqual(value("round(2 / 3, 2)"), "0.67")
        XCTAssertEqual(value("round(2.5)"), "3")
        XCTAssertEqual(value("abs(3 - experience_years)"), "9")
    }

    func testConditionsBecomeTrueFalse() {
        XCTAssertEqual(value("grade between 8 and 9 and not (org == \"Tekevä\")"), "true")
        XCTAssertEqual(value("org not in [\"Katulähetys\"]"), "false")
    }

    func testAggregatesOverTheWholeTable() {
        func whole(_ expression: String) -> String {
            values(table("participants | derive v = \(expression) | take 1"), "v").first ?? "none"
        }
        XCTAssertEqual(whole("n_distinct(org)"), "4")
        XCTAssertEqual(whole("sum(sessions_attended)"), "134")
        XCTAssertEqual(whole("median(grade)"), "8")
        XCTAssertEqual(whole("round(mean(grade), 4)"), "8.1818")
        XCTAssertEqual(whole("count()"), "16")
        XCTAssertEqual(value("count()"), "1")
    }

    func testTextComparisons() {
        let result = table(#"participants | derive t = "b" | where t > "a" and t != "c" | count"#)
        XCTAssertEqual(rows(result), [["16"]])
    }
}
