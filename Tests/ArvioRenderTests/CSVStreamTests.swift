import ArvioData
@testable import ArvioRender
import Foundation
import XCTest

/// `TableRenderer.writeTableCSV`, the streamed CSV of `.save`: the same bytes as `tableCSV`
/// (of `withRawValues` when raw) for every kind of field, and a stop on the cancel flag.
final class CSVStreamTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "arvio-csvstream-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// The streamed bytes of `table`, read back from a file.
    private func streamed(_ table: Table, raw: Bool = false, options: RenderOptions = RenderOptions()) throws -> [UInt8] {
        let path = dir + "/t.csv"
        var finished = false
        try FileIO.writeAtomically(to: path) { writer in
            finished = TableRenderer.writeTableCSV(table, rawValues: raw, options: options, to: writer)
        }
        XCTAssertTrue(finished)
        return try FileIO.read(path)
    }

    private func assertSame(_ table: Table, raw: Bool = false, options: RenderOptions = RenderOptions(),
                            file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = Array(TableRenderer.tableCSV(raw ? table.withRawValues : table, options: options).utf8)
        let got = try streamed(table, raw: raw, options: options)
        XCTAssertEqual(String(decoding: got, as: UTF8.self), String(decoding: expected, as: UTF8.self), file: file, line: line)
        XCTAssertEqual(got, expected, file: file, line: line)
    }

    func testTheFixtureInBothLanguagesIsByteForByteTheRenderedCSV() throws {
        try assertSame(Fixture.table, options: RenderOptions(language: .en))
        try assertSame(Fixture.table, options: RenderOptions(language: .fi))
        try assertSame(Fixture.table, raw: true, options: RenderOptions(language: .fi))
    }

    /// Text that needs quotes by its characters (a comma or space inside a cluster, the
    /// line and paragraph separators, NEL), text that does not despite a byte that may
    /// start one (€, §, a no-break space), and the numbers at their edges.
    func testEveryKindOfFieldIsSpelledAsTheRendererSpellsIt() throws {
        let texts: [String?] = [
            "Jyväskylä", "Äänekoski, Keski-Suomi", " alussa", "lopussa ", "\tsarkain", "sarkain\t", "",
            "a,\u{301}b", "x \u{301}", "\u{301}", "rivi\r\nvaihto", "cr\rvain", "nel\u{85}x", "ls\u{2028}x",
            "ps\u{2029}x", "vt\u{0B}ff\u{0C}", "€ 5", "§ 3", "ei\u{A0}välilyönti", "\"lainaus\"", "東京支部", nil,
            "😀 hymy", "e\u{301}", "ääkköset ÅÄÖ",
        ]
        let n = texts.count
        let ints: [Int64] = [0, -1, 1, Int64.max, -Int64.max, Missing.integer, 1_000_000, -42, 7, 10, 99, 100, 1 << 53,
                             -(1 << 53) - 1, 12_345_678_901, 5, 6, 8, 9, 11, 12, 13, 14, 15, 16]
        let decimals: [Double] = [0, -0.0, 1e22, -1e-7, .infinity, -.infinity, .nan, 10.0 / 3, 0.1 + 0.2, 1e21, 123456.789,
                                  5e-324, .greatestFiniteMagnitude, 2.5, -2.5, 1, 100, 1e-6, 1e-5, 0.5, 3, 4, 5, 6, 7]
        let levels = [Level(value: "1", label: Localized(en: "poor, really", fi: "huono")),
                      Level(value: " 2", label: Localized(en: "fine ", fi: "hyvä")), Level(value: "Ä")]
        let codes = (0..<n).map { UInt32($0 % 4) }
        let table = Table(name: "t", columns: [
            Column(name: "teksti", data: .text(texts)),
            Column(name: "luku", data: .integer(Array(ints.prefix(n)))),
            Column(name: "desimaali", data: .decimal(Array(decimals.prefix(n)))),
            Column(name: "arvio, luokka", data: .categorical(CategoricalData(codes: Codes(codes, levelCount: 3), levels: levels),
                                                             ordered: true)),
        ])
        try assertSame(table, options: RenderOptions(language: .en))
        try assertSame(table, options: RenderOptions(language: .fi))
        try assertSame(table, raw: true)
    }

    func testRawValuesWriteTheCodesOfMissingReasons() throws {
        let reasons = MissingReasons(reasons: [MissingReasons.Reason(code: "9", label: Localized(en: "no answer", fi: "ei vastausta")),
                                               MissingReasons.Reason(code: ".a, b")],
                                     codes: Codes([0, 1, 2, 0, 0], levelCount: 2))
        var columns = [
            Column(name: "i", data: .integer([1, Missing.integer, Missing.integer, Missing.integer, 5])),
            Column(name: "d", data: .decimal([1.5, .nan, .nan, .nan, 2])),
            Column(name: "s", data: .text(["a", nil, nil, nil, " b"])),
            Column(name: "c", data: .categorical(CategoricalData(codes: Codes([1, 0, 0, 0, 2], levelCount: 2),
                                                                 levels: [Level(value: "x"), Level(value: "y, z")]), ordered: false)),
        ]
        for i in columns.indices { columns[i].missingReasons = reasons }
        let table = Table(name: "t", columns: columns)
        try assertSame(table, raw: true)
        try assertSame(table, raw: false)
        XCTAssertEqual(String(decoding: try streamed(table, raw: true), as: UTF8.self),
                       "i,d,s,c\r\n1,1.5,a,x\r\n9,9,9,9\r\n\".a, b\",\".a, b\",\".a, b\",\".a, b\"\r\n,,,\r\n5,2,\" b\",\"y, z\"\r\n")
    }

    func testARowWhoseOneFieldIsMissingAndATableWithoutColumns() throws {
        try assertSame(Table(name: "t", columns: [Column(name: "x", data: .text(["a", nil, ""]))]))
        XCTAssertEqual(String(decoding: try streamed(Table(name: "t", columns: [Column(name: "x", data: .integer([1, Missing.integer]))])),
                              as: UTF8.self), "x\r\n1\r\n\"\"\r\n")
        try assertSame(Table(name: "t", columns: [], rowCount: 3))
    }

    /// More rows than one block of the writer and one poll, so the blocks join seamlessly.
    func testALongTableCrossesBlocksWithoutALostOrDoubledByte() throws {
        let n = 150_000
        let table = Table(name: "t", columns: [
            Column(name: "id", data: .text((0..<n).map { "P\($0)" })),
            Column(name: "org", data: .categorical(CategoricalData(codes: Codes((0..<n).map { UInt32($0 % 3) }, levelCount: 2),
                                                                   levels: [Level(value: "Tekevä"), Level(value: "Sininauha")]),
                                                   ordered: false)),
            Column(name: "score", data: .integer((0..<n).map { Int64($0 % 7) - 3 })),
        ])
        try assertSame(table)
    }

    func testTheFlagStopsTheWriteAndAFalseAnswerLeavesTheOldFile() throws {
        let n = 200_000
        let table = Table(name: "t", columns: [Column(name: "x", data: .integer((0..<n).map(Int64.init)))])
        let path = dir + "/t.csv"
        try FileIO.writeAtomically(Array("old\n".utf8), to: path)
        var looks = 0
        XCTAssertThrowsError(try FileIO.writeAtomically(to: path) { writer throws(DataError) in
            let done = TableRenderer.writeTableCSV(table, rawValues: false, to: writer, isCancelled: { looks += 1; return looks >= 2 })
            if !done { throw DataError(DataPosition(file: path), "the save was cancelled; nothing was saved") }
        }) { error in
            XCTAssertEqual("\(error)", path + ": the save was cancelled; nothing was saved")
        }
        XCTAssertEqual(looks, 2, "stopped at its second look, 16 384 rows in")
        XCTAssertEqual(String(decoding: try FileIO.read(path), as: UTF8.self), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["t.csv"])
    }

    /// `.save` as JSON: the rendered JSON when the flag stays unset, nothing once it is set.
    func testTheJSONOfASaveIsTheRenderedJSONAndStopsOnTheFlag() {
        for language in [Language.en, .fi] {
            let options = RenderOptions(language: language)
            XCTAssertEqual(TableRenderer.json(Fixture.table, options: options, isCancelled: { false }),
                           TableRenderer.render(Fixture.table, format: .json, options: options))
        }
        let long = Table(name: "t", columns: [Column(name: "x", data: .integer((0..<40_000).map(Int64.init)))])
        var looks = 0
        XCTAssertNil(TableRenderer.json(long, isCancelled: { looks += 1; return looks >= 2 }))
        XCTAssertEqual(looks, 2, "stopped at row 16 384, its second look")
    }
}
