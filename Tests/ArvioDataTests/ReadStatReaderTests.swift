import Foundation
import XCTest
@testable import ArvioData

/// SPSS and Stata files made by R's haven (Tests/Fixtures/readstat/make-fixtures.R), read by
/// Arvio and compared value by value, label by label, with what haven reads back
/// (reference.json, written by the same script).
final class ReadStatReaderTests: XCTestCase {
    static let folder = Paths.fixtures + "/readstat"

    private func load(_ file: String, options: ReadStatReader.Options = .init()) throws -> Table {
        let path = Self.folder + "/" + file
        return try ReadStatReader.read(path: path, name: "kysely", format: ReadStatFormat(path: path)!, options: options).table
    }

    private func reference(_ part: String) throws -> (names: [String], columns: [String: [String: Any]]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/reference.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (try XCTUnwrap(json["\(part)_names"] as? [String]), try XCTUnwrap(json[part] as? [String: [String: Any]]))
    }

    /// Checks every column of `table` against haven's reading of the same file.
    private func checkAgainstHaven(_ table: Table, part: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (names, columns) = try reference(part)
        XCTAssertEqual(table.columnNames, names, file: file, line: line)
        for name in names {
            let r = try XCTUnwrap(columns[name])
            let column = try XCTUnwrap(table.column(named: name))
            XCTAssertEqual(column.label?.en, r["label"] as? String, "label of \(name)", file: file, line: line)
            XCTAssertEqual(column.label?.fi, r["label"] as? String, "label of \(name)", file: file, line: line)
            let values = try XCTUnwrap(r["values"] as? [Any])
            XCTAssertEqual(column.count, values.count, name, file: file, line: line)
            var labelOf: [String: String] = [:]
            if let codes = r["label_values"] as? [String], let labels = r["label_names"] as? [String] {
                for (code, label) in zip(codes, labels) { labelOf[Self.canonical(code)] = label }
            }
            for (row, value) in values.enumerated() {
                let where_ = "\(name) row \(row + 1)"
                guard let rValue = value as? String, rValue != "NA", !rValue.isEmpty else {
                    XCTAssertTrue(column.data.isMissing(row), where_, file: file, line: line)
                    XCTAssertNil(column.missingReasons?.reason(at: row), where_, file: file, line: line)
                    continue
                }
                let missing = (r["missing"] as? [Bool])?[row] ?? false
                let code = Self.canonical(rValue)
                if missing {
                    XCTAssertTrue(column.data.isMissing(row), where_, file: file, line: line)
                    let reason = column.missingReasons?.reason(at: row)
                    XCTAssertEqual(reason?.code, code, where_, file: file, line: line)
                    XCTAssertEqual(reason?.label?.en, labelOf[code], where_, file: file, line: line)
                    continue
                }
                XCTAssertEqual(Self.text(column.data, row), code, where_, file: file, line: line)
                if case .categorical(let c, _) = column.data {
                    XCTAssertEqual(c.level(at: row)?.label?.en, labelOf[code], where_, file: file, line: line)
                    XCTAssertEqual(c.level(at: row)?.label?.fi, labelOf[code], where_, file: file, line: line)
                }
            }
        }
    }

    /// A value as R prints it, in the form Arvio keeps codes in: `12.50` -> `12.5`, `NA(a)` -> `.a`.
    static func canonical(_ value: String) -> String {
        if value.hasPrefix("NA("), value.hasSuffix(")") { return "." + value.dropFirst(3).dropLast() }
        if let x = Double(value) { return NumberFormat.plain(x) }
        return value
    }

    static func text(_ data: ColumnData, _ row: Int) -> String? {
        switch data {
        case .integer(let v): Missing.isMissing(v[row]) ? nil : String(v[row])
        case .decimal(let v): v[row].isNaN ? nil : NumberFormat.plain(v[row])
        case .text(let v): v[row]
        case .categorical(let c, _): c.level(at: row)?.value
        }
    }

    func testSavMatchesHaven() throws {
        try checkAgainstHaven(try load("kysely.sav"), part: "sav")
    }

    func testZsavMatchesHaven() throws {
        try checkAgainstHaven(try load("kysely.zsav"), part: "sav")
    }

    func testDtaMatchesHaven() throws {
        try checkAgainstHaven(try load("kysely.dta"), part: "dta")
    }

    /// Made by PSPP in Windows-1252 (make-cp1252.sps): the file names its encoding and the
    /// text comes out as haven reads it; SPSS's ordinal measurement level makes a scale.
    func testWindows1252SavMatchesHaven() throws {
        let t = try load("kysely-cp1252.sav")
        try checkAgainstHaven(t, part: "cp1252")
        XCTAssertEqual(t.column(named: "q1")?.type, .ordinal)
        XCTAssertEqual(t.column(named: "q1")?.missingReasons?.reasons.map { $0.label?.fi }, ["en osaa sanoa", "ei vastausta"])
        let named = try load("kysely-cp1252.sav", options: .init(encoding: "WINDOWS-1252"))
        try checkAgainstHaven(named, part: "cp1252")
        XCTAssertThrowsError(try load("kysely-cp1252.sav", options: .init(encoding: "NO-SUCH-ENCODING"))) { error in
            XCTAssertTrue("\(error)".contains("cannot be read as NO-SUCH-ENCODING"), "\(error)")
        }
    }

