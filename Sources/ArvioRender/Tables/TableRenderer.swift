import ArvioData

/// Renders a result table with its statistics and notes in one of the four output formats.
public enum TableRenderer {
    /// `table` as text, Markdown, CSV or JSON. Every line ends in "\n" (CSV in "\r\n", as
    /// RFC 4180 asks); no line ends in a space. The same input gives the same bytes anywhere.
    /// A table that carries a chart shows the chart in text (fenced in Markdown); CSV and JSON
    /// export the numbers behind it.
    public static func render(_ table: Table, format: OutputFormat, options: RenderOptions = RenderOptions()) -> String {
        if let chart = table.chart {
            switch format {
            case .text: return ChartRenderer.render(chart, options: options)
            case .markdown: return "```text\n" + ChartRenderer.render(chart, options: options) + "```\n"
            case .csv, .json: break
            }
        }
        return switch format {
        case .text: join(TextTable.lines(table, options: options))
        case .markdown: join(MarkdownTable.lines(table, options: options))
        case .csv:
            // A blank line, then the statistics and notes as a CSV of their own, so neither is
            // lost on the screen and the table above stays one rectangle.
            join(CSVTable.lines(table, options: options)
                + { $0.isEmpty ? [] : [""] + $0 }(CSVTable.statisticsLines(table, options: options)), separator: "\r\n")
        case .json: join(JSONTable.lines(table, options: options))
        }
    }

    /// `render(table, format: .json, options:)` for `.save`, looking at `isCancelled` between
    /// rows; nil when it was set before the end.
    public static func json(_ table: Table, options: RenderOptions = RenderOptions(), isCancelled: (() -> Bool)?) -> String? {
        guard let lines = JSONTable.lines(table, options: options, isCancelled: isCancelled) else { return nil }
        return isCancelled?() == true ? nil : join(lines)
    }

    /// The statistics and notes of `table` as a CSV of their own (block, statistic, value, df,
    /// p, p_adjusted, method, note) at full precision, for `.save` to write beside the table's
    /// CSV; nil when the table has neither.
    public static func statisticsCSV(_ table: Table, options: RenderOptions = RenderOptions()) -> String? {
        let lines = CSVTable.statisticsLines(table, options: options)
        return lines.isEmpty ? nil : join(lines, separator: "\r\n")
    }

    /// `table` as CSV without its statistics and notes: the one rectangle a file holds.
    public static func tableCSV(_ table: Table, options: RenderOptions = RenderOptions()) -> String {
        join(CSVTable.lines(table, options: options), separator: "\r\n")
    }

    /// Writes `table` as `tableCSV` spells it, byte for byte, to `writer` a row at a time, so a
    /// table of millions of rows is never one string. With `rawValues`, each category is its
    /// raw value and a missing value with a reason its code, as `Table.withRawValues` gives,
    /// without making those columns first. Looks at `isCancelled` every 16 384 rows (and stops
    /// after a failed write); false when it stopped before the end.
    public static func writeTableCSV(_ table: Table, rawValues: Bool, options: RenderOptions = RenderOptions(),
                                     to writer: ByteWriter, isCancelled: (() -> Bool)? = nil) -> Bool {
        CSVTable.write(table, rawValues: rawValues, options: options, to: writer, isCancelled: isCancelled)
    }

    /// Rows of text under `headings`, laid out as a result table is (the width shared where it
    /// saves the most lines, cells wrapped in their columns, a rule under the headings); nil
    /// when the columns do not all fit `width` at their narrowest.
    public static func textColumns(headings: [String], rows: [[String]], width: Int, charset: Charset) -> [String]? {
        let grid = TextGrid(columns: headings.indices.map { c in
            TextGrid.Column(heading: headings[c], cells: rows.map { c < $0.count ? $0[c] : "" }, alignRight: false)
        })
        let (widths, kept) = TextTable.fit(grid.naturalWidths, shrinkable: headings.map { _ in true },
                                           width: width, texts: grid.texts)
        guard kept == headings.count else { return nil }
        return grid.lines(widths: widths, charset: charset, colour: false).map(\.trimmingTrailingSpaces)
    }

    static func join(_ lines: [String], separator: String = "\n") -> String {
        lines.map(\.trimmingTrailingSpaces).joined(separator: separator) + separator
    }
}
