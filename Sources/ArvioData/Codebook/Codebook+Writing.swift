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
            var entry = Entry(table: table.name, column: column.name, type: column.type,
                              isKey: table.key.contains(column.name), references: nil,
                              levels: levels, label: column.label, position: DataPosition(file: table.name))
            entry.missing = column.missingReasons?.reasons ?? []
            entries.append(entry)
        }
    }

    /// The codebook as CSV (`\n` line ends), in the format `parse` reads; `file` names the
    /// file for errors. A value or label holding `|` cannot be listed, and is an error.
    public func csv(file: String) throws(DataError) -> String {
        // The missing-code fields are written only when some column has codes, so other codebooks stay as they were.
        let withMissing = entries.contains { !$0.missing.isEmpty }
        let fields = withMissing ? Self.knownFields : Self.knownFields.filter { !Self.missingFields.contains($0) }
        let padding = withMissing ? ["", "", ""] : []
        var lines = [fields.joined(separator: ",")]
        if let title { lines.append(Self.row(["*", "", "", "", "", "", "", "", title.en, title.fi] + padding)) }
        for name in tableNames {
            if let label = tableLabels[name] { lines.append(Self.row([name, "", "", "", "", "", "", "", label.en, label.fi] + padding)) }
            for entry in entries(for: name) {
                for level in entry.levels {
                    for text in [level.value, level.label?.en ?? "", level.label?.fi ?? ""] where text.contains("|") {
                        throw DataError(DataPosition(file: file), "the value or label \"\(text)\" of \(entry.table).\(entry.column) holds a |, which separates values in a codebook")
                    }
                }
                let labelled = entry.levels.contains { $0.label != nil }
                let missing = withMissing ? try missingFields(entry, file: file) : []
                let joined = { (text: (Level) -> String) in entry.levels.map(text).joined(separator: "|") }
                lines.append(Self.row([
                    entry.table, entry.column, entry.type.rawValue, entry.isKey ? "yes" : "",
                    entry.references.map { "\($0.table).\($0.column)" } ?? "",
                    joined(\.value),
                    labelled ? joined { $0.label?.en ?? $0.value } : "",
                    labelled ? joined { $0.label?.fi ?? $0.value } : "",
                    entry.label?.en ?? "", entry.label?.fi ?? "",
                ] + missing))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func missingFields(_ entry: Entry, file: String) throws(DataError) -> [String] {
        for reason in entry.missing {
            for text in [reason.code, reason.label?.en ?? "", reason.label?.fi ?? ""] where text.contains("|") {
                throw DataError(DataPosition(file: file), "the missing code or reason \"\(text)\" of \(entry.table).\(entry.column) holds a |, which separates codes in a codebook")
            }
        }
        let labelled = entry.missing.contains { $0.label != nil }
        return [entry.missing.map(\.code).joined(separator: "|"),
                labelled ? entry.missing.map { $0.label?.en ?? $0.code }.joined(separator: "|") : "",
                labelled ? entry.missing.map { $0.label?.fi ?? $0.code }.joined(separator: "|") : ""]
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
            // A missing value with a code is written as its code, which the codebook declares missing.
            let reasons = column.missingReasons
            let code = { (row: Int) in reasons?.reason(at: row)?.code }
            switch column.data {
            case .categorical(let data, _):
                var raw = column
                raw.data = .text((0..<data.codes.count).map { data.level(at: $0)?.value ?? code($0) })
                return raw
            case .integer(let v) where reasons != nil:
                var raw = column
                raw.data = .text(v.indices.map { Missing.isMissing(v[$0]) ? code($0) : String(v[$0]) })
                return raw
            case .decimal(let v) where reasons != nil:
                var raw = column
                raw.data = .text(v.indices.map { v[$0].isNaN ? code($0) : NumberFormat.full(v[$0]) })
                return raw
            case .text(let v) where reasons != nil:
                var raw = column
                raw.data = .text(v.indices.map { v[$0] ?? code($0) })
                return raw
            default:
                return column
            }
        }
        return copy
    }
}
