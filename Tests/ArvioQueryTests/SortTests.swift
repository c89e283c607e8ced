import XCTest

final class SortTests: XCTestCase {
    func testSortDescendingThenTake() {
        XCTAssertEqual(values(table("participants | sort experience_years desc, id | take 4"), "id"), ["P07", "P11", "P01", "P15"])
    }

    func testMissingSortsLastAndTiesKeepTheirOrder() {
        XCTAssertEqual(values(table("participants | sort grade"), "id"), [
            "P05", "P12", "P02", "P04", "P08", "P09", "P13", "P01", "P07", "P10", "P15", "P03", "P06", "P11", "P14", "P16",
        ])
        XCTAssertEqual(values(table("participants | sort grade desc | take 6"), "id"), ["P01", "P07", "P10", "P15", "P02", "P04"])
        XCTAssertEqual(values(table("participants | sort grade desc"), "grade").suffix(5), ["NA", "NA", "NA", "NA", "NA"])
    }

    func testCategoriesSortAlphabetically() {
        XCTAssertEqual(values(table("participants | distinct org | sort org"), "org"), ["Katulähetys", "Setlementti", "Tekevä", "Työttömät"])
    }

    func testOrdinalColumnsSortOnTheScale() {
        XCTAssertEqual(values(table(#"responses | where participant == "P08" | sort score desc, item"#), "score"),
                       ["5", "5", "4", "4", "4", "4"])
        XCTAssertEqual(values(table("motivation | sort motivation_start | take 2"), "participant"), ["P03", "P02"])
    }
}
