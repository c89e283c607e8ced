import ArvioData
@testable import ArvioRender
import XCTest

final class ChartRendererTests: XCTestCase {
    /// The chart in Unicode at 80 and ASCII at 50 (and Unicode at 50 and ASCII at 80), one
    /// golden file holding all four so a reader compares them side by side.
    func check(_ chart: ChartModel, _ name: String, language: Language = .en,
               file: StaticString = #filePath, line: UInt = #line) {
        var all = ""
        for (charset, width) in [(Charset.unicode, 80), (.unicode, 50), (.ascii, 80), (.ascii, 50)] {
            let options = RenderOptions(language: language, width: width, charset: charset)
            let text = ChartRenderer.render(chart, options: options)
            for row in text.split(separator: "\n") {
                XCTAssertLessThanOrEqual(DisplayWidth.of(String(row)), width, "\(name) \(charset) \(width): \(row)",
                                         file: file, line: line)
                if charset == .ascii { XCTAssertTrue(row.allSatisfy(\.isASCII) || !row.contains("█"), file: file, line: line) }
            }
            XCTAssertEqual(text, ChartRenderer.render(chart, options: options), "deterministic", file: file, line: line)
            all += "=== \(charset.rawValue) \(width)\n" + text
        }
        Golden.check(all, "chart-" + name, file: file, line: line)
    }

    func testBarCountsWithPercentages() { check(ChartFixtures.orgs, "bar-en") }
    func testBarFinnish() { check(ChartFixtures.orgs, "bar-fi", language: .fi) }
    func testGroupedBar() { check(ChartFixtures.grouped, "grouped-en") }
    func testStackedBar() { check(ChartFixtures.stacked, "stacked-fi", language: .fi) }
    func testLikertFigure17() { check(ChartFixtures.likert(), "likert-en") }
    func testLikertFinnishSortedByHighShare() { check(ChartFixtures.likert(sorted: true), "likert-fi-sorted", language: .fi) }
    func testHistogramOfDecimals() { check(ChartFixtures.histogram, "histogram-en") }
    func testHistogramOfScores() { check(ChartFixtures.scores, "histogram-scores-fi", language: .fi) }
    func testDumbbell() { check(ChartFixtures.dumbbell, "dumbbell-en") }
    func testHeat() { check(ChartFixtures.heat, "heat-en") }
}

/// Charts at their edges: one category, zeros, everything in one category, 0% and 100% rows,
/// labels wider than the chart, nothing to draw, and colour only on request.
final class ChartEdgeCaseTests: XCTestCase {
    func render(_ chart: ChartModel, _ charset: Charset = .unicode, width: Int = 50, language: Language = .en,
                colour: Bool = false) -> String {
        ChartRenderer.render(chart, options: RenderOptions(language: language, width: width, charset: charset,
                                                           colour: colour))
    }