    /// A file that names no encoding (make-noencoding.py: SPSS before 16) is read as
    /// Windows-1252, which ReadStat assumes for SPSS's code page of 7-bit ASCII.
    func testAFileThatNamesNoEncodingIsReadAsWindows1252() throws {
        let path = Self.folder + "/kysely-noencoding.sav"
        let result = try ReadStatReader.read(path: path, name: "kysely", format: .sav)
        try checkAgainstHaven(result.table, part: "cp1252")
        let named = try ReadStatReader.read(path: path, name: "kysely", format: .sav, options: .init(encoding: "WINDOWS-1252"))
        XCTAssertNil(named.guessedEncoding)
        try checkAgainstHaven(named.table, part: "cp1252")
    }

    /// A SAS data set (written by ReadStat through haven, read back by haven): dates in SAS's
    /// epoch, decimals, text.
    func testSasMatchesHaven() throws {
        let t = try load("kysely.sas7bdat")
        try checkAgainstHaven(t, part: "sas")
        XCTAssertEqual(t.columns.map(\.type.rawValue), ["integer", "decimal", "text", "text"])
    }

    func testSavColumnTypes() throws {
        let t = try load("kysely.sav")
        let types = t.columns.map { "\($0.name):\($0.type.rawValue)" }
        XCTAssertEqual(types, ["id:integer", "org:categorical", "q1_pre:categorical", "q1_post:categorical",
                               "age:integer", "hours:decimal", "comment:text", "started:text", "satisfied:ordinal"])
    }

    /// The scale's levels are the labelled codes low to high, with the user-missing codes left
    /// out of the levels and kept as reasons, each declared code a reason even when unused.
    func testValueLabelsAndUserMissingCodes() throws {
        let t = try load("kysely.sav")
        let q1 = try XCTUnwrap(t.column(named: "q1_pre"))
        guard case .categorical(let c, _) = q1.data else { return XCTFail() }
        XCTAssertEqual(c.levels.map(\.value), ["1", "2", "3", "4", "5"])
        XCTAssertEqual(c.levels.map { $0.label?.fi ?? "" },
                       ["Heikosti", "Kohtalaisesti", "Jonkin verran", "Hyvin", "Erinomaisesti"])
        XCTAssertEqual(c.levels.map(\.number), [1, 2, 3, 4, 5])
        let reasons = try XCTUnwrap(q1.missingReasons)
        XCTAssertEqual(reasons.reasons.map(\.code), ["6", "9"])
        XCTAssertEqual(reasons.reasons.map { $0.label?.fi ?? "" }, ["en osaa sanoa", "ei vastausta"])
        XCTAssertEqual(reasons.counts(rows: nil), [1, 1])
        // The range 997–999 declares missing; the code 998 carries its label, 999 none.
        let age = try XCTUnwrap(t.column(named: "age"))
        XCTAssertEqual(age.missingReasons?.ranges, [997...999])
        XCTAssertEqual(age.missingReasons?.reasons.map(\.code), ["998", "999"])
        XCTAssertEqual(age.missingReasons?.reasons.map { $0.label?.fi }, ["kieltäytyi", nil])
    }

    func testOrdinalOnRequest() throws {
        let t = try load("kysely.sav", options: .init(ordinal: ["q1_pre"]))
        XCTAssertEqual(t.column(named: "q1_pre")?.type, .ordinal)
        XCTAssertEqual(t.column(named: "q1_post")?.type, .categorical)
        XCTAssertThrowsError(try load("kysely.sav", options: .init(ordinal: ["nope"]))) { error in
            XCTAssertTrue("\(error)".contains("no variable nope"), "\(error)")
        }
        XCTAssertThrowsError(try load("kysely.sav", options: .init(ordinal: ["hours"])))
    }

    func testTaggedMissingInStata() throws {
        let t = try load("kysely.dta")
        let q1 = try XCTUnwrap(t.column(named: "q1"))
        XCTAssertEqual(q1.missingReasons?.reasons.map(\.code), [".a", ".b"])
        XCTAssertEqual(q1.missingReasons?.reasons.map { $0.label?.en }, ["ei vastausta", "en osaa sanoa"])
    }

    func testDamagedAndForeignFilesAreClearErrors() throws {
        let bytes = try FileIO.read(Self.folder + "/kysely.sav")
        for (cut, what) in [(bytes.count / 2, "cut"), (10, "header"), (0, "empty")] {
            XCTAssertThrowsError(try ReadStatReader.read(bytes: Array(bytes.prefix(cut)), file: "x.sav", name: "x", format: .sav),
                                 what) { error in
                XCTAssertTrue("\(error)".hasPrefix("x.sav: "), "\(error)")
            }
        }
        XCTAssertThrowsError(try ReadStatReader.read(bytes: Array("id,q\n1,2\n".utf8), file: "y.dta", name: "y", format: .dta)) { error in
            XCTAssertTrue("\(error)".contains("not a readable Stata .dta file"), "\(error)")
        }
        XCTAssertThrowsError(try ReadStatReader.read(bytes: bytes, file: "x.sav", name: "x", format: .sav,
                                                     options: .init(encoding: "NO-SUCH-ENCODING")))
    }
}
