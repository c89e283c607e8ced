import ArvioData

/// A table as a Markdown pipe table, with statistics as a list under it: for notebooks and
/// reports. Numbers at report precision, like text; every row is written (max rows is a
/// screen concern and does not apply).
enum MarkdownTable {
    static func lines(_ table: Table, options: RenderOptions) -> [String] {
        let language = options.language
        var out: [String] = []
        if !table.columns.isEmpty {
            out.append("| " + table.columns.map { escape($0.heading(language)) }.joined(separator: " | ") + " |")
            out.append("| " + table.columns.map { $0.data.isNumericForDisplay ? "---:" : ":---" }
                .joined(separator: " | ") + " |")
            for row in 0..<table.rowCount {
                let cells = table.columns.map {
                    escape(Cell($0.data, row: row, language: language)
                        .reportText(options.charset, format: table.format(of: $0, row: row), language: options.language))
                }
                out.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        for block in table.statistics {
            out += ["", "**" + escape(block.title.prose(language)) + "**", ""]
            out += block.entries.map { "- " + item($0, options: options) }
            for note in block.notes {
                out += ["", "*" + Phrases.note.text(language) + "* " + escape(note.prose(language))]
            }
        }
        for note in table.notes {
            out += ["", "*" + Phrases.note.text(language) + "* " + escape(note.prose(language))]
        }
        return out
    }

    /// "Pearson chi-square = 0.762, df = 3, p = 0.859 (asymptotic)"; in Finnish the decimals
    /// have a comma, so the parts are set off by semicolons ("= 0,762; df = 3; p = 0,859").
    static func item(_ entry: Statistic, options: RenderOptions) -> String {
        let language = options.language
        let number = { (text: String) in NumberFormat.localized(text, language) }
        var parts = [escape(entry.name.text(language)) + " = "
            + (entry.value.map { number(NumberFormat.statistic($0)) } ?? options.charset.missing)]
        if let df = entry.df { parts.append("df = " + number(NumberFormat.degreesOfFreedom(df))) }
        if let p = entry.p {
            let text = number(NumberFormat.pValue(p))
            parts.append(text.hasPrefix("<") ? "p " + text : "p = " + text)
        }
        if let adjusted = entry.adjustedP {
            let text = number(NumberFormat.pValue(adjusted))
            let name = Phrases.adjustedP.text(language)
            parts.append(text.hasPrefix("<") ? name + " " + text : name + " = " + text)
        }
        var line = parts.joined(separator: language == .fi ? "; " : ", ")
        if let method = entry.method { line += " (" + escape(method.prose(language)) + ")" }
        return line
    }

    /// Text safe inside a table cell: pipes and backslashes escaped, line breaks flattened.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in Cell.flatten(text) {
            if ch == "|" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
