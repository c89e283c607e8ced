import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The parts of an Excel workbook's XML that a table needs, each read by Foundation's
/// event-driven `XMLParser` so a large sheet is never held as a tree.
enum XlsxParts {
    /// A sheet listed in `xl/workbook.xml`: its name and relationship id.
    struct SheetEntry {
        var name: String
        var relationship: String
    }

    /// `xl/workbook.xml`: the sheets in tab order, and whether dates count from 1904.
    static func workbook(_ data: Data) throws(XlsxError) -> (sheets: [SheetEntry], date1904: Bool) {
        let d = WorkbookDelegate()
        try parse(data, d, part: "xl/workbook.xml")
        return (d.sheets, d.date1904)
    }

    /// A `.rels` part: relationship id -> target path.
    static func relationships(_ data: Data) throws(XlsxError) -> [String: String] {
        let d = RelationshipsDelegate()
        try parse(data, d, part: "xl/_rels/workbook.xml.rels")
        return d.targets
    }

    /// `xl/sharedStrings.xml`: the strings cells refer to by index.
    static func sharedStrings(_ data: Data) throws(XlsxError) -> [String] {
        let d = SharedStringsDelegate()
        try parse(data, d, part: "xl/sharedStrings.xml")
        return d.strings
    }

    /// `xl/styles.xml`: for each cell style index, whether it shows a date, a date and time, or a time.
    static func dateStyles(_ data: Data) throws(XlsxError) -> [XlsxDateStyle?] {
        let d = StylesDelegate()
        try parse(data, d, part: "xl/styles.xml")
        return d.styles.map { id in d.customFormats[id].map(XlsxDateStyle.init(formatCode:)) ?? XlsxDateStyle(builtIn: id) }
    }

    /// A worksheet's cells, row by row.
    static func sheet(_ data: Data, part: String) throws(XlsxError) -> [XlsxCellRow] {
        let d = SheetDelegate()
        try parse(data, d, part: part)
        if let problem = d.problem { throw XlsxError("\(part): \(problem)") }
        return d.rows
    }

    /// `text` with Excel's escapes of characters XML cannot hold, `_x0001_`, made the characters
    /// again (ECMA-376 22.9.2.19); `_x005F_` escapes an underscore that would otherwise look like one.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    private static func parse(_ data: Data, _ delegate: XMLParserDelegate, part: String) throws(XlsxError) {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        // Entities are not resolved: a workbook has no business declaring any.
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            let why = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
            throw XlsxError("\(part) is not well-formed XML (line \(parser.lineNumber): \(why))")
        }
    }
}

/// A problem with a workbook, in plain words.
struct XlsxError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// One `<c>` cell as the sheet holds it.
struct XlsxCell {
    /// The column, counting from 0.
    var column: Int
    /// `t`: s (shared string), n (number), b (boolean), str (formula text), inlineStr, e (error), d (ISO date).
    var type: String
    /// `s`: the cell's style index.
    var style: Int
    /// The `<v>` text, or the inline string.
    var value: String
}

/// One `<row>`: its number (from 1) and cells.
struct XlsxCellRow {
    var number: Int
    var cells: [XlsxCell]
}

/// How a date style shows its serial number.
enum XlsxDateStyle {
    case date, dateTime, time

