import Foundation
import XCTest
import ArvioStats

final class FisherExactTestTests: XCTestCase {
    func testTwoByTwoTwoSidedIsNineteenOverThirtyThreeWherePSPPIsWrong() throws {
        let test = try FisherExactTest(try ContingencyTable(SurveySmall.entryRouteByImproved))
        XCTAssertEqual(test.pValue, 19.0 / 33.0, accuracy: 1e-12)
        XCTAssertTrue(test.isExact)
        assertClose(test.oneSided?.greater, 0.424242)
        assertClose(test.oneSided?.less, 0.929293)
    }

    func testAttritionTwoByTwoIsExactlyOne() throws {
        let test = try FisherExactTest(try ContingencyTable(SurveySmall.entryRouteByResponded))
        XCTAssertEqual(test.pValue, 1, accuracy: 1e-12)
        assertClose(test.oneSided?.less, 0.607692)
    }

    func testFisherRxCMatchesRExactWherePSPPDoesNotCompute() throws {
        let org = try FisherExactTest(try ContingencyTable(SurveySmall.orgByEntryRoute))
        XCTAssertEqual(org.pValue, 1, accuracy: 1e-9)
        assertClose(org.statistic, 0.0755245)
        XCTAssertEqual(org.method, "exact (network algorithm)")
        XCTAssertEqual(try FisherExactTest(try ContingencyTable(SurveySmall.orgByResponded)).pValue, 391.0 / 455.0, accuracy: 1e-12)
        XCTAssertEqual(try FisherExactTest(try ContingencyTable(SurveySmall.orgByImproved)).pValue, 1, accuracy: 1e-9)
    }

    func testRFixturesIncludingFourByFourWithOverOneHundred() throws {
        for row in try loadFixture("reference.json").rows("contingency") {
            let test = try FisherExactTest(try ContingencyTable(row.matrix("counts")))
            XCTAssertTrue(test.isExact, "\(row["name"]!)")
            assertClose(test.pValue, row.number("fisherP"), tolerance: 1e-9, "\(row["name"]!)")
            if row["fisherLess"] != nil {
                assertClose(test.oneSided?.less, row.number("fisherLess"), tolerance: 1e-9)
                assertClose(test.oneSided?.greater, row.number("fisherGreater"), tolerance: 1e-9)
            }
        }
    }

    func testTooLargeForTheNetworkFallsBackToSeededMonteCarlo() throws {
        let fixture = try loadFixture("reference.json").rows("contingency")[0]
        let table = try ContingencyTable(fixture.matrix("counts"))
        let first = try FisherExactTest(table, workLimit: 10, replicates: 20_000, seed: 7)
        let again = try FisherExactTest(table, workLimit: 10, replicates: 20_000, seed: 7)
        XCTAssertFalse(first.isExact)
        XCTAssertEqual(first.pValue, again.pValue)
        let se = try XCTUnwrap(first.monteCarloStandardError)
        XCTAssertLessThan(abs(first.pValue - fixture.number("fisherP")), 3 * se)
        XCTAssertTrue(first.method.hasPrefix("Monte Carlo (Patefield), "), first.method)
        XCTAssertTrue(first.method.contains(" tables, seed 7, SE "), first.method)
        XCTAssertTrue(first.method.contains("99% CI "), first.method)
        let (low, high) = try XCTUnwrap(first.monteCarlo).interval99
        XCTAssertTrue(low < fixture.number("fisherP") && fixture.number("fisherP") < high)
    }

