@testable import ArvioData
import XCTest

final class NumberFormatTests: XCTestCase {
    func testFullPrecisionIsShortestRoundTripWithoutExponentSurprises() {
        XCTAssertEqual(NumberFormat.full(0.1), "0.1")
        XCTAssertEqual(NumberFormat.full(3.0), "3")
        XCTAssertEqual(NumberFormat.full(-2.5), "-2.5")
        XCTAssertEqual(NumberFormat.full(0.00001), "0.00001")
        XCTAssertEqual(NumberFormat.full(0.000001), "0.000001")
        XCTAssertEqual(NumberFormat.full(1e16), "10000000000000000")
        XCTAssertEqual(NumberFormat.full(0.858555), "0.858555")
        XCTAssertEqual(NumberFormat.full(1.0 / 3.0), "0.3333333333333333")
        XCTAssertEqual(NumberFormat.full(1.5e-7), "1.5e-7")
        XCTAssertEqual(NumberFormat.full(1e300), "1e300")
        XCTAssertEqual(NumberFormat.full(-0.0), "0")
        for value in [0.1, 2.675, 1.0 / 3.0, 123456.789, 5e-7, 6.02e23] {
            XCTAssertEqual(Double(NumberFormat.full(value)), value, "round trip of \(value)")
        }
    }

    func testCountsAreWholeWhenWholeAndKeepTheirPlacesOtherwise() {
        XCTAssertEqual(NumberFormat.count(7), "7")
        XCTAssertEqual(NumberFormat.count(0), "0")
        XCTAssertEqual(NumberFormat.count(-0.0), "0")
        XCTAssertEqual(NumberFormat.count(2.5), "2.50")
    }

    func testFixedRoundsTheDecimalDigitsHalfAwayFromZero() {
        XCTAssertEqual(NumberFormat.fixed(2.675, decimals: 2), "2.68")
        XCTAssertEqual(NumberFormat.fixed(2.5, decimals: 0), "3")
        XCTAssertEqual(NumberFormat.fixed(-2.5, decimals: 0), "-3")
        XCTAssertEqual(NumberFormat.fixed(9.996, decimals: 2), "10.00")
        XCTAssertEqual(NumberFormat.fixed(0.004, decimals: 2), "0.00")
        XCTAssertEqual(NumberFormat.fixed(-0.004, decimals: 2), "0.00")
        XCTAssertEqual(NumberFormat.fixed(12, decimals: 2), "12.00")
        XCTAssertEqual(NumberFormat.fixed(0.0000012, decimals: 7), "0.0000012")
        XCTAssertEqual(NumberFormat.decimal(2.875), "2.88")
    }

    func testPValuesHaveThreePlacesOrALessThanSign() {
        XCTAssertEqual(NumberFormat.pValue(0.858555), "0.859")
        XCTAssertEqual(NumberFormat.pValue(0.010482), "0.010")
        XCTAssertEqual(NumberFormat.pValue(0.00000564), "< 0.001")
        XCTAssertEqual(NumberFormat.pValue(1), "1.000")
        // Rounding never carries a p-value across 0.05, 0.01 or 0.001.
        XCTAssertEqual(NumberFormat.pValue(0.049914), "0.0499")
        XCTAssertEqual(NumberFormat.pValue(0.0099951), "0.009995")
        XCTAssertEqual(NumberFormat.pValue(0.00099999), "< 0.001")
        XCTAssertEqual(NumberFormat.pValue(0.0499999999), "0.049999")
        XCTAssertEqual(NumberFormat.pValue(0.0504), "0.050")
    }

    func testStatisticsDegreesOfFreedomAndTicks() {
        XCTAssertEqual(NumberFormat.statistic(0.761905), "0.762")
        XCTAssertEqual(NumberFormat.degreesOfFreedom(3), "3")
        XCTAssertEqual(NumberFormat.degreesOfFreedom(10.4712), "10.47")
        XCTAssertEqual(NumberFormat.tick(20, step: 5), "20")
        XCTAssertEqual(NumberFormat.tick(1.5, step: 0.5), "1.5")
        XCTAssertEqual(NumberFormat.tick(0.2, step: 0.05), "0.20")
        XCTAssertEqual(NumberFormat.percent(31.25), "31.3%")
    }

    func testValuesShownTogetherAreAllWholeOrAllWithTwoPlaces() {
        XCTAssertEqual([3, 12, 0].map(NumberFormat.alike([3, 12, 0, .nan])), ["3", "12", "0"])
        XCTAssertEqual([3, 2.5].map(NumberFormat.alike([3, 2.5])), ["3.00", "2.50"])
        // Beyond 10^15 a double is no safe whole-number text: shown as a decimal, never trapped.
        XCTAssertFalse(NumberFormat.isWhole(1e20))
        XCTAssertEqual(NumberFormat.count(1e20), NumberFormat.decimal(1e20))
        XCTAssertEqual(NumberFormat.alike([1e20])(1e20), NumberFormat.decimal(1e20))
        XCTAssertTrue(NumberFormat.isWhole(-4))
        XCTAssertFalse(NumberFormat.isWhole(.infinity))
    }
}