    /// Excel's built-in number formats that show dates and times (ECMA-376 18.8.30).
    init?(builtIn id: Int) {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: self = .date
        case 22: self = .dateTime
        case 18...21, 32, 33, 45...47: self = .time
        default: return nil
        }
    }

    /// A custom format shows a date when, outside quoted text and `[...]` sections, it has day,
    /// month-with-day or year parts; a time when it has hours or seconds.
    init?(formatCode: String) {
        var plain = ""
        var quoted = false, bracket = false, escaped = false
        for c in formatCode {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { plain.append(contentsOf: c.lowercased()) }
            }
        }
        let hasDate = plain.contains("y") || plain.contains("d")
        let hasTime = plain.contains("h") || plain.contains("s")
        switch (hasDate, hasTime) {
        case (true, false): self = .date
        case (true, true): self = .dateTime
        case (false, true): self = .time
        default: return nil
        }
    }

    /// Serial `value` as ISO 8601 text; nil when out of range.
    func text(_ value: Double, date1904: Bool) -> String? {
        guard value.isFinite, value >= 0, value < 2_958_466 else { return nil }
        var days = value.rounded(.down)
        var seconds = ((value - days) * 86_400).rounded()
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        // 1900 system: serial 1 is 1900-01-01, and Excel counts the 29 February 1900 that never was.
        let unixDays: Int64 = date1904 ? Int64(days) - 24_107 : (days < 60 ? Int64(days) - 25_568 : Int64(days) - 25_569)
        let d = DateKind.civil(days: unixDays)
        func pad(_ n: Int64, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        let ymd = "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2))"
        let s = Int64(seconds)
        let hms = "\(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2)):\(pad(s % 60, 2))"
        switch self {
        case .date: return ymd
        case .dateTime: return ymd + " " + hms
        case .time: return hms
        }
    }
}

private final class WorkbookDelegate: NSObject, XMLParserDelegate {
    var sheets: [XlsxParts.SheetEntry] = []
    var date1904 = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "sheet", let sheet = attributes["name"] {
            let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
            sheets.append(.init(name: sheet, relationship: id))
        } else if name == "workbookPr", let value = attributes["date1904"] {
            date1904 = value == "1" || value == "true"
        }
    }
}

private final class RelationshipsDelegate: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
}

private final class SharedStringsDelegate: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current: String?
    private var inText = false
    /// Phonetic guides (`<rPh>`) hold readings of East Asian text, not the text.
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(XlsxParts.unescaped(current ?? "")); current = nil
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

private final class StylesDelegate: NSObject, XMLParserDelegate {
    var customFormats: [Int: String] = [:]
    var styles: [Int] = []
    private var inCellXfs = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: styles.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "cellXfs" { inCellXfs = false }
    }
}

private final class SheetDelegate: NSObject, XMLParserDelegate {
    var rows: [XlsxCellRow] = []
    var problem: String?
    private var row: XlsxCellRow?
    private var cell: XlsxCell?
    private var text: String?
    private var nextColumn = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? ((rows.last?.number ?? 0) + 1)
            row = XlsxCellRow(number: number, cells: [])
            nextColumn = 0
        case "c":
            var column = nextColumn
            if let ref = attributes["r"] {
                guard let parsed = Self.column(of: ref) else {
                    problem = "the cell reference \"\(ref)\" is not a column and row like B7"
                    parser.abortParsing()
                    return
                }
                column = parsed
            }
            cell = XlsxCell(column: column, type: attributes["t"] ?? "n", style: attributes["s"].flatMap(Int.init) ?? 0, value: "")
            nextColumn = column + 1
        case "v", "t":
            // `<t>` inside `<is>` is an inline string; inside `<rPh>` it would be a reading, which cells do not have.
            if cell != nil { text = text ?? "" }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if text != nil { text! += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t":
            if let t = text { cell?.value += t }
            text = nil
        case "c":
            if let cell { row?.cells.append(cell) }
            cell = nil
        case "row":
            if let row { rows.append(row) }
            row = nil
        default: break
        }
    }

    /// The column of a reference like `AB12`, from 0; at most Excel's 16,384 columns.
    static func column(of reference: String) -> Int? {
        var n = 0
        var letters = 0
        for u in reference.utf8 {
            switch u {
            case 65...90: n = n * 26 + Int(u - 64); letters += 1
            case 97...122: n = n * 26 + Int(u - 96); letters += 1
            case 48...57: break
            default: return nil
            }
            if n > 16_384 { return nil }
        }
        return letters > 0 ? n - 1 : nil
    }
}
