import Foundation
import XCTest
import ZIPFoundation
@testable import ArvioData

/// A survey export made by R's openxlsx (Tests/Fixtures/xlsx/make-fixtures.R), read by Arvio and
/// compared cell by cell with what openxlsx reads back (reference.json).
final class XlsxReaderTests: XCTestCase {
    static let folder = Paths.fixtures + "/xlsx"

    private func reference(_ sheet: String) throws -> (headers: [String], columns: [String: [String?]]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/reference.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let part = try XCTUnwrap(json[sheet] as? [String: Any])
        let columns = try XCTUnwrap(part["columns"] as? [String: [Any]]).mapValues { $0.map { $0 as? String } }
        return (try XCTUnwrap(part["headers"] as? [String]), columns)
    }

    private func check(_ result: XlsxReader.Result, sheet: String) throws {
        let (headers, columns) = try reference(sheet)
        XCTAssertEqual(result.sheet, sheet)
        XCTAssertEqual(result.table.columns.count, headers.count)
        for (column, header) in zip(result.table.columns, headers) {
            // The header is the name, or the description of the name made from it.
            XCTAssertEqual(column.name == header ? nil : header, column.label?.en, column.name)
            let expected = try XCTUnwrap(columns[header])
            XCTAssertEqual(column.count, expected.count, header)
            for (row, value) in expected.enumerated() {
                XCTAssertEqual(ReadStatReaderTests.text(column.data, row), value, "\(header) row \(row + 1)")
            }
        }
    }

    func testFirstSheetMatchesOpenxlsx() throws {
        let result = try XlsxReader.read(path: Self.folder + "/kysely.xlsx", name: "kysely")
        try check(result, sheet: "Vastaukset")
        XCTAssertEqual(result.otherSheets, ["Tausta tiedot"])
        XCTAssertEqual(result.table.columnNames, [
            "vastaajan_tunnus", "Organisaatio", "kuinka_hyvin_osaat_hakea_alku", "kuinka_hyvin_osaat_hakea_loppu",
            "Ikä", "tunteja_viikossa", "Vastauspäivä", "Suostumus", "Q7",
        ])
        XCTAssertEqual(result.table.columns.map(\.type.rawValue), [
            "integer", "categorical", "categorical", "categorical", "integer", "decimal", "categorical", "categorical", "categorical",
        ])
        XCTAssertEqual(result.renamedHeaders, 4)
    }

    func testNamedSheet() throws {
        let result = try XlsxReader.read(path: Self.folder + "/kysely.xlsx", name: "tausta", sheet: "Tausta tiedot")
        try check(result, sheet: "Tausta tiedot")
        XCTAssertThrowsError(try XlsxReader.read(path: Self.folder + "/kysely.xlsx", name: "x", sheet: "Nope")) { error in
            XCTAssertTrue("\(error)".contains("has no sheet \"Nope\"; its sheets are \"Vastaukset\", \"Tausta tiedot\""), "\(error)")
        }
    }

    func testHeaderNamesRule() {
        XCTAssertEqual(HeaderNames.names(for: ["Kuinka hyvin osaat hakea töitä? (alku)", "Kuinka hyvin osaat hakea töitä? (loppu)"]),
                       ["kuinka_hyvin_osaat_hakea_alku", "kuinka_hyvin_osaat_hakea_loppu"])
        XCTAssertEqual(HeaderNames.names(for: ["id", "ID number", "", "2. Ikä", "a b", "a-b", "id"]),
                       ["id", "id_number", "column_c", "q2_ikä", "a_b", "a_b_2", "id_2"])
        XCTAssertEqual(HeaderNames.names(for: ["Mitä mieltä olet tämän kurssin sisällöstä ja sen järjestelyistä kokonaisuutena?"]),
                       ["mitä_mieltä_olet_tämän"])
    }

    func testNotAWorkbookIsAClearError() throws {
        for (bytes, message) in [
            (Array("id,q\n1,2\n".utf8), "not a ZIP archive"),
            ([UInt8](), "not a ZIP archive"),
            (Array(try FileIO.read(Self.folder + "/kysely.xlsx").prefix(2000)), "x.xlsx: "),
        ] {
            XCTAssertThrowsError(try XlsxReader.read(bytes: bytes, file: "x.xlsx", name: "x")) { error in
                XCTAssertTrue("\(error)".contains(message), "\(error)")
                XCTAssertTrue("\(error)".hasPrefix("x.xlsx: "), "\(error)")
            }
        }
        // A ZIP archive that is not a workbook.
        let archive = try Archive(data: Data(), accessMode: .create)
        let text = Data("hello".utf8)
        try archive.addEntry(with: "readme.txt", type: .file, uncompressedSize: Int64(text.count)) { position, size in
            text.subdata(in: Int(position)..<Int(position) + size)
        }
        XCTAssertThrowsError(try XlsxReader.read(bytes: Array(archive.data!), file: "x.xlsx", name: "x")) { error in
            XCTAssertTrue("\(error)".contains("has no xl/workbook.xml"), "\(error)")
        }
    }
}

