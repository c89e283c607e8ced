extension Codebook {
    private static let requiredFields = ["table", "column", "type"]
    /// Every field a codebook's header may name; any other is taken for a misspelling.
    static let knownFields = ["table", "column", "type", "key", "references", "values",
                              "labels_en", "labels_fi", "label_en", "label_fi"] + missingFields
    /// The fields of missing codes and their reasons, written only by a codebook that has some.
    static let missingFields = ["missing", "missing_en", "missing_fi"]
    private static let yes = ["yes", "true", "1", "kyllä", "x"]
    private static let no = ["", "no", "false", "0", "ei"]

    /// Reads a codebook from the bytes of its CSV file.
    public static func parse(_ rawBytes: [UInt8], file: String) throws(DataError) -> Codebook {
        let bytes = try TextDecoding.utf8(rawBytes, file: file).bytes
        var parser = CSVParser(bytes: bytes, delimiter: CSVDialect.sniff(bytes).delimiter, file: file)
        var fields: [CSVParser.Field] = []
        guard try parser.next(into: &fields) else {
            throw DataError(DataPosition(file: file), "the codebook is empty; it needs a header row starting table,column,type")
        }
        let header = fields.map { parser.string($0).trimmed.lowercased() }
        for (i, name) in header.enumerated() {
            let at = DataPosition(file: file, line: parser.line, field: i + 1)
            guard knownFields.contains(name) else {
                throw DataError(at, "the codebook's header names an unknown field \"\(name)\"; the fields are \(knownFields.joined(separator: ", "))")
            }
            if header[..<i].contains(name) { throw DataError(at, "the codebook's header names \"\(name)\" twice") }
        }
        for name in requiredFields where !header.contains(name) {
            throw DataError(DataPosition(file: file, line: 1), "the codebook's header has no \"\(name)\" field")
        }
        var book = Codebook()
        var described: [String: Int] = [:]
        while try parser.next(into: &fields) {
            var row: [String: String] = [:]
            for (i, f) in fields.enumerated() {
                let text = parser.string(f).trimmed
                guard i < header.count else {
                    if text.isEmpty { continue }
                    throw DataError(DataPosition(file: file, line: parser.line, field: i + 1),
                                    "this row has more fields than the codebook's header (\(header.count)): \"\(text)\"")
                }
                row[header[i]] = text
            }
            let at = { (name: String) in
                DataPosition(file: file, line: parser.line, field: (header.firstIndex(of: name) ?? 0) + 1)
            }
            let column = row["column", default: ""]
            if !column.isEmpty {
                let key = row["table", default: ""] + "\u{0}" + column
                if let first = described[key] {
                    throw DataError(at("column"), "column \"\(column)\" of \(row["table", default: ""]) is described twice; the first row for it is line \(first)")
                }
                described[key] = parser.line
            }
            try book.addRow(row, at: at)
        }
        return book
    }

    private mutating func addRow(_ row: [String: String], at: (String) -> DataPosition) throws(DataError) {
        let table = row["table", default: ""]
        let column = row["column", default: ""]
        let label = Self.localized(en: row["label_en"], fi: row["label_fi"])
        if table.isEmpty {
            throw DataError(at("table"), "every codebook row names a table (or * for the whole data set)")
        }
        if column.isEmpty {
            if table == "*" { title = label } else if let label { tableLabels[table] = label }
            return
        }
        let typeName = row["type", default: ""]
        guard let type = ColumnType(rawValue: typeName) ?? (typeName == "category" ? .categorical : nil) else {
            throw DataError(at("type"), "unknown type \"\(typeName)\"; expected one of integer, decimal, text, categorical, ordinal")
        }
        var references: (table: String, column: String)?
        if let ref = row["references"], !ref.isEmpty {
            let parts = ref.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw DataError(at("references"), "a reference is written table.column, as in participants.id; got \"\(ref)\"")
            }
            references = (parts[0], parts[1])
        }
        let levels = try Self.levels(row, type: type, at: at)
        let key = row["key", default: ""].lowercased()
        guard Self.yes.contains(key) || Self.no.contains(key) else {
            throw DataError(at("key"), "the key field says yes or no (or is empty), not \"\(row["key", default: ""])\"")
        }
        var entry = Entry(table: table, column: column, type: type,
                          isKey: Self.yes.contains(key),
                          references: references, levels: levels, label: label, position: at("column"))
        entry.missing = try Self.missingCodes(row, levels: levels, at: at)
        entries.append(entry)
    }

    private static func levels(_ row: [String: String], type: ColumnType,
                               at: (String) -> DataPosition) throws(DataError) -> [Level] {
        let values = split(row["values"])
        guard type.isCoded else { return [] }
        var seen = Set<String>()
        for (i, value) in values.enumerated() {
            if value.isEmpty {
                throw DataError(at("values"), "value \(i + 1) of \"\(row["values", default: ""])\" is empty; list the values separated by single |")
            }
            if !seen.insert(value).inserted {
                throw DataError(at("values"), "the value \"\(value)\" is listed twice in \"\(row["values", default: ""])\"")
            }
        }
        let en = split(row["labels_en"]), fi = split(row["labels_fi"])
        for (name, labels) in [("labels_en", en), ("labels_fi", fi)] where !labels.isEmpty && labels.count != values.count {
            throw DataError(at(name), "\(labels.count) labels for \(values.count) values; give one label per value, separated by |")
        }
        if type == .ordinal && values.isEmpty {
            throw DataError(at("values"), "an ordinal column lists its scale's values, low to high, separated by |")
        }
        return values.enumerated().map { i, value in
            let label: Localized? = en.isEmpty && fi.isEmpty ? nil
                : Localized(en: en.isEmpty ? fi[i] : en[i], fi: fi.isEmpty ? en[i] : fi[i])
            return Level(value: value, label: label, number: type == .ordinal ? Double(value) : nil)
        }
    }

    /// `missing` lists codes separated by `|`; `missing_en` and `missing_fi` a reason for each.
    private static func missingCodes(_ row: [String: String], levels: [Level],
                                     at: (String) -> DataPosition) throws(DataError) -> [MissingReasons.Reason] {
        let codes = split(row["missing"])
        var seen = Set<String>()
        for (i, code) in codes.enumerated() {
            if code.isEmpty { throw DataError(at("missing"), "missing code \(i + 1) of \"\(row["missing", default: ""])\" is empty") }
            if !seen.insert(code).inserted { throw DataError(at("missing"), "the missing code \"\(code)\" is listed twice") }
            if levels.contains(where: { $0.value == code }) {
                throw DataError(at("missing"), "\"\(code)\" is both a value and a missing code of the column")
            }
        }
        let en = split(row["missing_en"]), fi = split(row["missing_fi"])
        for (name, reasons) in [("missing_en", en), ("missing_fi", fi)] where !reasons.isEmpty && reasons.count != codes.count {
            throw DataError(at(name), "\(reasons.count) reasons for \(codes.count) missing codes; give one per code, separated by |")
        }
        return codes.enumerated().map { i, code in
            let en = en.isEmpty ? nil : en[i], fi = fi.isEmpty ? nil : fi[i]
            let label = localized(en: en, fi: fi)
            return MissingReasons.Reason(code: code, label: label?.en == code && label?.fi == code ? nil : label, number: Double(code))
        }
    }

    private static func split(_ field: String?) -> [String] {
        guard let field, !field.isEmpty else { return [] }
        return field.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
    }

    private static func localized(en: String?, fi: String?) -> Localized? {
        let en = en ?? "", fi = fi ?? ""
        if en.isEmpty && fi.isEmpty { return nil }
        return Localized(en: en.isEmpty ? fi : en, fi: fi.isEmpty ? en : fi)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
