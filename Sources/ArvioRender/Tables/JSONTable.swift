import ArvioData

/// A table as JSON, at full precision: `{"name", "columns": [{name, type, label}], "rows":
/// [[…], …], "statistics": [{title, entries: [{name, value, df, p, p_adjusted?, method}], notes}],
/// "unit"?: {name, n, table_rows, repeats?}, "notes"}`; `unit` is there for analysis results. Rows are arrays in column order, one per line, so large exports stay compact and
/// diffable. Missing and non-finite numbers are `null`; labels are in the chosen language.
enum JSONTable {
    static func lines(_ table: Table, options: RenderOptions) -> [String] {
        lines(table, options: options, isCancelled: nil) ?? []
    }

    /// `lines`, looking at `isCancelled` every 16 384 rows; nil once it is set.
    static func lines(_ table: Table, options: RenderOptions, isCancelled: (() -> Bool)?) -> [String]? {
        let language = options.language
        var out = ["{", "  \"name\": \(string(table.name)),", "  \"columns\": ["]
        for (i, column) in table.columns.enumerated() {
            let label = column.label.map { string($0.text(language)) } ?? "null"
            out.append("    {\"name\": \(string(column.name)), \"type\": \(string(column.type.rawValue)), "
                + "\"label\": \(label)}" + (i + 1 < table.columns.count ? "," : ""))
        }
        out.append("  ],")
        out.append(table.rowCount == 0 ? "  \"rows\": []," : "  \"rows\": [")
        for row in 0..<table.rowCount {
            if row % (1 << 14) == 0, isCancelled?() == true { return nil }
            let cells = table.columns.map { value(Cell($0.data, row: row, language: language)) }
            out.append("    [" + cells.joined(separator: ", ") + "]" + (row + 1 < table.rowCount ? "," : ""))
        }
        if table.rowCount > 0 { out.append("  ],") }
        out.append(table.statistics.isEmpty ? "  \"statistics\": []," : "  \"statistics\": [")
        for (b, block) in table.statistics.enumerated() {
            out.append("    {\"title\": \(string(block.title.text(language))), \"entries\": [")
            for (i, e) in block.entries.enumerated() {
                out.append("      {\"name\": \(string(e.name.text(language))), \"value\": \(number(e.value)), "
                    + "\"df\": \(number(e.df)), \"p\": \(number(e.p)), "
                    + (e.adjustedP.map { "\"p_adjusted\": \(number($0)), " } ?? "")
                    + "\"method\": \(e.method.map { string($0.text(language)) } ?? "null")}"
                    + (i + 1 < block.entries.count ? "," : ""))
            }
            out.append("    ], \"notes\": [" + block.notes.map { string($0.text(language)) }.joined(separator: ", ")
                + "]}" + (b + 1 < table.statistics.count ? "," : ""))
        }
        if !table.statistics.isEmpty { out.append("  ],") }
        if let unit = table.unit {
            // Only results of analysis verbs have a unit; other tables keep their shape.
            out.append("  \"unit\": {\"name\": \(string(unit.name)), \"n\": \(unit.count), \"table_rows\": \(unit.tableRows)"
                + (unit.repeats.map { ", \"repeats\": \(string($0))" } ?? "") + "},")
        }
        out.append("  \"notes\": [" + table.notes.map { string($0.text(language)) }.joined(separator: ", ") + "]")
        out.append("}")
        return out
    }

    static func value(_ cell: Cell) -> String {
        switch cell {
        case .missing: "null"
        case .integer(let v): NumberFormat.integer(v)
        case .decimal(let v): number(v)
        case .text(let s): string(s)
        }
    }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return NumberFormat.full(value)
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest
    /// (ä, ö, CJK) written as UTF-8.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
