import ArvioData
@testable import ArvioRender
import XCTest

/// A small result table with Finnish labels, a missing value in every column, a CJK label, and
/// text that needs escaping in every format.
enum Fixture {
    static let orgLevels = [
        Level(value: "Setlementti", label: Localized(en: "Jyvälä Settlement", fi: "Jyvälän Setlementti")),
        Level(value: "Tekevä", label: Localized(en: "Tekevä Foundation", fi: "Työvalmennussäätiö Tekevä")),
        Level(value: "Tokyo", label: Localized(en: "東京支部", fi: "東京支部")),
        Level(value: "Katulähetys"),
    ]

    static var table: Table {
        Table(
            name: "summary",
            columns: [
                Column(name: "org", data: .categorical(CategoricalData(codes: .u8([1, 2, 3, 4, 0]), levels: orgLevels),
                                                       ordered: false)),
                Column(name: "n", data: .integer([4, 5, 12, Missing.integer, 1])),
                Column(name: "mean_score", data: .decimal([2.875, 3.5, .nan, 10.0 / 3.0, -0.004])),
                Column(name: "comment", data: .text(["ok", "pipe | and \"quote\"", nil, "a, b", "two\nlines"]),
                       label: Localized(en: "Comment", fi: "Kommentti")),
            ],
            statistics: [
                StatisticsBlock(
                    title: Localized(en: "Tests of independence", fi: "Riippumattomuustestit"),
                    entries: [
                        Statistic(name: Localized(en: "Pearson chi-square", fi: "Pearsonin khii toiseen"),
                                  value: 0.761905, df: 3, p: 0.858555,
                                  method: Localized(en: "asymptotic", fi: "asymptoottinen")),
                        Statistic(name: Localized(en: "Fisher's exact test", fi: "Fisherin tarkka testi"),
                                  value: nil, p: 1, method: Localized(en: "exact, network algorithm",
                                                                      fi: "tarkka, verkkoalgoritmi")),
                        Statistic(name: Localized(en: "Cramér's V", fi: "Cramérin V"), value: 0.218218),
                        Statistic(name: Localized("t"), value: 8.124038, df: 11, p: 0.00000564),
                    ],
                    notes: [Localized(en: "Expected counts under 5 in 8 of 8 cells.",
                                      fi: "Odotettu frekvenssi alle 5 kahdeksassa solussa kahdeksasta.")]),
            ],
            notes: [Localized(en: "1 row has no organisation.", fi: "Yhdeltä riviltä puuttuu organisaatio.")])
    }

    /// A table of `count` numbered rows, for eliding the middle of long tables.
    static func long(_ count: Int) -> Table {
        Table(name: "long", columns: [
            Column(name: "id", data: .text((1...count).map { "P\($0)" })),
            Column(name: "value", data: .decimal((1...count).map { Double($0) / 4 })),
        ])
    }
}

final class TableRendererTests: XCTestCase {
    func testTextEnglishUnicode() {
        Golden.check(TableRenderer.render(Fixture.table, format: .text), "table-text-en-80")
    }

    func testTextFinnishUnicode() {
        let options = RenderOptions(language: .fi)
        Golden.check(TableRenderer.render(Fixture.table, format: .text, options: options), "table-text-fi-80")
    }

