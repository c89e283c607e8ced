/// Writing a codebook: what a table says of itself (types, key, scale orders, labels) as the
/// CSV that `Codebook.parse` reads, so a saved table loads back the same.
extension Codebook {
    /// The codebook of `table` as it is now: one row per column, and its key.
    /// A category column whose levels were only sorted because nothing declared them lists no
    /// values, so it is read back the same way (sorted, and not trusted as an order).
    public init(describing table: Table) {
        self.init()
        for column in table.columns {
            var levels: [Level] = []
            if case .categorical(let data, let ordered) = column.data, ordered || !data.levelsSortedByValue {
                levels = data.levels
            }
            entries.append(Entry(table: table.name, column: column.name, type: column.type,
                                 isKey: table.key.contains(column.name), references: nil,
                                 levels: levels, label: column.label, position: DataPosition(file: table.name)))
        }
    }

    /// The codebook as CSV (`\n` line ends), in the format `parse` reads; `file` names the
    /// file for errors. A value or label holding `|` cannot be listed, and is an error.
    public func csv(file: String) throws(DataError) -> String {
        var lines = [Self.knownFields.joined(separator: ",")]
        if let title { lines.append(Self.row(["*", "", "", "", "", "", "", "", title.en, title.fi])) }
        for name in tableNames {
            if let label = tableLabels[name] { lines.append(Self.row([name, "", "", "", "", "", "", "", label.en, label.fi])) }
            for entry in entries(for: name) {
                for level in entry.levels {
                    for text in [level.value, level.label?.en ?? "", level.label?.fi ?? ""] where text.contains("|") {
                        throw DataError(DataPosition(file: file), "the value or label \"\(text)\" of \(entry.table).\(entry.column) holds a |, which separates values in a codebook")
                    }
                }
                let labelled = entry.levels.contains { $0.label != nil }
                let joined = { (text: (Level) -> String) in entry.levels.map(text).joined(separator: "|") }
                lines.append(Self.row([
                    entry.table, entry.column, entry.type.rawValue, entry.isKey ? "yes" : "",
                    entry.references.map { "\($0.table).\($0.column)" } ?? "",
                    joined(\.value),
                    labelled ? joined { $0.label?.en ?? $0.value } : "",
                    labelled ? joined { $0.label?.fi ?? $0.value } : "",
                    entry.label?.en ?? "", entry.label?.fi ?? "",
                ]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The path of the codebook saved beside the CSV file `path`: `kysely.csv` -> `kysely.codebook.csv`.
    public static func path(besideCSV path: String) -> String {
        let lower = path.lowercased()
        let base = lower.hasSuffix(".csv") ? String(path.dropLast(4)) : path
        return base + ".codebook.csv"
    }

    private static func row(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
            return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }.joined(separator: ",")
    }
}

extension Table {
    /// The table with each category column as text of its raw values (the codes as written in
    /// the data, not their labels), so a CSV writer that shows labels writes the values instead.
    public var withRawValues: Table {
        var copy = self
        copy.columns = columns.map { column in
            guard case .categorical(let data, _) = column.data else { return column }
            var raw = column
            raw.data = .text((0..<data.codes.count).map { data.level(at: $0)?.value })
            return raw
        }
        return copy
    }
}
