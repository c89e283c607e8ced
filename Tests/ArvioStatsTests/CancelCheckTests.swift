import Foundation
@testable import ArvioStats
import XCTest

/// Ctrl-C within a long statistic: the flag is looked at throughout every pass (the ranking's
/// sort included), and the first look that finds it set stops the computation. The looks are
/// counted, so the tests are deterministic and take no timing.
final class CancelCheckTests: XCTestCase {
    /// A flag that is set from the `k`-th look on, counting every look.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var looks = 0
        let setAt: Int
        init(setAt: Int) { self.setAt = setAt }
        var closure: @Sendable () -> Bool {
            { [self] in
                lock.lock()
                defer { lock.unlock() }
                looks += 1
                return looks >= setAt
            }
        }
    }

    /// 300 000 values on a fine grid: thousands of distinct values (the sort path) with ties.
    private static let fine: [Double] = {
        var generator = SeededGenerator(seed: 7)
        return (0..<300_000).map { _ in (generator.nextUnit() * 5000).rounded() / 100 }
    }()

    /// 300 000 answers on a 1–5 scale (the counting path).
    private static let scale: [Double] = {
        var generator = SeededGenerator(seed: 8)
        return (0..<300_000).map { _ in Double(Int(generator.nextUnit() * 5) + 1) }
    }()

    /// Twice the midranks by the definition: 2 × (values below) + (values equal) + 1.
    private func reference(_ values: [Double]) -> [Int] {
        let sorted = values.sorted()
        func lower(_ v: Double) -> Int {
            var low = 0, high = sorted.count
            while low < high { let mid = (low + high) / 2; if sorted[mid] < v { low = mid + 1 } else { high = mid } }
            return low
        }
        func upper(_ v: Double) -> Int {
            var low = 0, high = sorted.count
            while low < high { let mid = (low + high) / 2; if sorted[mid] <= v { low = mid + 1 } else { high = mid } }
            return low
        }
        return values.map { v in let below = lower(v); return 2 * below + (upper(v) - below) + 1 }
    }

    /// The sort (fine), the array of small whole numbers (scale, a constant, negatives) and the
    /// count of a few distinct values (halves).
    func testRanksOfEveryPathAreTheMidranks() throws {
        let halves = (0..<70_000).map { Double($0 % 7) / 2 - 1 }
        for values in [Self.fine, Self.scale, [3, 1, 2, 2, 5, 1], [-3, 7, -3, 0], [Double](repeating: 4, count: 70_000), halves] {
            let flag = Flag(setAt: .max)
            let ranks = try Ranking.ranks(values, isCancelled: flag.closure)
            XCTAssertEqual(ranks.doubled, reference(values))
            var counts: [Double: Int] = [:]
            for v in values { counts[v, default: 0] += 1 }
            XCTAssertEqual(ranks.tieSizes, counts.values.filter { $0 > 1 }.sorted())
            XCTAssertEqual(Ranking.doubledMidranks(values), ranks.doubled)
        }
    }

    /// Every look from the first to the last stops the ranking at once; none is made after it.
    func testRankingStopsAtTheLookThatFindsTheFlag() throws {
        for values in [Self.fine, Self.scale] {
            let counting = Flag(setAt: .max)
            _ = try Ranking.ranks(values, isCancelled: counting.closure)
            // 300 000 values are 5 blocks a pass: the sort's runs, merges and rank pass all look.
            XCTAssertGreaterThanOrEqual(counting.looks, values == Self.fine ? 40 : 10)
            for k in [1, 2, counting.looks / 2, counting.looks] {
                let flag = Flag(setAt: k)
                XCTAssertThrowsError(try Ranking.ranks(values, isCancelled: flag.closure)) {
                    XCTAssertEqual($0 as? StatsError, .cancelled)
                }
                XCTAssertEqual(flag.looks, k, "a look after the flag was found set")
            }
        }
    }

    /// Spearman, Mann–Whitney, the correlation ratio and Kruskal–Wallis on 300 000 values: each
    /// looks at the flag at least once per block of each pass, and stops at the look that finds it.
    func testEachRankMeasureStopsAtTheLookThatFindsTheFlag() throws {
        let x = Self.fine, y = Self.scale
        let groups = y.map { Int($0) }
        let half = x.count / 2
        let measures: [(String, Int, (@escaping @Sendable () -> Bool) throws -> Void)] = [
            ("Spearman", 40, { _ = try Correlation(x, y, kind: .spearman, isCancelled: $0) }),
            ("Mann–Whitney", 40, { _ = try MannWhitneyUTest(Array(x[..<half]), Array(x[half...]), isCancelled: $0) }),
            ("correlation ratio", 4, { _ = try CorrelationRatio(values: x, groups: groups, isCancelled: $0) }),
            // 100 000 groups of three rows (associate's participants): summed in arrays too.
            ("correlation ratio, many groups", 4, { _ = try CorrelationRatio(values: x, groups: x.indices.map { $0 / 3 }, isCancelled: $0) }),
            ("describe's summary", 10, { _ = try DescriptiveSummary.summarising(x, isCancelled: $0) }),
            ("describe's summary of a scale", 6, { _ = try DescriptiveSummary.summarising(y, isCancelled: $0) }),
            ("Kruskal–Wallis", 40, { flag in
                let samples = (1...5).map { g in x.indices.filter { groups[$0] == g }.map { x[$0] } }
                _ = try KruskalWallisTest(samples, isCancelled: flag)
            }),
        ]
        for (name, least, run) in measures {
            let counting = Flag(setAt: .max)
            try run(counting.closure)
            XCTAssertGreaterThanOrEqual(counting.looks, least, name)
            for k in [1, counting.looks / 2, counting.looks] {
                let flag = Flag(setAt: k)
                XCTAssertThrowsError(try run(flag.closure), name) { XCTAssertEqual($0 as? StatsError, .cancelled, name) }
                XCTAssertEqual(flag.looks, k, "\(name): a look after the flag was found set")
            }
        }
    }

    /// The polled sort sorts as the standard library does, by merging or by counting.
    func testPolledSortAgreesWithTheStandardLibrary() throws {
        for values in [Self.fine, Self.scale, [], [2.5], [3, -1, 3, 0.5]] {
            XCTAssertEqual(try CancelCheck({ false }).sorted(values), values.sorted())
        }
    }

    /// The polled summary is the plain one, and the many-group correlation ratio (arrays) is the
    /// one the dictionary gives (text groups).
    func testPolledSummaryAndManyGroupEtaAgreeWithThePlainOnes() throws {
        let x = Self.fine
        let (summary, sorted) = try DescriptiveSummary.summarising(x, isCancelled: { false })
        XCTAssertEqual(summary, try DescriptiveSummary(x))
        XCTAssertEqual(sorted, x.sorted())
        XCTAssertEqual(try Quantile.ofSorted(sorted, 0.25), try Quantile.of(x, 0.25))
        let codes = x.indices.map { $0 / 3 }
        let byCode = try CorrelationRatio(values: x, groups: codes)
        let byText = try CorrelationRatio(values: x, groups: codes.map(String.init))
        XCTAssertEqual(byCode.eta, byText.eta, accuracy: 1e-12)
        XCTAssertEqual(byCode.statistic, byText.statistic, accuracy: 1e-9 * byText.statistic)
        XCTAssertEqual(byCode.denominatorDegreesOfFreedom, byText.denominatorDegreesOfFreedom)
    }
}