    func testTextASCIINarrowLeavesOutColumnsAndSaysWhich() {
        let options = RenderOptions(language: .fi, width: 40, charset: .ascii)
        let text = TableRenderer.render(Fixture.table, format: .text, options: options)
        XCTAssertTrue(text.contains("comment"), "names the column left out")
        Golden.check(text, "table-text-fi-ascii-40")
        for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 40) }
    }

    func testTextColumnsWrapBeforeColumnsAreLeftOut() {
        let table = Table(name: "wide", columns: [
            Column(name: "area", data: .text(["Job-coaching competence (overall)", "Planning skills"])),
        ] + (1...6).map { Column(name: "number_\($0)", data: .integer([1, 2])) })
        let text = TableRenderer.render(table, format: .text, options: RenderOptions(width: 80))
        XCTAssertEqual(text, """
            area                  number_1  number_2  number_3  number_4  number_5  number_6
            ────────────────────  ────────  ────────  ────────  ────────  ────────  ────────
            Job-coaching                 1         1         1         1         1         1
            competence (overall)
            Planning skills              2         2         2         2         2         2

            """)
    }

    func testAWordIsNotCutWhenAnotherTextColumnCanGiveWayWithoutCuttingItsOwn() {
        // `participants | take 2` in Finnish at 80 columns cut "määräaikainen" to "määräaikaine" / "n"
        // in a 12-cell column while the column beside it was wider than its longest word.
        let table = Table(name: "t", columns: [
            Column(name: "experience_years", data: .decimal([12, 0.04])),
            Column(name: "org", data: .text(["Jyväskylän Katulähetys ry", "Jyväskylän Katulähetys ry"])),
            Column(name: "experience_total", data: .decimal([1, 2])),
            Column(name: "entry_route", data: .text(["työnantajan ohjaamana", "omasta halusta"])),
            Column(name: "employment", data: .text(["vakituinen", "määräaikainen"])),
        ])
        // At 76 cells every text column starts at 12; org gives the one employment needs, as it
        // wraps to three lines either way.
        let text = TableRenderer.render(table, format: .text, options: RenderOptions(width: 76, charset: .unicode))
        XCTAssertEqual(text, """
            experience_years  org          experience_total  entry_route   employment
            ────────────────  ───────────  ────────────────  ────────────  ─────────────
                       12.00  Jyväskylän               1.00  työnantajan   vakituinen
                              Katulähetys                    ohjaamana
                              ry
                        0.04  Jyväskylän               2.00  omasta        määräaikainen
                              Katulähetys                    halusta
                              ry

            """)
        XCTAssertEqual(TextTable.longestPiece("prior_guidance_training = yes"), 9)
    }

    func testValuesThatShareTheirStartStayDistinctWhenTheColumnIsNarrow() {
        // Issue 18: at 80 and 100 columns both rows read "prior_guidance_tra…".
        let names = ["prior_guidance_training = yes (%)", "prior_guidance_training = no (%)"]
        let table = Table(name: "attrition", columns: [
            Column(name: "variable", data: .text(names)),
            Column(name: "test", data: .text(["Fisher, exact", nil])),
        ] + (1...6).map { Column(name: "measure_\($0)", data: .decimal([41.67, -41.67])) })
        for width in [60, 80, 100] {
            let lines = TableRenderer.render(table, format: .text, options: RenderOptions(width: width))
                .split(separator: "\n").map(String.init)
            XCTAssertFalse(lines.joined().contains("…"), "nothing is cut at \(width):\n" + lines.joined(separator: "\n"))
            XCTAssertTrue(lines.contains { $0.contains("Fisher, exact") }, "the method is whole at \(width)")
            for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width) }
            let text = lines.joined(separator: "\n")
            XCTAssertTrue(text.contains("yes (%)") && text.contains("no (%)"), "the rows differ at \(width):\n" + text)
        }
    }

    func testASingleTextColumnUsesTheWholeWidth() {
        let sentence = String(repeating: "Työvalmentaja kertoi, että ", count: 3) + "loppu."
        let table = Table(name: "comments", columns: [Column(name: "comment", data: .text([sentence]))])
        let text = TableRenderer.render(table, format: .text, options: RenderOptions(width: 100))
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(DisplayWidth.of(lines[1]), 87, "the rule spans the whole value, not 40 cells")
        XCTAssertEqual(lines[2], sentence)
    }

    func testWideCharactersWrapByTerminalCells() {
        let table = Table(name: "t", columns: [
            Column(name: "place", data: .text(["東京支部 大阪支部 名古屋支部 札幌支部"])),
            Column(name: "n", data: .integer([3])),
        ])
        let text = TableRenderer.render(table, format: .text, options: RenderOptions(width: 20))
        let lines = text.split(separator: "\n").map(String.init)
        for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 20, line) }
        XCTAssertEqual(lines.dropFirst(2).joined(separator: " ").split(separator: " ").filter { $0 != "3" },
                       ["東京支部", "大阪支部", "名古屋支部", "札幌支部"], text)
    }

    func testStatisticAndMethodNamesWrapInsteadOfBeingCut() {
        let block = StatisticsBlock(title: Localized("Tests of independence"), entries: [
            Statistic(name: Localized("Fisher's exact, one-sided (OR < 1)"), value: nil, p: 0.0123,
                      method: Localized("exact, conditional on the margins")),
            Statistic(name: Localized("Fisher's exact, one-sided (OR > 1)"), value: nil, p: 0.9988,
                      method: Localized("exact, conditional on the margins")),
        ])
        let table = Table(name: "t", columns: [], statistics: [block])
        let text = TableRenderer.render(table, format: .text, options: RenderOptions(width: 40))
        XCTAssertFalse(text.contains("…"), text)
        XCTAssertTrue(text.contains("(OR < 1)") && text.contains("(OR > 1)"), text)
        for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 40) }
    }

    func testSpareWidthGoesToTheTextColumnsThatNeedIt() {
        // 30 + 30 + 8 + two gaps = 72 cells are asked for in 50: both text columns start at 12
        // and share the 14 cells left, the first of equals first.
        XCTAssertEqual(TextTable.fit([30, 30, 8], shrinkable: [true, true, false], width: 50).widths, [19, 19, 8])
        // A first column of at most two fifths of the width is whole; the other takes the rest.
        XCTAssertEqual(TextTable.fit([14, 30, 8], shrinkable: [true, true, false], width: 50).widths, [14, 24, 8])
        // Nothing fits at the narrowest either: the column is left out, the rest keep their width.
        XCTAssertEqual(TextTable.fit([30, 8, 40], shrinkable: [true, false, false], width: 50).kept, 2)
        XCTAssertEqual(TextTable.fit([30, 8, 40], shrinkable: [true, false, false], width: 50).widths, [30, 8])
        // Given the texts, the width goes where it saves lines: a method made whole at 13 cells
        // rather than wrapped for want of one.
        let texts = [["variable", String(repeating: "x ", count: 20)], ["test", "Fisher, exact"]]
        XCTAssertEqual(TextTable.fit([40, 13], shrinkable: [true, true], width: 40, texts: texts).widths[1], 13)
    }

    func testWrappingBreaksAtSpacesThenAfterUnderscores() {
        XCTAssertEqual(TextGrid.wrap("prior_guidance_training = yes (%)", width: 18),
                       ["prior_guidance_", "training = yes (%)"])
        XCTAssertEqual(TextGrid.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(TextGrid.wrap("", width: 4), [""])
        XCTAssertEqual(TextGrid.wrap("東京支部", width: 3), ["東", "京", "支", "部"])
    }

    func testLongTablesShowHeadAndTailWithACount() {
        let text = TableRenderer.render(Fixture.long(30), format: .text, options: RenderOptions(maxRows: 6))
        XCTAssertTrue(text.contains("… 24 more rows …"))
        Golden.check(text, "table-text-long")
    }

    func testColourOnlyBoldsHeadings() {
        let text = TableRenderer.render(Fixture.long(2), format: .text, options: RenderOptions(colour: true))
        XCTAssertEqual(text, "\u{1B}[1mid  value\u{1B}[0m\n──  ─────\nP1   0.25\nP2   0.50\n")
    }

    func testMarkdown() {
        Golden.check(TableRenderer.render(Fixture.table, format: .markdown), "table-markdown-en")
    }

    func testCSVIsRFC4180AtFullPrecision() {
        let csv = TableRenderer.render(Fixture.table, format: .csv, options: RenderOptions(language: .fi))
        XCTAssertTrue(csv.contains("\r\n"))
        XCTAssertTrue(csv.contains("3.3333333333333335"))
        Golden.check(csv, "table-csv-fi")
        Golden.check(TableRenderer.statisticsCSV(Fixture.table) ?? "", "table-csv-statistics-en")
    }

    func testJSONAtFullPrecision() {
        Golden.check(TableRenderer.render(Fixture.table, format: .json), "table-json-en")
    }

    func testEmptyTable() {
        let empty = Table(name: "e", columns: [Column(name: "x", data: .integer([]))])
        XCTAssertEqual(TableRenderer.render(empty, format: .text), "x\n─\n")
        XCTAssertEqual(TableRenderer.render(empty, format: .csv), "x\r\n")
    }
}
