import XCTest
import ArvioStats

/// The tally paths (counting the few distinct values) give what the array paths give.
final class PairedTallyTests: XCTestCase {
    private func likertPairs(_ n: Int, seed: UInt64, shift: Int) -> ([Double], [Double]) {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % 5)
        }
        var pre: [Double] = [], post: [Double] = []
        for _ in 0..<n {
            let a = next() + 1
            pre.append(Double(a))
            post.append(Double(min(5, max(1, a + next() - 2 + (next() < shift ? 1 : 0)))))
        }
        return (pre, post)
    }

    func testTallyMatchesArrays() throws {
        for (n, shift) in [(12, 1), (40, 2), (60, 0), (5000, 1), (30000, 3)] {
            let (pre, post) = likertPairs(n, seed: UInt64(n), shift: shift)
            let tally = try XCTUnwrap(PairedTally(pre: pre, post: post))
            XCTAssertEqual(tally.total, n)
            for zeros in [WilcoxonSignedRankTest.ZeroHandling.wilcoxon, .pratt] {
                let a = try WilcoxonSignedRankTest(pre: pre, post: post, zeroHandling: zeros)
                let b = try WilcoxonSignedRankTest(tally: tally, zeroHandling: zeros)
                assertSameWilcoxon(a, b)
            }
            let s = try SignTest(pre: pre, post: post)
            let d = zip(post, pre).map { $0 - $1 }
            let s2 = try SignTest(positive: d.filter { $0 > 0 }.count, negative: d.filter { $0 < 0 }.count,
                                  ties: d.filter { $0 == 0 }.count)
            XCTAssertEqual(s.pValue, s2.pValue)
            let t = try PairedTTest(pre: pre, post: post)
            let t2 = try PairedTTest(tally: tally)
            XCTAssertEqual(t.statistic, t2.statistic, accuracy: 1e-9 * max(1, abs(t.statistic)))
            XCTAssertEqual(t.pValue, t2.pValue, accuracy: 1e-12 + 1e-9 * t.pValue)
            XCTAssertEqual(t.meanDifference, t2.meanDifference)
            XCTAssertEqual(t.standardDeviationOfDifferences, t2.standardDeviationOfDifferences, accuracy: 1e-12)
            XCTAssertEqual(t.confidenceInterval.lowerBound, t2.confidenceInterval.lowerBound, accuracy: 1e-12)
            XCTAssertEqual(t.cohensDav, t2.cohensDav, accuracy: 1e-12)
            XCTAssertEqual(t.hedgesGz, t2.hedgesGz, accuracy: 1e-12)
        }
    }

    func testLargeSignTestTailsMatchFullSum() {
        // The tail walk (n > 2000) against a direct sum over every outcome.
        for (k, n) in [(1100, 2100), (1000, 2100), (1051, 2101), (1060, 2101), (5200, 10000), (3000, 10000)] {
            let observed = BinomialDistribution.pmf(k, n: n, p: 0.5) * (1 + 1e-7)
            let full = min(1, (0...n).reduce(0.0) { sum, x in
                let m = BinomialDistribution.pmf(x, n: n, p: 0.5)
                return m <= observed ? sum + m : sum
            })
            let p = (try? SignTest(positive: k, negative: n - k, ties: 0).pValue) ?? .nan
            XCTAssertEqual(p, full, accuracy: 1e-12 + 1e-9 * full, "k \(k) n \(n)")
        }
    }
}