/// `.save T FILE.xlsx` then `.load`: the same rows and columns, every cell as it was shown
/// (categories as their labels), numbers exact.
final class XlsxWriterTests: XCTestCase {
    private func shown(_ data: ColumnData, _ row: Int, _ language: Language) -> String? {
        switch data {
        case .categorical(let c, _): c.level(at: row)?.display(language)
        case .decimal(let v): v[row].isNaN ? nil : String(v[row])
        default: ReadStatReaderTests.text(data, row)
        }
    }

    func testBuiltInTablesOutAndBackIn() throws {
        let workspace = try DatasetLoader.load(directory: Paths.builtInDataset)
        for name in workspace.tableNames {
            let table = try XCTUnwrap(workspace.table(named: name))
            for language in Language.allCases {
                let bytes = try XlsxWriter.write(table, language: language, file: "t.xlsx")
                let back = try XlsxReader.read(bytes: bytes, file: "t.xlsx", name: name).table
                XCTAssertEqual(back.columnNames, table.columnNames)
                XCTAssertEqual(back.rowCount, table.rowCount)
                for (a, b) in zip(table.columns, back.columns) {
                    XCTAssertEqual(a.type.isNumeric, b.type.isNumeric, "\(name).\(a.name)")
                    for row in 0..<table.rowCount {
                        XCTAssertEqual(shown(a.data, row, language), shown(b.data, row, language), "\(name).\(a.name) row \(row)")
                    }
                }
            }
        }
    }

    func testTextThatXMLCannotHoldPlainlyComesBack() throws {
        let texts: [String?] = ["a & b < c > d \"e\"", "  spaces  ", "line\nbreak", "cr\rhere", "tab\there", "ctl\u{1}x", "_x0041_", "€ ä ö å"]
        let table = Table(name: "t/x:[1]", columns: [
            Column(name: "t", data: .text(texts)),
            Column(name: "x", data: .decimal([0.1, 1e-300, 1.7976931348623157e308, -0.0, 3, Missing.decimal, 2.5, 1e20])),
        ])
        let back = try XlsxReader.read(bytes: try XlsxWriter.write(table, language: .en, file: "t.xlsx"), file: "t.xlsx", name: "t")
        XCTAssertEqual(back.sheet, "t_x__1_")
        guard case .categorical(let c, _) = back.table.columns[0].data else { return XCTFail() }
        // Control characters go as Excel writes them (_x0001_), and text that looks like that escape is escaped.
        XCTAssertEqual((0..<8).map { c.level(at: $0)?.value }, texts)
        guard case .decimal(let x) = back.table.columns[1].data else { return XCTFail() }
        XCTAssertEqual(x.map { $0.isNaN ? nil : $0 }, [0.1, 1e-300, 1.7976931348623157e308, 0, 3, nil, 2.5, 1e20])
    }

    /// Ctrl-C of a `.save` as .xlsx stops between rows with the save's message.
    func testAWorkbookWriteStopsOnTheCancelFlag() throws {
        let table = Table(name: "t", columns: [Column(name: "x", data: .integer((0..<10_000).map(Int64.init)))])
        final class Looks: @unchecked Sendable { var count = 0 }
        let looks = Looks()
        XCTAssertThrowsError(try XlsxWriter.write(table, language: .fi, file: "t.xlsx",
                                                  isCancelled: { looks.count += 1; return looks.count >= 2 })) { error in
            XCTAssertEqual("\(error)", "t.xlsx: the save was cancelled; nothing was saved")
        }
        XCTAssertEqual(looks.count, 2, "stopped at row 4096, its second look")
        let whole = try XlsxWriter.write(table, language: .fi, file: "t.xlsx", isCancelled: { false })
        XCTAssertEqual(try XlsxReader.read(bytes: whole, file: "t.xlsx", name: "t").table.rowCount, 10_000)
    }
}
