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
        // A third is a fraction: differenced in thirds, 2/3 as its nearest double.
        XCTAssertEqual(DecimalDifferences.of(pre: [1.0 / 3], post: [1]), [2.0 / 3])
        // Not decimals nor small fractions (√2): the plain differences.
        XCTAssertEqual(DecimalDifferences.of(pre: [Double(2).squareRoot()], post: [3]), [3 - Double(2).squareRoot()])
    }

    func testScaledDifferencesSumExactly() {
        let (d, scale) = DecimalDifferences.scaled(pre: [79.5, 82.8, 1], post: [80.2, 82.1, 1])
        XCTAssertEqual(scale, 10)
        XCTAssertEqual(d, [7, -7, 0])
        // Whole numbers: the plain differences, scale 1.
        XCTAssertEqual(DecimalDifferences.scaled(pre: [1, 2], post: [3, 3]).scale, 1)
        // Not decimals nor small fractions: plain, scale 1.
        XCTAssertEqual(DecimalDifferences.scaled(pre: [Double(2).squareRoot()], post: [1]).scale, 1)
        // Means of answers are fractions: a scale score of 11 items is in 11ths, and equal
        // changes are equal doubles, where mean(post) − mean(pre) in binary is not
        // (43/11 − 33/11 is 0.9090909090909092, 12/11 − 2/11 is 0.909090909090909).
        let pre = [33.0 / 11, 11.0 / 11, 2.0 / 11], post = [43.0 / 11, 21.0 / 11, 12.0 / 11]
        XCTAssertNotEqual(post[0] - pre[0], post[2] - pre[2], "the premise: binary breaks the tie")
        let (fractions, q) = DecimalDifferences.scaled(pre: pre, post: post)
        XCTAssertEqual(q, 11)
        XCTAssertEqual(fractions, [10, 10, 10])
        XCTAssertEqual(Set(DecimalDifferences.of(pre: pre, post: post)), [10.0 / 11])
        // Tenths and thirds together: thirtieths.
        XCTAssertEqual(DecimalDifferences.scaled(pre: [0.1, 1.0 / 3], post: [0.2, 1]).scale, 30)
        // A denominator above 1000 is not looked for.
        XCTAssertEqual(DecimalDifferences.scaled(pre: [1.0 / 1009], post: [1]).scale, 1)
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
