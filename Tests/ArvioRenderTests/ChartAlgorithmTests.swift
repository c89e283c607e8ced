@testable import ArvioRender
import XCTest

/// A seeded generator so the random tests are the same on every run and machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

final class NiceTicksTests: XCTestCase {
    func testTicksAreOneTwoOrFiveTimesAPowerOfTen() {
        XCTAssertEqual(NiceTicks.ticks(lower: 0, upper: 5, maxTicks: 6, integer: true), [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(NiceTicks.ticks(lower: 0, upper: 16, maxTicks: 5, integer: true), [0, 5, 10, 15, 20])
        XCTAssertEqual(NiceTicks.ticks(lower: 0, upper: 100, maxTicks: 6), [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(NiceTicks.ticks(lower: 0, upper: 0.7, maxTicks: 8), [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
        XCTAssertEqual(NiceTicks.ticks(lower: 1, upper: 5, maxTicks: 9), [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5])
        XCTAssertEqual(NiceTicks.ticks(lower: -1.5, upper: 2, maxTicks: 5), [-2, -1, 0, 1, 2])
    }

    func testCountsStepByWholeNumbers() {
        XCTAssertEqual(NiceTicks.ticks(lower: 0, upper: 3, maxTicks: 20, integer: true), [0, 1, 2, 3])
        XCTAssertEqual(NiceTicks.ticks(lower: 0, upper: 0, maxTicks: 5, integer: true), [0, 1])
    }

    func testRandomRangesAlwaysCoverTheDataWithinTheTickBudget() {
        var rng = SplitMix64(state: 17)
        for _ in 0..<2000 {
            let a = Double.random(in: -1000...1000, using: &rng) / Double([1, 10, 1000][Int.random(in: 0...2, using: &rng)])
            let b = a + Double.random(in: 0...500, using: &rng)
            let maxTicks = Int.random(in: 2...15, using: &rng)
            let integer = Bool.random(using: &rng)
            let ticks = NiceTicks.ticks(lower: a, upper: b, maxTicks: maxTicks, integer: integer)
            XCTAssertLessThanOrEqual(ticks.count, max(a < 0 && b > 0 ? 3 : 2, maxTicks))
            XCTAssertLessThanOrEqual(ticks.first!, a + 1e-9)
            XCTAssertGreaterThanOrEqual(ticks.last!, b - 1e-9)
            let step = ticks[1] - ticks[0]
            if integer { XCTAssertGreaterThanOrEqual(step, 1) }
            var m = step
            while m >= 10 { m /= 10 }
            while m < 1 { m *= 10 }
            XCTAssertTrue([1, 2, 5].contains { abs(m - Double($0)) < 1e-6 }, "step \(step)")
        }
    }
}

final class HistogramBinsTests: XCTestCase {
    func testBinsAreRoundAndLeftClosed() {
        let bins = HistogramBins(samples: [0, 4.9, 5, 10, 12, 19.99], width: 5)
        XCTAssertEqual(bins.edges, [0, 5, 10, 15, 20])
        XCTAssertEqual(bins.counts, [2, 1, 2, 1], "5 goes to [5, 10), 10 to [10, 15)")
    }

    func testTheLargestValueOnAnEdgeGetsABinOfItsOwn() {
        let bins = HistogramBins(samples: [1, 2, 3, 4, 5], width: 1, discrete: true)
        XCTAssertEqual(bins.edges, [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(bins.counts, [1, 1, 1, 1, 1])
    }

    func testChosenWidthIsRoundAndCountsAreWhole() {
        let bins = HistogramBins(samples: [2, 3, 3, 7, 11, 14, 18, 25, 26, 30], discrete: true)
        XCTAssertEqual(bins.width, 5)
        XCTAssertEqual(bins.edges.first, 0)
        XCTAssertEqual(bins.counts.reduce(0, +), 10)
        let single = HistogramBins(samples: [4, 4, 4], discrete: true)
        XCTAssertEqual(single.edges, [4, 5])
        XCTAssertEqual(single.counts, [3])
        XCTAssertEqual(HistogramBins(samples: []).counts, [])
    }

    func testRandomSamplesAreAllCountedOnce() {
        var rng = SplitMix64(state: 99)
        for _ in 0..<300 {
            let n = Int.random(in: 1...200, using: &rng)
            let scale = Double.random(in: 0.01...1000, using: &rng)
            let samples = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) * scale }
            let bins = HistogramBins(samples: samples)
            XCTAssertEqual(bins.counts.reduce(0, +), n)
            for v in samples { XCTAssertTrue(bins.edges.first! <= v && v < bins.edges.last!) }
        }
    }
}

final class CumulativeRoundingTests: XCTestCase {
    func testWidthsFollowTheCumulativeBoundaries() {
        XCTAssertEqual(CumulativeRounding.widths([1, 1, 1], total: 10), [3, 4, 3])
        XCTAssertEqual(CumulativeRounding.widths([0, 5, 0], total: 7), [0, 7, 0])
        XCTAssertEqual(CumulativeRounding.widths([0, 0], total: 7), [0, 0])
        XCTAssertEqual(CumulativeRounding.widths([3, -2, 1], total: 8), [6, 0, 2])
    }

    func testRandomPartsAlwaysSumToTheBarAndStayWithinACell() {
        var rng = SplitMix64(state: 2026)
        for _ in 0..<5000 {
            let count = Int.random(in: 1...9, using: &rng)
            let parts = (0..<count).map { _ in
                Bool.random(using: &rng) ? Double(Int.random(in: 0...20, using: &rng))
                                         : Double.random(in: 0...1, using: &rng)
            }
            let total = Int.random(in: 1...120, using: &rng)
            let widths = CumulativeRounding.widths(parts, total: total)
            let sum = parts.reduce(0, +)
            if sum == 0 { XCTAssertEqual(widths.reduce(0, +), 0); continue }
            XCTAssertEqual(widths.reduce(0, +), total, "\(parts) at \(total)")
            for (part, width) in zip(parts, widths) {
                XCTAssertGreaterThanOrEqual(width, 0)
                XCTAssertLessThan(abs(Double(width) - part / sum * Double(total)), 1.0 + 1e-9)
            }
        }
    }

    func testTicksOfHugeValuesWithATinySpreadStayInRange() {
        let ticks = NiceTicks.ticks(lower: 1e20, upper: 1e20 + 1, maxTicks: 5, integer: false)
        XCTAssertFalse(ticks.isEmpty)
        XCTAssertTrue(ticks.allSatisfy(\.isFinite))
        let wide = NiceTicks.ticks(lower: -1e308, upper: 1e308, maxTicks: 5, integer: false)
        XCTAssertTrue(wide.allSatisfy(\.isFinite))
    }
}
