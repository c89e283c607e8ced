import ArvioData
import ArvioRender
import XCTest

/// Every chart writes its numbers with `NumberFormat`: whole when whole, else two places, and
/// values too large for a whole-number text shown in full instead of crashing.
final class ChartNumberTests: XCTestCase {
    private func render(_ chart: ChartModel) -> String {
        ChartRenderer.render(chart, options: RenderOptions(language: .en, width: 70, charset: .unicode, colour: false))
    }

    func testAHeatMapOfHugeWeightedCountsIsDrawnNotACrash() {
        let chart = ChartModel(kind: .heat, title: nil, series: [Localized("a"), Localized("b")],
                               rows: [.init(label: Localized("x"), values: [1e20, 2.5]),
                                      .init(label: Localized("y"), values: [3, 0])])
        let text = render(chart)
        XCTAssertTrue(text.contains(NumberFormat.decimal(1e20)), text)
        XCTAssertTrue(text.contains("2.50"), text)
        XCTAssertTrue(text.contains(" 3"), text)
    }

    func testBarValuesAreAllWholeOrAllWithTwoPlaces() {
        let whole = render(.bar(title: nil, bars: [(Localized("a"), 3), (Localized("b"), 12)], measure: .value))
        XCTAssertTrue(whole.contains("12") && !whole.contains("12.00"), whole)
        let mixed = render(.bar(title: nil, bars: [(Localized("a"), 3), (Localized("b"), 2.5)], measure: .value))
        XCTAssertTrue(mixed.contains("3.00") && mixed.contains("2.50"), mixed)
    }
}