    func testEdgeCases() {
        let wide = Localized(en: String(repeating: "Very long label of an item ", count: 4), fi: "東京支部の非常に長いラベル東京支部の非常に長いラベル")
        let cases: [(String, ChartModel)] = [
            ("single bar", .bar(title: nil, bars: [(Localized("only"), 7)])),
            ("all zero bars", .bar(title: nil, bars: [(Localized("a"), 0), (Localized("b"), 0)])),
            ("percent bars", .bar(title: nil, bars: [(Localized("0%"), 0), (Localized("100%"), 100), (Localized("33.3%"), 33.3)],
                                  measure: .percent)),
            ("label wider than the chart", .bar(title: wide, bars: [(wide, 3), (Localized("short"), 1)])),
            ("likert all in one category and empty rows", .likert(
                title: nil, categories: ChartFixtures.scale, neutral: 2,
                rows: [.init(label: Localized("all high"), values: [0, 0, 0, 0, 9]),
                       .init(label: Localized("all low"), values: [4, 0, 0, 0, 0]),
                       .init(label: Localized("all neutral"), values: [0, 0, 5, 0, 0]),
                       .init(label: Localized("nobody"), values: [0, 0, 0, 0, 0]),
                       .init(label: wide, values: [1, 1, 1, 1, 1])])),
            ("likert without a neutral category", .likert(
                title: nil, categories: [Localized("no"), Localized("rather no"), Localized("rather yes"), Localized("yes")],
                neutral: nil, rows: [.init(label: Localized("q1"), values: [1, 2, 3, 4])])),
            ("stacked single segment", ChartModel(kind: .stackedBar, series: [Localized("all")],
                                                  rows: [.init(label: Localized("r"), values: [5])])),
            ("histogram of one value", .histogram(title: nil, samples: [3, 3, 3], discrete: true)),
            ("histogram empty", .histogram(title: nil, samples: [], discrete: false)),
            ("dumbbell fitted to data", .dumbbell(title: nil, phases: [ChartFixtures.pre, ChartFixtures.post],
                                                  rows: [.init(label: Localized("x"), values: [0.25, 0.75]),
                                                         .init(label: Localized("y"), values: [.nan, 0.5])])),
            ("heat with an empty row", ChartModel(kind: .heat, series: [Localized("a"), Localized("b")],
                                                  rows: [.init(label: Localized("r1"), values: [0, 0]),
                                                         .init(label: Localized("r2"), values: [5, 0])])),
            ("no rows", ChartModel(kind: .stackedBar, title: Localized("empty"))),
        ]
        var all = ""
        for (name, chart) in cases {
            for charset in Charset.allCases {
                let text = render(chart, charset, language: name.contains("label") ? .fi : .en)
                for row in text.split(separator: "\n") {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(String(row)), 50, "\(name): \(row)")
                }
                all += "=== \(name), \(charset.rawValue) 50\n" + text
            }
        }
        Golden.check(all, "chart-edge-cases")
    }

    func testEveryLikertCategoryHasAFillOfItsOwn() {
        for charset in Charset.allCases {
            let glyphs = ChartGlyphs(charset: charset)
            for count in [4, 5, 6, 7] {
                let neutral = count % 2 == 1 ? count / 2 : nil
                let fills = (0..<count).map { LikertChart.fill($0, neutral: neutral, count: count, glyphs: glyphs).0 }
                XCTAssertEqual(Set(fills).count, count, "\(charset) \(count): \(fills)")
                XCTAssertTrue(fills.allSatisfy { DisplayWidth.of($0) == 1 })
            }
        }
        let legend = render(ChartFixtures.likert(), width: 80).split(separator: "\n").last.map(String.init)
        XCTAssertEqual(legend, "█ poorly  ▓ moderately  ░ to some extent  ▒ well  ▚ excellently")
    }

    func testLikertSharesAlwaysAddUpToAHundred() {
        // 12.5 + 37.5 + 50 rounds one by one to 13 + 38 + 50 = 101; a third each to 33 × 3 = 99.
        for (counts, expected) in [([1.0, 0, 3, 4, 0], (13, 37, 50)), ([1, 1, 1], (33, 34, 33))] {
            let neutral = counts.count / 2
            let shares = LikertChart.shares(ChartModel.Row(label: Localized("r"), values: counts),
                                            neutral: neutral, count: counts.count)
            let p = shares.wholePercents
            XCTAssertEqual([p.low, p.neutral, p.high], [expected.0, expected.1, expected.2])
        }
        var rng = SplitMix64(state: 11)
        for _ in 0..<500 {
            let counts = (0..<5).map { _ in Double(Int.random(in: 0...20, using: &rng)) }
            let p = LikertChart.shares(ChartModel.Row(label: Localized("r"), values: counts), neutral: 2, count: 5)
                .wholePercents
            XCTAssertEqual(p.low + p.neutral + p.high, counts.reduce(0, +) > 0 ? 100 : 0, "\(counts)")
        }
    }

    func testAChartsOwnWidthWinsOverTheOutputs() {
        var chart = ChartFixtures.orgs
        chart.width = 40
        let text = ChartRenderer.render(chart, options: RenderOptions(width: 100))
        XCTAssertEqual(text, ChartRenderer.render(ChartFixtures.orgs, options: RenderOptions(width: 40)))
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 40 })
    }

    func testColourIsAddedOnlyWhenAskedAndNeverChangesTheText() {
        let plain = render(ChartFixtures.likert())
        XCTAssertFalse(plain.contains("\u{1B}"))
        let coloured = render(ChartFixtures.likert(), colour: true)
        XCTAssertTrue(coloured.contains("\u{1B}[31m"))
        XCTAssertEqual(stripANSI(coloured), plain)
    }

    func testNoChartPartIsWhiteOrBlackSoEveryPartShowsOnLightAndDarkBackgrounds() {
        let charts = [ChartFixtures.likert(), ChartFixtures.orgs]
        for chart in charts {
            let coloured = render(chart, colour: true)
            for code in ["30", "37", "90", "97", "40", "47", "100", "107"] {
                XCTAssertFalse(coloured.contains("\u{1B}[\(code)m"), "SGR \(code) in\n\(coloured)")
            }
        }
        // The neutral fill is drawn in the terminal's own colour: no escape before it.
        let likert = render(ChartFixtures.likert(), colour: true)
        XCTAssertTrue(likert.contains("░"), likert)
        XCTAssertFalse(likert.contains("\u{1B}[37m░"))
    }

    /// `text` without ANSI SGR sequences (ESC [ digits and semicolons m).
    func stripANSI(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for ch in text {
            if ch == "\u{1B}" { inEscape = true; continue }
            if inEscape { if ch == "m" { inEscape = false }; continue }
            out.append(ch)
        }
        return out
    }

    func testStackedBarsNeverDriftInLength() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<200 {
            let rows = (0..<3).map { _ in
                ChartModel.Row(label: Localized("r"), values: (0..<5).map { _ in Double(Int.random(in: 0...9, using: &rng)) })
            }
            let chart = ChartModel(kind: .stackedBar, series: ChartFixtures.scale, rows: rows)
            let width = Int.random(in: 40...120, using: &rng)
            let lines = render(chart, .ascii, width: width).split(separator: "\n")
            let lengths = lines.prefix(3).enumerated().compactMap { i, line -> Int? in
                rows[i].values.reduce(0, +) > 0 ? line.dropFirst(2).prefix { $0 != " " }.count : nil
            }
            XCTAssertEqual(Set(lengths).count <= 1, true, "\(lines)")
        }
    }
}
