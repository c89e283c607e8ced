import XCTest
import ArvioStats

/// McNemar, Bowker and Stuart–Maxwell against R (Fixtures/paired_categorical.R): mcnemar.test,
/// binom.test, coin::mh_test, and the formulas with MASS::ginv where R's own functions stop.
final class PairedCategoricalTests: XCTestCase {
    private func fixture(_ key: String) throws -> [[String: Any]] {
        try loadFixture("paired_categorical.json").rows(key)
    }

    func testMcNemarExactAndAsymptoticMatchR() throws {
        let rows = try fixture("mcnemar")
        XCTAssertEqual(rows.count, 5)
        for row in rows {
            let name = row["name"] as? String ?? "?"
            let test = try McNemarTest(SquareTable(row.matrix("counts")))
            assertClose(test.pValue, row.number("exactP"), tolerance: 1e-9, relative: true, name)
            assertClose(test.asymptotic.statistic, row.number("chiSquare"), tolerance: 1e-9, relative: true, name)
            assertClose(test.asymptotic.pValue, row.number("chiSquareP"), tolerance: 1e-9, relative: true, name)
            assertClose(test.corrected.statistic, row.number("corrected"), tolerance: 1e-9, name)
            assertClose(test.corrected.pValue, row.number("correctedP"), tolerance: 1e-9, relative: true, name)
            XCTAssertEqual(test.asymptotic.degreesOfFreedom, 1)
        }
    }

    func testMcNemarAtFewDiscordantPairsKeepsTheExactPApartFromTheApproximation() throws {
        // 1 against 6: the uncorrected chi-square says 0.059, the exact binomial 0.125.
        let test = try McNemarTest(firstToSecond: 1, secondToFirst: 6)
        XCTAssertEqual(test.pValue, 2 * 8.0 / 128.0, accuracy: 1e-12)
        XCTAssertEqual(test.method, "exact binomial")
        XCTAssertLessThan(test.asymptotic.pValue, 0.06)
    }

    func testMcNemarWithNoChangeIsAnErrorNotAPValue() {
        XCTAssertThrowsError(try McNemarTest(SquareTable([[5, 0], [0, 7]]))) {
            XCTAssertEqual($0 as? StatsError, .noDiscordantPairs)
        }
        XCTAssertThrowsError(try McNemarTest(SquareTable([[1, 2, 0], [0, 1, 1], [1, 0, 1]])))
    }

    func testBowkerAndStuartMaxwellMatchR() throws {
        let rows = try fixture("square")
        XCTAssertEqual(rows.count, 4)
        for row in rows {
            let name = row["name"] as? String ?? "?"
            let table = try SquareTable(row.matrix("counts"))
            let bowker = try BowkerSymmetryTest(table)
            assertClose(bowker.statistic, row.number("bowker"), tolerance: 1e-9, relative: true, name)
            XCTAssertEqual(bowker.degreesOfFreedom, row.number("bowkerDf"), name)
            assertClose(bowker.pValue, row.number("bowkerP"), tolerance: 1e-9, relative: true, name)
            let stuart = try StuartMaxwellTest(table)
            assertClose(stuart.statistic, row.number("stuartMaxwell"), tolerance: 1e-9, relative: true, name)
            XCTAssertEqual(stuart.degreesOfFreedom, row.number("stuartMaxwellDf"), name)
            assertClose(stuart.pValue, row.number("stuartMaxwellP"), tolerance: 1e-9, relative: true, name)
        }
    }

    func testStuartVisionDataGiveThePublishedStatistic() throws {
        // Stuart (1955): chi-square 11.96 on 3 df for 7477 women's right and left eyes.
        let row = try XCTUnwrap(try fixture("square").first { $0["name"] as? String == "vision" })
        let test = try StuartMaxwellTest(SquareTable(row.matrix("counts")))
        XCTAssertEqual(test.statistic, 11.96, accuracy: 0.005)
        assertClose(test.statistic, row.number("coinMhTest"), tolerance: 1e-9, relative: true)
    }

    func testOnTwoByTwoBowkerAndStuartMaxwellAreMcNemarUncorrected() throws {
        let table = try SquareTable([[794, 150], [86, 570]])
        let mcnemar = try McNemarTest(table)
        XCTAssertEqual(try BowkerSymmetryTest(table).statistic, mcnemar.asymptotic.statistic, accuracy: 1e-9)
        XCTAssertEqual(try StuartMaxwellTest(table).statistic, mcnemar.asymptotic.statistic, accuracy: 1e-9)
    }

    func testCategoriesNobodyLeftOrEnteredDoNotMakeStuartMaxwellSingular() throws {
        // The third category is only on the diagonal; it drops out of the test and the df.
        let test = try StuartMaxwellTest(SquareTable([[3, 4, 0], [1, 2, 0], [0, 0, 5]]))
        XCTAssertEqual(test.degreesOfFreedom, 1)
        XCTAssertEqual(test.statistic, 9.0 / 5.0, accuracy: 1e-12)
    }

    func testNonSquareAndNegativeTablesAreRejected() {
        XCTAssertThrowsError(try SquareTable([[1, 2, 3], [4, 5, 6]])) {
            XCTAssertEqual($0 as? StatsError, .notASquareTable(rows: 2, columns: 3))
        }
        XCTAssertThrowsError(try SquareTable([[1]]))
        XCTAssertThrowsError(try SquareTable([[1, -2], [3, 4]]))
    }
}
