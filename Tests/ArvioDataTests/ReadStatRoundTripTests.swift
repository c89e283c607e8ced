import XCTest
@testable import ArvioData

/// `.save T FILE.sav|.dta` then `.load` gives back the same table: rows, values, types, labels,
/// scale orders and missing reasons. The sources are haven's fixtures and the built-in data.
final class ReadStatRoundTripTests: XCTestCase {
    private func load(_ file: String) throws -> Table {
        let path = ReadStatReaderTests.folder + "/" + file
        return try ReadStatReader.read(path: path, name: "t", format: ReadStatFormat(path: path)!).table
    }

    private func roundTrip(_ table: Table, _ format: ReadStatFormat, language: Language = .en) throws -> (Table, [Localized]) {
        let written = try ReadStatWriter.write(table, format: format, file: "out.\(format.rawValue)", language: language)
        let back = try ReadStatReader.read(bytes: written.bytes, file: "out.\(format.rawValue)", name: table.name, format: format).table
        return (back, written.notes)
    }

    /// Everything a person sees of a column, row by row, as text.
    private func describe(_ column: Column, language: Language = .en) -> [String] {
        var lines = ["\(column.name) \(column.type.rawValue) \(column.label?.text(language) ?? "-")"]
        if case .categorical(let c, _) = column.data {
            lines += c.levels.map { "level \($0.value) = \($0.display(language)) \($0.number.map(NumberFormat.plain) ?? "-")" }
        }
        for row in 0..<column.count {
            let value = ReadStatReaderTests.text(column.data, row) ?? "NA"
            let reason = column.missingReasons?.reason(at: row).map { " (\($0.display(language)))" } ?? ""
            lines.append("\(row): \(value)\(reason)")
        }
        return lines
    }

    private func assertSame(_ a: Table, _ b: Table, language: Language = .en, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.rowCount, b.rowCount, file: file, line: line)
        XCTAssertEqual(a.columnNames, b.columnNames, file: file, line: line)
        for (x, y) in zip(a.columns, b.columns) {
            XCTAssertEqual(describe(x, language: language), describe(y, language: language), file: file, line: line)
        }
    }

    func testSavOutAndBackIn() throws {
        let table = try load("kysely.sav")
        let (back, notes) = try roundTrip(table, .sav)
        assertSame(table, back)
        XCTAssertEqual(notes, [])
        // The declared codes and range survive, not only the codes used.
        XCTAssertEqual(back.column(named: "q1_post")?.missingReasons?.reasons.map(\.code), ["6", "9"])
        XCTAssertEqual(back.column(named: "age")?.missingReasons?.ranges, [997...999])
        XCTAssertEqual(back.column(named: "satisfied")?.type, .ordinal)
    }

    func testDtaOutAndBackIn() throws {
        let table = try load("kysely.dta")
        let (back, notes) = try roundTrip(table, .dta)
        assertSame(table, back)
        XCTAssertEqual(notes, [])
    }

    /// Stata has no user-missing codes: SPSS's 6 and 9 come back as .a and .b with their labels.
    func testSavToDtaKeepsTheReasons() throws {
        let table = try load("kysely.sav")
        let (back, notes) = try roundTrip(table, .dta)
        let q1 = try XCTUnwrap(back.column(named: "q1_pre")?.missingReasons)
        XCTAssertEqual(q1.reasons.map(\.code), [".a", ".b"])
        XCTAssertEqual(q1.reasons.map { $0.label?.en }, ["en osaa sanoa", "ei vastausta"])
        XCTAssertEqual((0..<8).map { q1.reason(at: $0)?.label?.en }, [nil, nil, nil, "ei vastausta", nil, "en osaa sanoa", nil, nil])
        XCTAssertTrue(notes.contains { $0.en.contains("q1_pre: missing codes written as Stata's tagged missing values (6 as .a, 9 as .b)") },
                      "\(notes)")
    }

    /// The built-in tables: text categories, scales in codebook order, Finnish and English labels.
    func testBuiltInTablesOutAndBackIn() throws {
        let workspace = try DatasetLoader.load(directory: Paths.builtInDataset)
        for name in workspace.tableNames {
            let table = try XCTUnwrap(workspace.table(named: name))
            for language in Language.allCases {
                let (back, notes) = try roundTrip(table, .sav, language: language)
                assertSame(table, back, language: language)
                XCTAssertTrue(notes.allSatisfy { $0.en.hasPrefix("labels in") }, "\(notes)")
            }
            // Stata keeps labels of numbers only: text categories come back as labelled codes.
            let (back, _) = try roundTrip(table, .dta)
            XCTAssertEqual(back.columnNames, table.columnNames)
            XCTAssertEqual(back.rowCount, table.rowCount)
            for (x, y) in zip(table.columns, back.columns) {
                // Stata has no measurement level: a scale comes back as categories (.load --ordinal restores it).
                XCTAssertEqual(x.type.isCoded, y.type.isCoded, "\(name).\(x.name)")
                XCTAssertNotEqual(y.type, .ordinal, "\(name).\(x.name)")
                for row in 0..<table.rowCount {
                    let shown: (Column) -> String? = { c in
                        if case .categorical(let d, _) = c.data { return d.level(at: row)?.display(.en) }
                        return ReadStatReaderTests.text(c.data, row)
                    }
                    XCTAssertEqual(shown(x), shown(y), "\(name).\(x.name) row \(row)")
                }
            }
        }
    }

    func testWhatAFileCannotHoldIsAClearError() throws {
        let bad = Table(name: "t", columns: [Column(name: "1st", data: .integer([1]))])
        XCTAssertThrowsError(try ReadStatWriter.write(bad, format: .sav, file: "x.sav")) { error in
            XCTAssertTrue("\(error)".hasPrefix("x.sav: "), "\(error)")
            XCTAssertTrue("\(error)".contains("1st"), "\(error)")
        }
        XCTAssertThrowsError(try ReadStatWriter.write(bad, format: .por, file: "x.por"))
    }

    /// Ctrl-C of a `.save` as .sav or .dta: the flag is looked at while the rows are written,
    /// not only before; unset, the same table writes whole.
    func testAWriteStopsOnTheCancelFlag() throws {
        let table = Table(name: "t", columns: [Column(name: "x", data: .integer((0..<10_000).map(Int64.init)))])
        for format in [ReadStatFormat.sav, .dta] {
            final class Looks: @unchecked Sendable { var count = 0 }
            let looks = Looks()
            // The second look is between rows: the columns are planned by then.
            XCTAssertThrowsError(try ReadStatWriter.write(table, format: format, file: "x.\(format.rawValue)",
                                                          isCancelled: { looks.count += 1; return looks.count >= 3 })) { error in
                XCTAssertEqual("\(error)", "x.\(format.rawValue): the save was cancelled; nothing was saved")
            }
            XCTAssertEqual(looks.count, 3)
            XCTAssertFalse(try ReadStatWriter.write(table, format: format, file: "x", isCancelled: { false }).bytes.isEmpty)
        }
    }
}
