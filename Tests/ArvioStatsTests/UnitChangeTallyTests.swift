import XCTest
import ArvioStats

/// The unit tally (units counted by pairs, Σpre, Σpost) gives what the arrays of unit means give.
final class UnitChangeTallyTests: XCTestCase {
    /// `units` units with 1 ... `most` pairs of answers 1–5 each: the tally, and each unit's mean
    /// before and after and its exact mean change as the array path computes them.
    private func units(_ units: Int, most: Int, seed: UInt64, shift: Int)
        -> (UnitChangeTally, pre: [Double], post: [Double], change: [Double]) {
        var state = seed
        func next(_ m: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(m))
        }
        var tally = UnitChangeTally()
        var pre: [Double] = [], post: [Double] = [], change: [Double] = []
        for _ in 0..<units {
            let k = next(most) + 1
            var a = 0, b = 0
            for _ in 0..<k {
                let x = next(5) + 1
                a += x
                b += min(5, max(1, x + next(3) - 1 + (next(4) < shift ? 1 : 0)))
            }
            tally.add(pairs: k, preSum: a, postSum: b)
            pre.append(Double(a) / Double(k))
            post.append(Double(b) / Double(k))
            change.append(Double(b - a) / Double(k))
        }
        return (tally, pre, post, change)
    }

    func testTallyMatchesUnitMeanArrays() throws {
        for (n, most, shift) in [(10, 3, 1), (45, 2, 0), (300, 3, 2), (5000, 4, 1), (20000, 12, 0)] {
            let (tally, pre, post, change) = units(n, most: most, seed: UInt64(n), shift: shift)
            XCTAssertEqual(tally.total, n)
            for zeros in [WilcoxonSignedRankTest.ZeroHandling.wilcoxon, .pratt] {
                let a = try WilcoxonSignedRankTest(differences: change, zeroHandling: zeros)
                let b = try WilcoxonSignedRankTest(unitTally: tally, zeroHandling: zeros)
                assertSameWilcoxon(a, b, "n \(n)")
            }
            let s = try SignTest(pre: pre, post: post)
            let signs = tally.signs
            XCTAssertEqual([s.positive, s.ties, s.negative], [signs.up, signs.same, signs.down])
            let t = try PairedTTest(pre: pre, post: post)
            let t2 = try PairedTTest(unitTally: tally)
            XCTAssertEqual(t.statistic, t2.statistic, accuracy: 1e-9 * max(1, abs(t.statistic)))
            XCTAssertEqual(t.pValue, t2.pValue, accuracy: 1e-12 + 1e-9 * t.pValue)
            XCTAssertEqual(t.meanDifference, t2.meanDifference, accuracy: 1e-12)
            XCTAssertEqual(t.standardDeviationOfDifferences, t2.standardDeviationOfDifferences, accuracy: 1e-12)
            XCTAssertEqual(t.confidenceInterval.upperBound, t2.confidenceInterval.upperBound, accuracy: 1e-12)
            XCTAssertEqual(t.cohensDav, t2.cohensDav, accuracy: 1e-12)
            XCTAssertEqual(t.hedgesGz, t2.hedgesGz, accuracy: 1e-12)
            XCTAssertEqual(tally.medianChange, try Quantile.of(change, 0.5))
            XCTAssertEqual(tally.meanChange, change.reduce(0, +) / Double(n), accuracy: 1e-12)
            XCTAssertEqual(tally.meanPre, pre.reduce(0, +) / Double(n), accuracy: 1e-12)
            XCTAssertEqual(tally.meanPost, post.reduce(0, +) / Double(n), accuracy: 1e-12)
            XCTAssertEqual(tally.fewestPairs, 1)
            XCTAssertEqual(tally.mostPairs, most)
        }
    }

    /// Equal fractions are one value: 1/2 and 2/4 tie in the ranks, as the doubles do.
    func testEqualFractionsTie() throws {
        var tally = UnitChangeTally()
        tally.add(pairs: 2, preSum: 2, postSum: 3)       // +1/2
        tally.add(pairs: 4, preSum: 4, postSum: 6)       // +2/4
        tally.add(pairs: 1, preSum: 3, postSum: 2)       // −1
        tally.add(pairs: 3, preSum: 6, postSum: 9, count: 2) // +1, twice
        let w = try WilcoxonSignedRankTest(unitTally: tally)
        // |d| 1/2, 1/2, 1, 1, 1: ranks 1.5, 1.5, 4, 4, 4; W− = 4.
        XCTAssertEqual(w.wMinus, 4)
        XCTAssertEqual(w.statistic, 11)
        let plain = try WilcoxonSignedRankTest(differences: [0.5, 0.5, -1, 1, 1])
        XCTAssertEqual(w.pValue, plain.pValue, accuracy: 1e-15)
        XCTAssertEqual(tally.medianChange, 0.5)
    }
}
