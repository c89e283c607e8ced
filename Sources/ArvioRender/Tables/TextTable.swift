import ArvioData

/// A table as aligned plain text: the format people read in the shell.
enum TextTable {
    /// The widest a label column may grow before its cells are cut, so one long free-text value
    /// does not push every other column off the screen.
    static func labelCap(_ width: Int) -> Int { max(12, width * 2 / 5) }

    /// The lines of `table`, its statistics and its notes.
    static func lines(_ table: Table, options: RenderOptions) -> [String] {
        var out: [String] = []
        if table.columns.isEmpty {
            out.append(options.language == .fi ? "(\(table.rowCount) riviä, ei sarakkeita)"
                                               : "(\(table.rowCount) rows, no columns)")
        } else {
            out += body(table, options: options)
        }
        for block in table.statistics {
            out.append("")
            out += StatisticsText.lines(block, options: options)
        }
        if !table.notes.isEmpty { out.append("") }
        for note in table.notes {
            out += TextWrap.wrap(Phrases.note.text(options.language) + " " + note.prose(options.language),
                                 width: options.width, charset: options.charset, indent: "  ")
        }
        return out
    }

    /// The rows shown: all, or the head and tail around an elided middle.
    static func shownRows(_ count: Int, maxRows: Int?) -> (rows: [Int], elided: Int, at: Int) {
        guard let maxRows, maxRows > 0, count > maxRows else { return (Array(0..<count), 0, count) }
        let head = (maxRows + 1) / 2
        let tail = maxRows - head
        return (Array(0..<head) + Array((count - tail)..<count), count - maxRows, head)
    }

    private static func body(_ table: Table, options: RenderOptions) -> [String] {
        let shown = shownRows(table.rowCount, maxRows: options.maxRows)
        var grid = TextGrid(columns: table.columns.map { column in
            let alignRight = column.data.isNumericForDisplay
            let cells = shown.rows.map {
                Cell(column.data, row: $0, language: options.language)
                    .reportText(options.charset, format: table.format(of: column, row: $0), language: options.language)
            }
            return TextGrid.Column(heading: Cell.flatten(column.heading(options.language)),
                                   cells: alignRight ? alignedOnPoint(cells, missing: options.charset.missing) : cells,
                                   alignRight: alignRight)
        })
        let cap = labelCap(options.width)
        let natural = zip(grid.columns, grid.naturalWidths).map { column, natural in
            column.alignRight ? natural : min(natural, max(cap, DisplayWidth.of(column.heading)))
        }
        let (widths, kept) = fit(natural, shrinkable: grid.columns.map { !$0.alignRight }, width: options.width)
        let leftOut = grid.columns[kept...].map(\.heading)
        grid.columns = Array(grid.columns[..<kept])
        let marker = shown.elided > 0 ? (before: shown.at, text: Phrases.moreRows(shown.elided, options)) : nil
        var out = grid.lines(widths: widths, charset: options.charset, colour: options.colour, marker: marker)
        if !leftOut.isEmpty {
            out += TextWrap.wrap(Phrases.columnsLeftOut(leftOut, options.language), width: options.width,
                                 charset: options.charset, indent: "  ")
        }
        return out
    }

    /// The narrowest a text column is cut to before columns are left out: room for a word or two.
    static let narrowestText = 12

    /// The widths of the columns kept and how many are kept (from the left) in `width` cells.
    /// Text columns give way before any column is left out: as many columns are kept as fit
    /// with every text column cut to `narrowestText`, and then text columns are cut, widest
    /// first and a cell at a time, only as far as the kept columns need. The first column
    /// names the rows, so it is cut only once the other text columns are as narrow as they
    /// go. The first column always stays, cut to the width if need be.
    static func fit(_ natural: [Int], shrinkable: [Bool], width: Int) -> (widths: [Int], kept: Int) {
        let floor = zip(natural, shrinkable).map { $1 ? min($0, narrowestText) : $0 }
        var kept = 1
        while kept < natural.count, TextGrid.totalWidth(Array(floor[...kept])) <= width { kept += 1 }
        var widths = Array(natural[..<kept])
        func canGive(_ i: Int) -> Bool { shrinkable[i] && widths[i] > floor[i] }
        while TextGrid.totalWidth(widths) > width {
            let others = widths.indices.dropFirst().filter(canGive)
            let candidates = others.isEmpty ? (canGive(0) ? [0] : []) : others
            // The widest; the rightmost of equals.
            guard let widest = candidates.max(by: { widths[$0] != widths[$1] ? widths[$0] < widths[$1] : $0 < $1 })
            else { break }
            widths[widest] -= 1
        }
        widths[0] = min(widths[0], width)
        return (widths, kept)
    }

    /// Number cells aligned on the decimal point: a cell with fewer places than the column's
    /// most (a whole count among percentages) gets spaces after it, as PSPP lines them up.
    /// Missing marks stay at the right edge. The decimal mark is a point, or in Finnish a comma.
    static func alignedOnPoint(_ cells: [String], missing: String) -> [String] {
        func places(_ cell: String) -> Int {
            cell.lastIndex(where: { $0 == "." || $0 == "," }).map { cell.distance(from: $0, to: cell.endIndex) } ?? 0
        }
        let most = cells.map(places).max() ?? 0
        guard cells.contains(where: { $0 != missing && places($0) < most }) else { return cells }
        return cells.map { $0 == missing ? $0 : $0 + String(repeating: " ", count: most - places($0)) }
    }
}
