import ArvioData

/// A statistics block as text: its title, then one aligned line per statistic.
enum StatisticsText {
    /// The lines of `block`: title, a grid of name / value / df / p / p adj / method, and its
    /// notes. Columns nobody in the block has (df, p, p adj, method) are left out.
    static func lines(_ block: StatisticsBlock, options: RenderOptions) -> [String] {
        let language = options.language
        let missing = options.charset.missing
        let entries = block.entries
        var columns = [
            TextGrid.Column(heading: Phrases.statistic.text(language),
                            cells: entries.map { Cell.flatten($0.name.text(language)) }, alignRight: false),
            TextGrid.Column(heading: Phrases.value.text(language),
                            cells: entries.map { $0.value.map { NumberFormat.localized(NumberFormat.statistic($0), language) } ?? missing }, alignRight: true),
        ]
        if entries.contains(where: { $0.df != nil }) {
            columns.append(TextGrid.Column(heading: Phrases.df.text(language),
                                           cells: entries.map { $0.df.map { NumberFormat.localized(NumberFormat.degreesOfFreedom($0), language) } ?? "" },
                                           alignRight: true))
        }
        if entries.contains(where: { $0.p != nil }) {
            columns.append(TextGrid.Column(heading: Phrases.p.text(language),
                                           cells: entries.map { $0.p.map { NumberFormat.localized(NumberFormat.pValue($0), language) } ?? "" },
                                           alignRight: true))
        }
        if entries.contains(where: { $0.adjustedP != nil }) {
            columns.append(TextGrid.Column(heading: Phrases.adjustedP.text(language),
                                           cells: entries.map { $0.adjustedP.map { NumberFormat.localized(NumberFormat.pValue($0), language) } ?? "" },
                                           alignRight: true))
        }
        if entries.contains(where: { $0.method != nil }) {
            columns.append(TextGrid.Column(heading: Phrases.method.text(language),
                                           cells: entries.map { Cell.flatten($0.method?.prose(language) ?? "") },
                                           alignRight: false))
        }
        // Names and methods wrap in their columns rather than being cut, so "Fisher's exact,
        // one-sided (OR < 1)" never reads as its two-sided neighbour; the numbers keep their width.
        var grid = TextGrid(columns: columns)
        let (widths, kept) = TextTable.fit(grid.naturalWidths, shrinkable: columns.map { !$0.alignRight },
                                           width: options.width, texts: grid.texts)
        grid.columns = Array(grid.columns[..<kept])
        let title = TextWrap.wrap(Cell.flatten(block.title.prose(language)), width: options.width,
                                  charset: options.charset, indent: "  ")
        var out = title.map { StyledLine($0, style: ANSIStyle.bold).render(colour: options.colour) }
        // A block whose tests could not be run is its title and the note saying why.
        if !entries.isEmpty { out += grid.lines(widths: widths, charset: options.charset, colour: false) }
        for note in block.notes {
            out += TextWrap.wrap(Phrases.note.text(language) + " " + note.prose(language),
                                 width: options.width, charset: options.charset, indent: "  ")
        }
        return out
    }
}
