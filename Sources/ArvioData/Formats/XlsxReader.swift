import Foundation
import ZIPFoundation

/// Reads a worksheet of an Excel `.xlsx` workbook into a table: the first row is the header,
/// each later row a row of data. Numbers stay numbers, text and booleans (`true`, `false`)
/// become categories as in a CSV file, dates become ISO 8601 text, and empty cells and errors
/// (`#N/A`) are missing. Headers that are not names get short names by `HeaderNames`' rule and
/// keep the header as the column's description.
public enum XlsxReader {
    /// The most bytes one part of the workbook may unpack to: a sheet of a survey is a few
    /// megabytes, and a ZIP bomb is refused before it fills the memory.
    static let partLimit = 1 << 30

    /// A sheet read from a workbook, and which sheet it was.
    public struct Result: Sendable {
        /// The table.
        public var table: Table
        /// The sheet's name.
        public var sheet: String
        /// The workbook's other sheets, for the confirmation.
        public var otherSheets: [String]
        /// How many header cells were made into names (the rest were names already).
        public var renamedHeaders: Int
    }

    /// Reads sheet `sheet` (the first when nil) of the workbook at `path` as table `name`.
    public static func read(path: String, name: String, sheet: String? = nil) throws(DataError) -> Result {
        try read(bytes: FileIO.read(path), file: path, name: name, sheet: sheet)
    }

    /// Reads sheet `sheet` (the first when nil) of the workbook `bytes` (from `file`) as table `name`.
    public static func read(bytes: [UInt8], file: String, name: String, sheet: String? = nil) throws(DataError) -> Result {
        do {
            return try readWorkbook(bytes, name: name, sheet: sheet)
        } catch let error as XlsxError {
            throw DataError(DataPosition(file: file), error.message)
        } catch let error as DataError {
            throw DataError(DataPosition(file: file, line: error.position.line, field: error.position.field), error.message)
        } catch {
            throw DataError(DataPosition(file: file), "this is not an Excel .xlsx workbook (\(error))")
        }
    }

    private static func readWorkbook(_ bytes: [UInt8], name: String, sheet wanted: String?) throws -> Result {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw XlsxError("this is not an Excel .xlsx workbook (it is not a ZIP archive); an old .xls file must be saved as .xlsx first")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    if data.count + chunk.count > partLimit { throw XlsxError("\(path) unpacks to more than \(partLimit >> 20) MB") }
                    data.append(chunk)
                }
            } catch let error as XlsxError {
                throw error
            } catch {
                throw XlsxError("\(path) cannot be unpacked: the workbook is damaged (\(error))")
            }
            return data
        }
        guard let workbookXML = try part("xl/workbook.xml") else {
            throw XlsxError("this ZIP archive is not an Excel .xlsx workbook (it has no xl/workbook.xml)")
        }
        let (sheets, date1904) = try XlsxParts.workbook(workbookXML)
        guard !sheets.isEmpty else { throw XlsxError("the workbook has no sheets") }
        let chosen: XlsxParts.SheetEntry
        if let wanted {
            guard let found = sheets.first(where: { $0.name == wanted })
                ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) else {
                throw XlsxError("the workbook has no sheet \"\(wanted)\"; its sheets are \(sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))")
            }
            chosen = found
        } else {
            chosen = sheets[0]
        }
        let relationships = try part("xl/_rels/workbook.xml.rels").map(XlsxParts.relationships) ?? [:]
        let target = relationships[chosen.relationship] ?? "worksheets/sheet\(sheets.firstIndex { $0.name == chosen.name }! + 1).xml"
        // Targets are relative to xl/, or absolute within the package.
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetXML = try part(sheetPath) else { throw XlsxError("the sheet \"\(chosen.name)\" is missing from the workbook (\(sheetPath))") }
        let strings = try part("xl/sharedStrings.xml").map(XlsxParts.sharedStrings) ?? []
        let styles = try part("xl/styles.xml").map(XlsxParts.dateStyles) ?? []
        let rows = try XlsxParts.sheet(sheetXML, part: sheetPath)
        let (table, renamed) = try XlsxColumns.table(rows, strings: strings, styles: styles, date1904: date1904,
                                                     name: name, sheet: chosen.name)
        return Result(table: table, sheet: chosen.name, otherSheets: sheets.map(\.name).filter { $0 != chosen.name },
                      renamedHeaders: renamed)
    }
}

/// How a sheet's cells become columns.
enum XlsxColumns {
    /// A cell's value once its type and style are known.
    enum Value {
        case number(Double)
        case text(String)
    }

