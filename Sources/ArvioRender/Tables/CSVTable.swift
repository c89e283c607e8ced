import ArvioData

/// A table as RFC 4180 CSV: a header of column names, CRLF line ends, fields quoted when they
/// hold a comma, quote, CR or LF or start or end with a space, numbers at full precision,
/// missing as an empty field (`""` when it is a row's only field).
/// `lines` is the table only, so every spreadsheet and `read.csv` reads it as one rectangle;
/// the statistics and notes are a CSV of their own (`statisticsLines`), which `.format csv`
/// prints after a blank line and `.save` writes beside the table (docs/formats.md).
enum CSVTable {
    /// The header and one record per row.
    static func lines(_ table: Table, options: RenderOptions) -> [String] {
        var out = [table.columns.map { field($0.name) }.joined(separator: ",")]
        for row in 0..<table.rowCount {
            let line = table.columns.map { field(Cell($0.data, row: row, language: options.language)) }
                .joined(separator: ",")
            // A blank line is skipped by readers (Arvio's too): a row whose one field is
            // missing is written as a quoted empty field, so it is not lost on the way back.
            out.append(line.isEmpty && !table.columns.isEmpty ? "\"\"" : line)
        }
        return out
    }

    /// The statistics and notes of `table` as a CSV: block, statistic, value, df, p,
    /// p_adjusted (when any entry has an adjusted p), method, note. A statistic fills the
    /// columns up to method; a note fills only block (its block's title, empty for a note on
    /// the whole table) and note. Empty when the table has neither.
    static func statisticsLines(_ table: Table, options: RenderOptions) -> [String] {
        let language = options.language
        guard !table.statistics.isEmpty || !table.notes.isEmpty else { return [] }
        let adjusted = table.statistics.contains { $0.entries.contains { $0.adjustedP != nil } }
        var out = [adjusted ? "block,statistic,value,df,p,p_adjusted,method,note" : "block,statistic,value,df,p,method,note"]
        let empty = adjusted ? ",,,,,,," : ",,,,,,"
        for block in table.statistics {
            let title = field(block.title.text(language))
            for entry in block.entries {
                var fields = [
                    title, field(entry.name.text(language)),
                    entry.value.map(NumberFormat.full) ?? "", entry.df.map(NumberFormat.full) ?? "",
                    entry.p.map(NumberFormat.full) ?? "",
                ]
                if adjusted { fields.append(entry.adjustedP.map(NumberFormat.full) ?? "") }
                fields.append(field(entry.method?.text(language) ?? ""))
                out.append(fields.joined(separator: ",") + ",")
            }
            for note in block.notes { out.append(title + empty + field(note.text(language))) }
        }
        for note in table.notes { out.append(empty + field(note.text(language))) }
        return out
    }

    static func field(_ cell: Cell) -> String {
        switch cell {
        case .missing: ""
        case .integer(let v): NumberFormat.integer(v)
        case .decimal(let v): NumberFormat.full(v)
        case .text(let s): field(s)
        }
    }

    /// `text` quoted (with inner quotes doubled) when RFC 4180 requires it, and when it starts
    /// or ends with a space or tab, which lines are trimmed of and some readers drop.
    static func field(_ text: String) -> String {
        let padded = text.first.map { $0 == " " || $0 == "\t" } == true || text.last.map { $0 == " " || $0 == "\t" } == true
        guard padded || text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
