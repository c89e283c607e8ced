import XCTest

final class GroupAggregateTests: XCTestCase {
    func testGroupComputesSeveralAggregatesPerGroup() {
        let result = table("participants | group entry_route aggregate n = count(), avg = round(mean(experience_years), 1), most = max(experience_years)")
        XCTAssertEqual(rows(result), [["employer", "10", "3.1", "15"], ["own", "6", "9", "20"]])
    }

    func testMeanSkipsMissingAndSaysHowManyInANote() {
        let result = table("participants | group org aggregate mean(grade)")
        XCTAssertEqual(values(result, "mean(grade)"), ["8.3333", "8", "8", "8.5"])
        XCTAssertEqual(result.notes.map(\.en), ["mean(grade) skipped 5 missing values"])
    }

    func testOrdinalAggregatesUseScaleNumbersAndMinMaxGiveScalePoints() {
        let result = table("responses | group phase aggregate mean(score), median(score), min(score), max(score)")
        XCTAssertEqual(rows(result), [["pre", "2.8182", "3", "1", "5"], ["post", "3.875", "4", "3", "5"]])
    }

    func testPctOfAConditionIsAmongKnownValues() {
        let result = table(#"responses | group phase aggregate pct(score >= "hyvin")"#)
        XCTAssertEqual(values(result, #"pct(score >= "hyvin")"#), ["36.3636", "62.5"])
    }

    func testPctWithoutArgumentIsTheGroupsShareOfRows() {
        XCTAssertEqual(values(table("responses | group phase aggregate share = pct()"), "share"), ["57.1429", "42.8571"])
    }

    func testSumSdCountAndDistinct() {
        let result = table("participants | group org aggregate s = sum(sessions_attended), sd = round(sd(grade), 4), graded = count(grade), titles = n_distinct(title)")
        XCTAssertEqual(rows(result), [
            ["Katulähetys", "33", "0.5774", "3", "3"], ["Työttömät", "27", "1.4142", "2", "2"],
            ["Tekevä", "42", "0.8165", "4", "3"], ["Setlementti", "32", "0.7071", "2", "3"],
        ])
    }

    func testGroupByTwoKeysGivesOnlyCombinationsThatOccurInKeyOrder() {
        let result = table("responses | group participant, phase aggregate n = count()")
        XCTAssertEqual(rows(result).map { $0.joined(separator: " ") },
                       ["P01 pre 3", "P01 post 3", "P02 pre 3", "P02 post 3", "P03 pre 3", "P08 pre 3", "P08 post 3"])
    }

    func testAggregatesCombineWithArithmetic() {
        XCTAssertEqual(rows(table("participants | group entry_route aggregate spread = max(grade) - min(grade)")),
                       [["employer", "1"], ["own", "1"]])
    }

    // The fixture has 16 participants, 10 employer-directed (most experience 15) and 6 on their
    // own (most 20): the totals over all rows follow from the per-group rows above.
    func testAggregateWithoutGroupGivesOneRowOverAllRows() {
        let result = table("participants | aggregate n = count(), most = max(experience_years), orgs = n_distinct(org)")
        XCTAssertEqual(result.columnNames, ["n", "most", "orgs"])
        XCTAssertEqual(rows(result), [["16", "20", "4"]])
    }

    func testAggregateOfNoRowsIsStillOneRowAsInSQL() {
        let result = table("participants | where experience_years > 1000 | aggregate n = count(), m = mean(grade)")
        XCTAssertEqual(rows(result), [["0", "NA"]])
        // With keys, no rows make no groups.
        XCTAssertEqual(table("participants | where experience_years > 1000 | group org aggregate n = count()").rowCount, 0)
    }

    func testAggregateWithoutGroupAgreesWithCount() {
        XCTAssertEqual(rows(table("responses | where phase == \"pre\" | aggregate n = count()")),
                       rows(table("responses | where phase == \"pre\" | count")))
    }

    func testAColumnOutsideAnAggregateSaysToGroupByIt() {
        let message = diagnostic("participants | aggregate org")
        XCTAssertTrue(message.contains("\"org\" is not a group key; use it inside an aggregate such as count(org) or n_distinct(org), or group by it, as in group org aggregate ..."), message)
    }
}