    /// esoph, cases and controls by age group (R: fisher.test(workspace = 2e8) p = 4.25029870257703e-24,
    /// Fixtures/fisher.R) forced to Monte Carlo: no random table is as extreme, so p is only a bound.
    func testNoSimulatedTableAsExtremeReportsTheBoundNotAValue() throws {
        let esoph = try ContingencyTable([[1, 9, 46, 76, 55, 13], [115, 190, 167, 166, 106, 31]])
        let test = try FisherExactTest(esoph, workLimit: 10)
        let estimate = try XCTUnwrap(test.monteCarlo)
        XCTAssertTrue(estimate.isUpperBound)
        XCTAssertEqual(estimate.replicates, FisherExactTest.defaultReplicates)
        XCTAssertGreaterThan(test.pValue, 4.25029870257703e-24)
        XCTAssertTrue(test.method.hasSuffix("none as extreme, p < 1/(B+1) = 9.9990e-05"), test.method)
    }

    func testTheDoublingRuleDrawsMoreNearFivePercent() {
        // p̂ = 0.05 ± 0.002 after 10,000: within 3 SE (0.0065) of 0.05, so more are drawn.
        XCTAssertTrue(MonteCarloEstimate.needsMore(asExtreme: 520, replicates: 10_000, maximum: 640_000))
        XCTAssertFalse(MonteCarloEstimate.needsMore(asExtreme: 520, replicates: 640_000, maximum: 640_000))
        XCTAssertFalse(MonteCarloEstimate.needsMore(asExtreme: 3000, replicates: 10_000, maximum: 640_000))
        XCTAssertFalse(MonteCarloEstimate.needsMore(asExtreme: 0, replicates: 10_000, maximum: 640_000))
    }

