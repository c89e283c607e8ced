import ArvioData

/// Aligned columns of text with a heading line and a rule under it: the layout shared by
/// result tables and statistics blocks. Columns are two cells apart; numbers align right, so
/// with a fixed number of places per column they also align on the decimal point. A text cell
/// wider than its column wraps onto more lines of its row rather than being cut, so two
/// different values never read the same (`prior_guidance_training = yes` and `= no`).
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

    /// Each column's heading and cells, for `TextTable.fit` to weigh how many lines they wrap to.
    var texts: [[String]] { columns.map { [$0.heading] + $0.cells } }

    /// The heading line, the rule, and the rows; `marker` is a line inserted before row
    /// `marker.before` (the "… N more rows …" of an elided table).
    func lines(widths: [Int], charset: Charset, colour: Bool,
               marker: (before: Int, text: String)? = nil) -> [String] {
        let heading = block(widths: widths, charset: charset) { $0.heading }
        var out = colour ? heading.map { StyledLine($0, style: ANSIStyle.bold).render(colour: true) } : heading
        out.append(widths.map { String(repeating: charset.rule, count: $0) }.joined(separator: TextGrid.gap))
        let rowCount = columns.first?.cells.count ?? 0
        for row in 0..<rowCount {
            if let marker, marker.before == row { out.append(marker.text) }
            out += block(widths: widths, charset: charset) { $0.cells[row] }
        }
        return out
    }

    /// One row as the lines it takes: text cells wrapped in their column, numbers on the first
    /// line (a number wider than its column, which `TextTable.fit` never makes, is cut).
    private func block(widths: [Int], charset: Charset, _ text: (Column) -> String) -> [String] {
        let cells = zip(columns, widths).map { column, width in
            column.alignRight ? [DisplayWidth.fit(text(column), to: width, charset: charset, alignRight: true)]
                : TextGrid.wrap(text(column), width: width)
        }
        let height = cells.map(\.count).max() ?? 1
        return (0..<height).map { line in
            zip(cells, widths).map { lines, width in
                DisplayWidth.padRight(line < lines.count ? lines[line] : "", to: width)
            }.joined(separator: TextGrid.gap).trimmingTrailingSpaces
        }
    }

    /// `text` in lines of at most `width` cells: broken at spaces, and a word wider than the
    /// line after its last `_`, `-`, `–`, `/` or `.` that fits (`prior_guidance_` /
    /// `training`), else between two characters. Always at least one line; no character is lost.
    static func wrap(_ text: String, width: Int) -> [String] { wrapCounting(text, width: width).lines }

    /// `wrap(text, width:)` and how many words it had to break: what `TextTable.fit` weighs.
    static func wrapCounting(_ text: String, width: Int) -> (lines: [String], broken: Int) {
        let width = max(1, width)
        guard DisplayWidth.of(text) > width else { return ([text], 0) }
        var broken = 0
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            if !current.isEmpty, DisplayWidth.of(current) + 1 + DisplayWidth.of(word) <= width {
                current += " " + word
                continue
            }
            if !current.isEmpty { lines.append(current) }
            var rest = word
            if DisplayWidth.of(rest) > width { broken += 1 }
            while DisplayWidth.of(rest) > width {
                let (head, tail) = split(rest, width: width)
                lines.append(head)
                rest = tail
            }
            current = rest
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return (lines, broken)
    }

    /// The longest head of `word` that fits `width` cells, ending after a break character when
    /// one is at least three cells in, and the rest. The head holds at least one character.
    private static func split(_ word: String, width: Int) -> (String, String) {
        var used = 0
        var end = word.startIndex
        var lastBreak: String.Index?
        var index = word.startIndex
        while index < word.endIndex {
            let w = DisplayWidth.of(word[index])
            if used + w > width, end > word.startIndex { break }
            used += w
            index = word.index(after: index)
            end = index
            if "_-/.–".contains(word[word.index(before: index)]), used >= 3, index < word.endIndex {
                lastBreak = index
            }
        }
        let cut = lastBreak ?? end
        return (String(word[..<cut]), String(word[cut...]))
    }
}
