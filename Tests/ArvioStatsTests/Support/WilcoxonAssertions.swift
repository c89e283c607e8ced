import XCTest
import ArvioStats

/// That two signed-rank tests, from arrays and from a tally, agree in every part: W+ and W−
/// exactly, the counts and the exact/normal choice, the p and z to rounding.
func assertSameWilcoxon(_ a: WilcoxonSignedRankTest, _ b: WilcoxonSignedRankTest, _ message: String = "",
                        file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.statistic, b.statistic, message, file: file, line: line)
    XCTAssertEqual(a.wMinus, b.wMinus, message, file: file, line: line)
    XCTAssertEqual(a.isExact, b.isExact, message, file: file, line: line)
    XCTAssertEqual(a.nonZeroCount, b.nonZeroCount, message, file: file, line: line)
    XCTAssertEqual(a.zeroCount, b.zeroCount, message, file: file, line: line)
    XCTAssertEqual(a.pValue, b.pValue, accuracy: 1e-12 + 1e-9 * a.pValue, message, file: file, line: line)
    XCTAssertEqual(a.normalApproximation.statistic, b.normalApproximation.statistic, accuracy: 1e-9, message, file: file, line: line)
    XCTAssertEqual(a.rankBiserial, b.rankBiserial, accuracy: 1e-12, message, file: file, line: line)
}
