/// Aligned columns of text with a heading line and a rule under it: the layout shared by
/// result tables and statistics blocks. Columns are two cells apart; numbers align right, so
/// with a fixed number of places per column they also align on the decimal point.
struct TextGrid {
    /// One column: its heading, its cells in display order, and which side it aligns to.
    struct Column {
        var heading: String
        var cells: [String]
        var alignRight: Bool
    }

    /// The space between columns.
    static let gap = "  "

    var columns: [Column]

    /// Each column's natural width: its widest cell or heading.
    var naturalWidths: [Int] {
        columns.map { column in
            column.cells.reduce(DisplayWidth.of(column.heading)) { max($0, DisplayWidth.of($1)) }
        }
    }

    /// The total width of columns laid out at `widths`.
    static func totalWidth(_ widths: [Int]) -> Int {
        widths.reduce(0, +) + max(0, widths.count - 1) * gap.count
    }

    /// The heading line, the rule, and the rows; `marker` is a line inserted before row
    /// `marker.before` (the "… N more rows …" of an elided table).
    func lines(widths: [Int], charset: Charset, colour: Bool,
               marker: (before: Int, text: String)? = nil) -> [String] {
        let heading = line(widths: widths, charset: charset) { $0.heading }
        var out = [colour ? StyledLine(heading, style: ANSIStyle.bold).render(colour: true) : heading]
        out.append(widths.map { String(repeating: charset.rule, count: $0) }.joined(separator: TextGrid.gap))
        let rowCount = columns.first?.cells.count ?? 0
        for row in 0..<rowCount {
            if let marker, marker.before == row { out.append(marker.text) }
            out.append(line(widths: widths, charset: charset) { $0.cells[row] })
        }
        return out
    }

    private func line(widths: [Int], charset: Charset, _ text: (Column) -> String) -> String {
        zip(columns, widths).map { column, width in
            DisplayWidth.fit(text(column), to: width, charset: charset, alignRight: column.alignRight)
        }.joined(separator: TextGrid.gap).trimmingTrailingSpaces
    }
}
