import ArvioData

/// A table as aligned plain text: the format people read in the shell.
enum TextTable {
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
        let (widths, kept) = fit(grid.naturalWidths, shrinkable: grid.columns.map { !$0.alignRight },
                                 width: options.width, texts: grid.texts)
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

    /// The narrowest a text column is made before columns are left out: room for a word or two.
    static let narrowestText = 12

    /// How many rows (the heading first) the layout of a long table is judged on.
    static let sample = 100

    /// The widths of the columns kept and how many are kept (from the left) in `width` cells.
    /// Text columns (`shrinkable`) give way before any column is left out: as many columns are
    /// kept as fit with every text column at `narrowestText`, numbers at their natural width.
    /// The width left over goes to the text columns that need it: a first column of at most
    /// two fifths of the width gets all it needs, as it names the rows; then, given the `texts` of each
    /// column (heading first), each step goes to the column whose widening saves the most lines
    /// per cell, judged on the first `sample` rows; otherwise, and once no line can be saved, first whole to the
    /// columns it makes fit, the smallest need first (so a method name is not wrapped for one
    /// cell), then a cell at a time to whichever still needs the most, the leftmost of equals,
    /// as the first column names the rows. A text column narrower than its cells wraps them.
    static func fit(_ natural: [Int], shrinkable: [Bool], width: Int,
                    texts: [[String]]? = nil) -> (widths: [Int], kept: Int) {
        let floor = zip(natural, shrinkable).map { $1 ? min($0, narrowestText) : $0 }
        var kept = 1
        while kept < natural.count, TextGrid.totalWidth(Array(floor[...kept])) <= width { kept += 1 }
        var widths = Array(floor[..<kept])
        var spare = width - TextGrid.totalWidth(widths)
        func need(_ i: Int) -> Int { natural[i] - widths[i] }
        // The first column names the rows, so a short one is never wrapped to save lines elsewhere.
        if need(0) > 0, natural[0] <= max(narrowestText, width * 2 / 5), need(0) <= spare {
            spare -= need(0)
            widths[0] = natural[0]
        }
        if let texts, spare > 0 {
            // The lines each sampled cell takes at each width the column could be given.
            let rows = min(sample, texts.map(\.count).max() ?? 0)
            var table: [[[(lines: Int, broken: Int)]]] = widths.indices.map { i in
                guard need(i) > 0 else { return [] }
                return (widths[i]...min(natural[i], widths[i] + spare)).map { w in
                    (0..<rows).map { r in
                        guard r < texts[i].count else { return (1, 0) }
                        let wrapped = TextGrid.wrapCounting(texts[i][r], width: w)
                        return (wrapped.lines.count, wrapped.broken)
                    }
                }
            }
            // The lines the rows take, and a line more for each word broken inside it
            // (`rank-` / `biserial`), which reads worse than a break at a space.
            func height(_ trial: [Int]) -> Int {
                (0..<rows).reduce(0) { total, r in
                    var most = 1, broken = 0
                    for i in trial.indices where !table[i].isEmpty {
                        let cell = table[i][trial[i] - floor[i]][r]
                        most = max(most, cell.lines)
                        broken += cell.broken
                    }
                    return total + most + broken
                }
            }
            let needy = widths.indices.filter { need($0) > 0 }
            // Every way of sharing the spare width when there are few (two or three long text
            // columns, the usual case), else a greedy step at a time: the most lines saved per cell.
            let ways = needy.reduce(1) { $0 * (min(need($1), spare) + 1) }
            if ways <= 20_000 {
                var best = (lines: height(widths), cells: 0, widths: widths)
                func share(_ at: Int, _ trial: inout [Int], _ left: Int) {
                    guard at < needy.count else {
                        let lines = height(trial), cells = spare - left
                        if lines < best.lines || lines == best.lines && cells < best.cells { best = (lines, cells, trial) }
                        return
                    }
                    let i = needy[at]
                    for k in 0...min(need(i), left) {
                        trial[i] = floor[i] + k
                        share(at + 1, &trial, left - k)
                    }
                    trial[i] = floor[i]
                }
                var trial = widths
                share(0, &trial, spare)
                widths = best.widths
                spare -= best.cells
            } else {
                var lines = height(widths)
                while spare > 0 {
                    var best: (column: Int, cells: Int, saved: Int)?
                    for i in needy where need(i) > 0 {
                        for k in 1...min(need(i), spare) {
                            var trial = widths
                            trial[i] += k
                            let saved = lines - height(trial)
                            if saved > 0, best.map({ saved * $0.cells > $0.saved * k }) ?? true { best = (i, k, saved) }
                        }
                    }
                    guard let best else { break }
                    widths[best.column] += best.cells
                    spare -= best.cells
                    lines -= best.saved
                }
            }
            table = []
        }
        for i in widths.indices.filter({ need($0) > 0 }).sorted(by: { need($0) < need($1) }) where need(i) <= spare {
            spare -= need(i)
            widths[i] = natural[i]
        }
        while spare > 0, let neediest = widths.indices.filter({ need($0) > 0 })
            .max(by: { need($0) != need($1) ? need($0) < need($1) : $0 > $1 }) {
            widths[neediest] += 1
            spare -= 1
        }
        if let texts { avoidBrokenWords(&widths, shrinkable: shrinkable, texts: texts) }
        widths[0] = min(widths[0], width)
        return (widths, kept)
    }

    /// The widest piece of `text` that wrapping cannot break without cutting a word: its words,
    /// split after `_`, `-`, `–` and `/`, where `TextGrid.wrap` breaks them cleanly.
    static func longestPiece(_ text: String) -> Int {
        var longest = 0, current = 0
        for c in text {
            if c == " " { current = 0; continue }
            current += DisplayWidth.of(c)
            longest = max(longest, current)
            if "_-–/".contains(c) { current = 0 }
        }
        return longest
    }

    /// Widens a text column whose words would be cut in the middle (`määräaikaine` / `n`) with
    /// cells from text columns that are wider than their own longest word, a cell at a time from
    /// the one that loses the fewest lines by it, as long as that makes the cut word fit whole;
    /// the width of the whole stays the same. Finnish compounds are long, and a word cut in two
    /// reads as two words.
    private static func avoidBrokenWords(_ widths: inout [Int], shrinkable: [Bool], texts: [[String]]) {
        let rows = min(sample, texts.map(\.count).max() ?? 0)
        let pieces = widths.indices.map { i in
            shrinkable[i] ? texts[i].prefix(rows).map(longestPiece).max() ?? 0 : 0
        }
        func lines(_ j: Int, _ w: Int) -> Int {
            texts[j].prefix(rows).reduce(0) { $0 + TextGrid.wrap($1, width: w).count }
        }
        for i in widths.indices where shrinkable[i] && pieces[i] > widths[i] {
            let donors = widths.indices.filter { $0 != i && shrinkable[$0] }
            guard donors.reduce(0, { $0 + max(0, widths[$1] - pieces[$1]) }) >= pieces[i] - widths[i] else { continue }
            while widths[i] < pieces[i] {
                guard let j = donors.filter({ widths[$0] > pieces[$0] })
                    .min(by: { lines($0, widths[$0] - 1) - lines($0, widths[$0]) < lines($1, widths[$1] - 1) - lines($1, widths[$1]) })
                else { break }
                widths[j] -= 1
                widths[i] += 1
            }
        }
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
