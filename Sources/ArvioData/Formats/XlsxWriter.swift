import Foundation
import ZIPFoundation

/// Writes a table as an Excel `.xlsx` workbook of one sheet, for people who open results in a
/// spreadsheet: the column names as the header row, numbers as numbers, categories as their
/// labels in the session's language (as `.json`, `.md` and `.txt` show them), missing values as
/// empty cells. Text goes in the shared-strings part, as Excel itself writes it, which every
/// reader understands (some read inline strings badly).
public enum XlsxWriter {
    /// The workbook's bytes.
    /// `isCancelled` is looked at every 4096 rows (Ctrl-C of a `.save`).
    public static func write(_ table: Table, language: Language, file: String,
                             isCancelled: (@Sendable () -> Bool)? = nil) throws(DataError) -> [UInt8] {
        guard table.columns.count <= 16_384 else {
            throw DataError(DataPosition(file: file), "an Excel sheet holds at most 16,384 columns; the table has \(table.columns.count) columns")
        }
        guard table.rowCount < 1_048_576 else {
            throw DataError(DataPosition(file: file), "an Excel sheet holds at most 1,048,575 rows under its header; the table has \(table.rowCount) rows")
        }
        let letters = table.columns.indices.map(HeaderNames.columnLetters)
        var strings: [String] = []
        var index: [String: Int] = [:]
        func shared(_ text: String, at ref: String) -> String {
            let i: Int
            if let known = index[text] { i = known } else { i = strings.count; strings.append(text); index[text] = i }
            return #"<c r="\#(ref)" t="s"><v>\#(i)</v></c>"#
        }
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        sheet += #"<row r="1">"#
        for (i, column) in table.columns.enumerated() { sheet += shared(column.name, at: "\(letters[i])1") }
        sheet += "</row>"
        for row in 0..<table.rowCount {
            if row % 4096 == 0, isCancelled?() == true {
                throw DataError.saveCancelled(file)
            }
            let r = row + 2
            sheet += #"<row r="\#(r)">"#
            for (i, column) in table.columns.enumerated() {
                let ref = "\(letters[i])\(r)"
                switch column.data {
                case .integer(let v) where !Missing.isMissing(v[row]):
                    sheet += #"<c r="\#(ref)"><v>\#(v[row])</v></c>"#
                case .decimal(let v) where v[row].isFinite:
                    sheet += #"<c r="\#(ref)"><v>\#(NumberFormat.full(v[row]))</v></c>"#
                case .text(let v):
                    if let s = v[row] { sheet += shared(s, at: ref) }
                case .categorical(let c, _):
                    if let level = c.level(at: row) { sheet += shared(level.display(language), at: ref) }
                default:
                    break
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        var sst = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)" uniqueCount="\#(strings.count)">"#
        for text in strings { sst += #"<si><t xml:space="preserve">\#(escape(text))</t></si>"# }
        sst += "</sst>"
        let name = escape(String(sheetName(table.name)))
        let parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\#(name)" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#),
            ("xl/styles.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>"#),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/sharedStrings.xml", sst),
        ]
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw XlsxError("the workbook could not be made") }
            return Array(data)
        } catch {
            throw DataError(DataPosition(file: file), "the workbook could not be made: \(error)")
        }
    }

    /// An Excel sheet name: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> Substring {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        return cleaned.isEmpty ? "Sheet1" : cleaned.prefix(31)
    }

    private static func escapingEscapes(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", UInt32(hex, radix: 16) != nil { out += "_x005F_x" } else { out += "_x" }
            rest = after
        }
        return out + rest
    }

    /// `text` escaped for XML; characters XML 1.0 cannot hold are written as Excel writes them, `_x0001_`.
    static func escape(_ text: String) -> String {
        // Text that looks like Excel's own escape (`_x0041_`) has its underscore escaped, so it reads back as written.
        let text = text.contains("_x") ? escapingEscapes(text) : text
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // A reader turns a raw CR into LF, so it goes as a character reference.
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
