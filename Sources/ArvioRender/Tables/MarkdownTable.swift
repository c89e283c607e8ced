import ArvioData

/// A table as a Markdown pipe table, with each block of statistics as a pipe table under it: for notebooks and
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
            out += ["", "**" + escape(block.title.prose(language)) + "**"]
            if !block.entries.isEmpty { out += [""] + statistics(block.entries, options: options) }
            for note in block.notes {
                out += ["", "*" + Phrases.note.text(language) + "* " + escape(note.prose(language))]
            }
        }
        for note in table.notes {
            out += ["", "*" + Phrases.note.text(language) + "* " + escape(note.prose(language))]
        }
        return out
    }

    /// The statistics of a block as a pipe table with the columns of the text output: statistic,
    /// value, and df, p, p adj and method where any entry has them; an empty cell where one has not.
    /// In Finnish the numbers have a decimal comma.
    static func statistics(_ entries: [Statistic], options: RenderOptions) -> [String] {
        let language = options.language
        let missing = options.charset.missing
        let number = { (text: String) in NumberFormat.localized(text, language) }
        var columns: [(heading: String, right: Bool, cell: (Statistic) -> String)] = [
            (Phrases.statistic.text(language), false, { escape($0.name.text(language)) }),
            (Phrases.value.text(language), true, { $0.value.map { number(NumberFormat.statistic($0)) } ?? missing }),
        ]
        if entries.contains(where: { $0.df != nil }) {
            columns.append((Phrases.df.text(language), true, { $0.df.map { number(NumberFormat.degreesOfFreedom($0)) } ?? "" }))
        }
        if entries.contains(where: { $0.p != nil }) {
            columns.append((Phrases.p.text(language), true, { $0.p.map { number(NumberFormat.pValue($0)) } ?? "" }))
        }
        if entries.contains(where: { $0.adjustedP != nil }) {
            columns.append((Phrases.adjustedP.text(language), true, { $0.adjustedP.map { number(NumberFormat.pValue($0)) } ?? "" }))
        }
        if entries.contains(where: { $0.method != nil }) {
            columns.append((Phrases.method.text(language), false, { $0.method.map { escape($0.prose(language)) } ?? "" }))
        }
        var out = ["| " + columns.map { escape($0.heading) }.joined(separator: " | ") + " |",
                   "| " + columns.map { $0.right ? "---:" : ":---" }.joined(separator: " | ") + " |"]
        for entry in entries {
            out.append("| " + columns.map { $0.cell(entry) }.joined(separator: " | ") + " |")
        }
        return out
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