    /// caith (MASS), eye by hair colour, 4×5, n = 5,387: the network would need far more than its
    /// budget, so it must give up at once and the Monte Carlo must be quick and small.
    func testCaithGoesToMonteCarloQuickly() throws {
        let caith = try ContingencyTable([[326, 38, 241, 110, 3], [688, 116, 584, 188, 4],
                                          [343, 84, 909, 412, 26], [98, 48, 403, 681, 85]])
        let start = Date()
        let test = try FisherExactTest(caith)
        XCTAssertFalse(test.isExact)
        XCTAssertEqual(test.fallback, .tooLarge)
        XCTAssertTrue(try XCTUnwrap(test.monteCarlo).isUpperBound)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "debug build; a release build takes well under a second")
    }

    /// Every table of Fixtures/fisher.R (R's FEXACT, workspace = 2e8), among them esoph's 2×6 with
    /// n = 975 and a 4×4 with n = 200 that R needs about a minute for, is exact here and agrees to
    /// 1e-6 relative: FEXACT's own tolerances show in the seventh to ninth digit (esoph's 4.25e-24,
    /// the 4×4's 0.17504618), where the numpy check below agrees with Arvio to the tenth.
    func testExactAgreesWithRFisherTestOnEveryTableRFinishes() throws {
        let fixture = try loadFixture("fisher.json")
        XCTAssertGreaterThanOrEqual(fixture.rows("fisher").count, 13)
        for row in fixture.rows("fisher") {
            let name = row["name"] as? String ?? "?"
            let table = try ContingencyTable(row.matrix("counts"))
            // A debug build is some ten times slower than the release build the budget is set for.
            let test = try FisherExactTest(table, timeLimit: 600)
            XCTAssertTrue(test.isExact, "\(name): \(String(describing: test.fallback))")
            assertClose(test.pValue, row.number("fisherP"), tolerance: 1e-6, relative: true, name)
        }
    }

    /// The 2×c tables against an independent meet-in-the-middle in numpy (Fixtures/fisher_2xc.py)
    /// to 1e-9 relative: where R's FEXACT is off in the seventh digit (esoph by age, bench 2×6),
    /// this and Arvio agree to the tenth.
    func testTwoRowTablesAgreeWithAnIndependentEnumerationToTenDigits() throws {
        for row in try loadFixture("fisher_2xc.json").rows("fisher") {
            let name = row["name"] as? String ?? "?"
            let test = try FisherExactTest(try ContingencyTable(row.matrix("counts")), timeLimit: 600)
            XCTAssertTrue(test.isExact, name)
            assertClose(test.pValue, row.number("fisherP"), tolerance: 1e-9, relative: true, name)
        }
    }

    /// The network's bounds and lists against plain enumeration of every table with the margins,
    /// cell by cell, on 150 random small tables from 2×2 to 4×5 (sparse ones included).
    func testTheNetworkEqualsBruteForceEnumeration() throws {
        var generator = SeededGenerator(seed: 5)
        for trial in 0..<150 {
            let r = 2 + Int(generator.nextUnit() * 3), c = 2 + Int(generator.nextUnit() * 4)
            let n = 5 + Int(generator.nextUnit() * (r * c > 9 ? 14 : 40))
            var counts = [[Int]](repeating: [Int](repeating: 0, count: c), count: r)
            for _ in 0..<n { counts[Int(generator.nextUnit() * Double(r))][Int(pow(generator.nextUnit(), 1.5) * Double(c))] += 1 }
            guard let table = try? ContingencyTable(counts) else { continue }
            let test = try FisherExactTest(table)
            XCTAssertTrue(test.isExact)
            XCTAssertEqual(test.pValue, Self.enumerated(table.droppingEmptyMargins()), accuracy: 1e-10, "\(trial): \(counts)")
        }
    }

    /// Σ P over all tables with `table`'s margins no more probable than it, by recursion over cells.
    private static func enumerated(_ table: ContingencyTable) -> Double {
        let rows = table.rowTotals, columns = table.columnTotals
        let logFactorial = (0...table.total).map { k in (0...k).reduce(0.0) { $0 + ($1 > 1 ? log(Double($1)) : 0) } }
        let observed = -table.counts.joined().reduce(0.0) { $0 + logFactorial[$1] } + log1p(1e-7)
        let logConstant = rows.reduce(0.0) { $0 + logFactorial[$1] } + columns.reduce(0.0) { $0 + logFactorial[$1] }
            - logFactorial[table.total]
        var p = 0.0, left = columns
        func fill(_ i: Int, _ j: Int, _ rowLeft: Int, _ weight: Double) {
            if i == rows.count - 1 {
                let w = left.reduce(weight) { $0 - logFactorial[$1] }
                if w <= observed { p += exp(w + logConstant) }
            } else if j == columns.count - 1 {
                guard rowLeft <= left[j] else { return }
                left[j] -= rowLeft
                fill(i + 1, 0, rows[i + 1], weight - logFactorial[rowLeft])
                left[j] += rowLeft
            } else {
                for x in 0...min(rowLeft, left[j]) {
                    left[j] -= x
                    fill(i, j + 1, rowLeft - x, weight - logFactorial[x])
                    left[j] += x
                }
            }
        }
        fill(0, 0, rows[0], 0)
        return min(1, p)
    }

    /// The Monte Carlo estimate of each fixture table with p above 1e-4 (so that some random
    /// tables are as extreme) lies within 3 of its standard errors of R's exact p.
    func testSeededMonteCarloIsWithinThreeStandardErrorsOfTheExactP() throws {
        for row in try loadFixture("fisher.json").rows("fisher") where row.number("fisherP") > 1e-4 {
            let name = row["name"] as? String ?? "?"
            let test = try FisherExactTest(try ContingencyTable(row.matrix("counts")), workLimit: 0, seed: 11)
            let estimate = try XCTUnwrap(test.monteCarlo, name)
            XCTAssertFalse(estimate.isUpperBound, name)
            XCTAssertLessThan(abs(test.pValue - row.number("fisherP")), 3 * estimate.standardError, name)
            XCTAssertGreaterThanOrEqual(estimate.replicates, FisherExactTest.defaultReplicates, name)
        }
    }

    /// A 4×5 (caith scaled by 1/20, n = 267) on which R's FEXACT runs out of workspace: the
    /// network stops at its clock budget, says so, and the Monte Carlo answer follows.
    func testTheTimeBudgetHandsOverToMonteCarloAndSaysWhy() throws {
        let caith20 = try ContingencyTable([[16, 2, 12, 6, 0], [34, 6, 29, 9, 0], [17, 4, 45, 21, 1], [5, 2, 20, 34, 4]])
        let start = Date()
        let test = try FisherExactTest(caith20, timeLimit: 0.3)
        XCTAssertFalse(test.isExact)
        XCTAssertEqual(test.fallback, .time(0.3))
        XCTAssertNotNil(test.monteCarlo)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }

    func testTheMemoryBudgetHandsOverToMonteCarlo() throws {
        let bench2x6 = try ContingencyTable([[82, 109, 123, 59, 105, 99], [95, 42, 34, 68, 103, 56]])
        let test = try FisherExactTest(bench2x6, memoryLimit: 100_000)
        XCTAssertEqual(test.fallback, .memory(100_000))
        XCTAssertFalse(test.isExact)
    }

    /// Ctrl-C during the exact network: the flag is looked at within milliseconds.
    func testCancellationStopsTheNetworkPromptly() throws {
        let caith20 = try ContingencyTable([[16, 2, 12, 6, 0], [34, 6, 29, 9, 0], [17, 4, 45, 21, 1], [5, 2, 20, 34, 4]])
        let start = Date()
        let cancelAt = start.addingTimeInterval(0.2)
        XCTAssertThrowsError(try FisherExactTest(caith20, timeLimit: 600, isCancelled: { Date() > cancelAt })) { error in
            XCTAssertEqual(error as? StatsError, .cancelled)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 3, "looked at every 4 096 steps")
    }

    /// A 12×12 table with n = 9,999 goes to Monte Carlo at once, and Ctrl-C stops that too.
    func testTwelveByTwelveIsQuickAndCancellable() throws {
        var generator = SeededGenerator(seed: 3)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 12), count: 12)
        for _ in 0..<9_999 { counts[Int(generator.nextUnit() * 12)][Int(generator.nextUnit() * 12)] += 1 }
        let table = try ContingencyTable(counts)
        let start = Date()
        let cancelAt = start.addingTimeInterval(0.05)
        XCTAssertThrowsError(try FisherExactTest(table, isCancelled: { Date() > cancelAt })) { error in
            XCTAssertEqual(error as? StatsError, .cancelled)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 3, "looked at every 64 tables")
    }

    func testCancellationStopsTheMonteCarlo() throws {
        let wide = try ContingencyTable([[400, 300, 500, 200, 350, 250], [300, 450, 200, 380, 260, 310],
                                         [220, 330, 440, 150, 270, 390]])
        XCTAssertThrowsError(try FisherExactTest(wide, workLimit: 10, isCancelled: { true })) { error in
            XCTAssertEqual(error as? StatsError, .cancelled)
        }
    }

    func testSignificantDigitsNeverPrintZero() {
        XCTAssertEqual(MonteCarloEstimate.significant(0.0000123, 2), "1.2e-05")
        XCTAssertEqual(MonteCarloEstimate.significant(0.0012345, 2), "0.0012")
        XCTAssertEqual(MonteCarloEstimate.significant(0.04987, 3), "0.0499")
    }

    func testHugeNetworksStopAtTheBudgetInsteadOfHanging() throws {
        let wide = try ContingencyTable([[400, 300, 500, 200, 350, 250], [300, 450, 200, 380, 260, 310],
                                         [220, 330, 440, 150, 270, 390]])
        let start = Date()
        let test = try FisherExactTest(wide, workLimit: 200_000, replicates: 200)
        XCTAssertFalse(test.isExact)
        XCTAssertTrue(test.pValue > 0 && test.pValue <= 1)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testTablesBeyondTheLargestTotalAreRefused() throws {
        let big = try ContingencyTable([[600_000, 400_000], [300_000, 700_000]])
        XCTAssertThrowsError(try FisherExactTest(big)) { error in
            XCTAssertEqual(error as? StatsError, .tooLarge(total: 2_000_000, limit: FisherExactTest.largestTotal))
        }
    }
}