    static func table(_ rows: [XlsxCellRow], strings: [String], styles: [XlsxDateStyle?], date1904: Bool,
                      name: String, sheet: String) throws -> (Table, Int) {
        // Rows with no value at all are skipped, as blank lines of a CSV file are.
        var grid: [(number: Int, values: [Int: Value])] = []
        for row in rows.sorted(by: { $0.number < $1.number }) {
            var values: [Int: Value] = [:]
            for cell in row.cells {
                if let value = try value(of: cell, row: row.number, strings: strings, styles: styles, date1904: date1904) {
                    values[cell.column] = value
                }
            }
            if !values.isEmpty { grid.append((row.number, values)) }
        }
        guard let header = grid.first else { throw XlsxError("the sheet \"\(sheet)\" is empty") }
        let width = grid.map { ($0.values.keys.max() ?? -1) + 1 }.max() ?? 0
        let headers = (0..<width).map { column -> String in
            switch header.values[column] {
            case .text(let s)?: s.trimmingCharacters(in: .whitespacesAndNewlines)
            case .number(let x)?: NumberFormat.plain(x)
            case nil: ""
            }
        }
        let names = HeaderNames.names(for: headers)
        let body = grid.dropFirst()
        var columns: [Column] = []
        for column in 0..<width {
            let data = self.data(body.map { $0.values[column] })
            let label = names[column] == headers[column] || headers[column].isEmpty ? nil : Localized(headers[column])
            columns.append(Column(name: names[column], data: data, label: label))
        }
        let renamed = zip(names, headers).filter { $0 != $1 }.count
        return (Table(name: name, columns: columns, rowCount: body.count), renamed)
    }

    private static func value(of cell: XlsxCell, row: Int, strings: [String], styles: [XlsxDateStyle?],
                              date1904: Bool) throws -> Value? {
        let where_ = "cell \(HeaderNames.columnLetters(cell.column))\(row)"
        switch cell.type {
        case "s":
            guard let i = Int(cell.value), strings.indices.contains(i) else {
                throw XlsxError("\(where_) refers to shared string \(cell.value), which the workbook does not have")
            }
            return strings[i].isEmpty ? nil : .text(strings[i])
        case "inlineStr", "str", "d":
            return cell.value.isEmpty ? nil : .text(XlsxParts.unescaped(cell.value))
        case "b":
            return cell.value.isEmpty ? nil : .text(cell.value == "1" || cell.value == "true" ? "true" : "false")
        case "e":
            return nil
        default:
            guard !cell.value.isEmpty else { return nil }
            guard let x = Double(cell.value), x.isFinite else { throw XlsxError("\(where_) holds \"\(cell.value)\", which is not a number") }
            if styles.indices.contains(cell.style), let style = styles[cell.style] {
                guard let text = style.text(x, date1904: date1904) else {
                    throw XlsxError("\(where_) is a date whose serial number \(cell.value) is out of Excel's calendar")
                }
                return .text(text)
            }
            return .number(x)
        }
    }

    /// A column's data: whole numbers, decimals, or (for text, and for numbers mixed with text,
    /// as in answers 1–5 with "EOS") categories of the values as written, sorted, as a CSV file's.
    static func data(_ cells: [Value?]) -> ColumnData {
        var numbers: [Double?] = []
        numbers.reserveCapacity(cells.count)
        var allNumbers = true
        for cell in cells {
            switch cell {
            case .number(let x)?: numbers.append(x)
            case nil: numbers.append(nil)
            case .text?: allNumbers = false
            }
            if !allNumbers { break }
        }
        if allNumbers && numbers.contains(where: { $0 != nil }) {
            if numbers.allSatisfy({ $0.map { $0 == $0.rounded() && abs($0) < 9_007_199_254_740_992 } ?? true }) {
                return .integer(numbers.map { $0.map { Int64($0) } ?? Missing.integer })
            }
            return .decimal(numbers.map { $0 ?? Missing.decimal })
        }
        let texts: [String?] = cells.map { cell in
            switch cell {
            case .number(let x)?: NumberFormat.plain(x)
            case .text(let s)?: s
            case nil: nil
            }
        }
        let distinct = Set(texts.compactMap { $0 }).sorted()
        if distinct.count > CSVReader.maximumInferredCategories && distinct.count * 2 > cells.count {
            return .text(texts)
        }
        var code: [String: UInt32] = [:]
        for (i, value) in distinct.enumerated() { code[value] = UInt32(i + 1) }
        let levels = distinct.map { Level(value: $0) }
        return .categorical(CategoricalData(codes: Codes(texts.map { $0.map { code[$0]! } ?? 0 }, levelCount: levels.count),
                                            levels: levels, levelsSortedByValue: true), ordered: false)
    }
}
