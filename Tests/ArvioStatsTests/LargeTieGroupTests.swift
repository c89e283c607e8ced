import XCTest
import ArvioStats

/// A 5-point scale at 10M rows makes tie groups of millions; t³ of 2.1 million overflows a 64-bit
/// integer and trapped in `associate` (bench/cancel.py at 10M). Values from R:
/// Tests/Fixtures/ties/large_ties.R (wilcox.test, exact = FALSE, correct = FALSE).
final class LargeTieGroupTests: XCTestCase {
    func testMannWhitneyWithATieGroupOfMillionsMatchesR() throws {
        let x = [Double](repeating: 0, count: 1_300_000) + [Double](repeating: 1, count: 10)
        let y = [Double](repeating: 0, count: 1_300_000) + [Double](repeating: 1, count: 30)
        let test = try MannWhitneyUTest(x, y)
        XCTAssertEqual(test.statistic, 845_013_000_150, accuracy: 0.5)
        XCTAssertFalse(test.isExact)
        XCTAssertEqual(test.pValue, 0.00156553630546181, accuracy: 1e-9)
    }
}
