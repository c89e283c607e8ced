extension Codebook {
    private static let requiredFields = ["table", "column", "type"]

    /// Reads a codebook from the bytes of its CSV file.
    public static func parse(_ rawBytes: [UInt8], file: String) throws(DataError) -> Codebook {
        let bytes = try TextDecoding.utf8(rawBytes, file: file).bytes
        var parser = CSVParser(bytes: bytes, delimiter: CSVDialect.sniff(bytes).delimiter, file: file)
        var fields: [CSVParser.Field] = []
        guard try parser.next(into: &fields) else {
            throw DataError(DataPosition(file: file), "the codebook is empty; it needs a header row starting table,column,type")
        }
        let header = fields.map { parser.string($0).trimmed.lowercased() }
        for name in requiredFields where !header.contains(name) {
            throw DataError(DataPosition(file: file, line: 1), "the codebook's header has no \"\(name)\" field")
        }
        var book = Codebook()
        while try parser.next(into: &fields) {
            var row: [String: String] = [:]
            for (i, f) in fields.enumerated() where i < header.count { row[header[i]] = parser.string(f).trimmed }
            let at = { (name: String) in
                DataPosition(file: file, line: parser.line, field: (header.firstIndex(of: name) ?? 0) + 1)
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
        entries.append(Entry(table: table, column: column, type: type,
                             isKey: ["yes", "true", "1", "kyllä", "x"].contains(row["key", default: ""].lowercased()),
                             references: references, levels: levels, label: label, position: at("column")))
    }

    private static func levels(_ row: [String: String], type: ColumnType,
                               at: (String) -> DataPosition) throws(DataError) -> [Level] {
        let values = split(row["values"])
        guard type.isCoded else { return [] }
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
