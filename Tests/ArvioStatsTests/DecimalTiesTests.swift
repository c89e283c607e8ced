import Foundation
import XCTest
@testable import ArvioStats

/// MASS::anorexia, CBT group (29 girls, weights in lb with one decimal): the signed-rank test on
/// the differences as decimals. Reference: Tests/Fixtures/anorexia/anorexia.R (R's
/// wilcox.test(digits.rank = 7) W+ = 304.5; coin's exact p 0.05990753323 on the decimal
/// differences, 0.06306518242 and W+ 303.5 when floating point breaks the ±0.7 tie).
final class DecimalTiesTests: XCTestCase {
    private func cbt() throws -> (pre: [Double], post: [Double]) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/anorexia/anorexia.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        var pre: [Double] = [], post: [Double] = []
        for line in lines {
            let fields = line.split(separator: ",")
            guard fields.count == 3, fields[0] == "\"CBT\"" else { continue }
            pre.append(try XCTUnwrap(Double(fields[1])))
            post.append(try XCTUnwrap(Double(fields[2])))
        }
        return (pre, post)
    }

    func testAnorexiaCBTKeepsItsDecimalTiesAsCoinAndRDigitsRank() throws {
        let (pre, post) = try cbt()
        XCTAssertEqual(pre.count, 29)
        let test = try WilcoxonSignedRankTest(pre: pre, post: post)
        XCTAssertEqual(test.statistic, 304.5)
        XCTAssertTrue(test.isExact)
        XCTAssertEqual(test.pValue, 0.05990753323, accuracy: 1e-9)
    }

    func testPlainFloatingPointDifferencesWouldBreakTheTie() throws {
        let (pre, post) = try cbt()
        let plain = try WilcoxonSignedRankTest(differences: zip(post, pre).map { $0 - $1 })
        XCTAssertEqual(plain.statistic, 303.5)
        XCTAssertEqual(plain.pValue, 0.06306518242, accuracy: 1e-9)
    }

    func testDecimalsAreTheFewestThatReadBack() {
        XCTAssertEqual(DecimalDifferences.decimals(80.7), 1)
        XCTAssertEqual(DecimalDifferences.decimals(5), 0)
        XCTAssertEqual(DecimalDifferences.decimals(0.125), 3)
        XCTAssertNil(DecimalDifferences.decimals(0.1 + 0.2))
        XCTAssertNil(DecimalDifferences.decimals(.nan))
        XCTAssertEqual(DecimalDifferences.of(pre: [79.5, 82.8], post: [80.2, 82.1]), [0.7, -0.7])
        // Not decimal data (a third): the plain differences.
        XCTAssertEqual(DecimalDifferences.of(pre: [1.0 / 3], post: [1]), [1 - 1.0 / 3])
    }

    func testScaledDifferencesSumExactly() {
        let (d, scale) = DecimalDifferences.scaled(pre: [79.5, 82.8, 1], post: [80.2, 82.1, 1])
        XCTAssertEqual(scale, 10)
        XCTAssertEqual(d, [7, -7, 0])
        // Whole numbers: the plain differences, scale 1.
        XCTAssertEqual(DecimalDifferences.scaled(pre: [1, 2], post: [3, 3]).scale, 1)
        // A third is not a short decimal: plain, scale 1.
        XCTAssertEqual(DecimalDifferences.scaled(pre: [1.0 / 3], post: [1]).scale, 1)
    }

    func testCombiningAddsAndSubtractsOnTheDecimals() {
        XCTAssertEqual(DecimalDifferences.combining([0.1, 0.04], [0.2, 0.2], subtracting: false), [0.3, 0.24])
        XCTAssertEqual(DecimalDifferences.combining([80.2, 82.1], [79.5, 82.8], subtracting: true), [0.7, -0.7])
        // Missing stays missing, and does not stop the others being decimal.
        let withMissing = DecimalDifferences.combining([.nan, 80.2], [1, 79.5], subtracting: true)
        XCTAssertTrue(withMissing[0].isNaN)
        XCTAssertEqual(withMissing[1], 0.7)
        // Not short decimals: plain floating point.
        XCTAssertEqual(DecimalDifferences.combining([1.0 / 3], [0.1], subtracting: false), [1.0 / 3 + 0.1])
        // Beyond 2^53 in tenths: plain.
        XCTAssertEqual(DecimalDifferences.combining([1e15 + 0.5], [0.1], subtracting: false), [1e15 + 0.5 + 0.1])
    }
}
