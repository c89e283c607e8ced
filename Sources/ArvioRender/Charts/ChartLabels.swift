import ArvioData

/// The label column at the left of a chart: each row's label, with the group label shown on the
/// first row of each run of rows in the same group, all cut to fit and padded to one width.
struct ChartLabels {
    var texts: [String]
    var width: Int

    /// The widest the label column may be: about a third of the chart, at least 8 cells.
    static func cap(_ width: Int) -> Int { max(8, width * 35 / 100) }

    init(rows: [ChartModel.Row], options: RenderOptions, cap: Int? = nil) {
        let language = options.language
        let cap = cap ?? ChartLabels.cap(options.width)
        let labels = rows.map { Cell.flatten($0.label.text(language)) }
        let widest = labels.map(DisplayWidth.of).max() ?? 0
        guard rows.contains(where: { $0.group != nil }) else {
            width = min(widest, cap)
            texts = labels.map { DisplayWidth.fit($0, to: min(widest, cap), charset: options.charset) }
            return
        }
        let groups = rows.map { Cell.flatten($0.group?.text(language) ?? "") }
        // Row labels under a group are short ("pre", "post"): they keep up to half the room,
        // and the group label takes what is left.
        let labelWidth = max(1, min(widest, cap / 2))
        let groupWidth = max(1, min(groups.map(DisplayWidth.of).max() ?? 0, cap - labelWidth - 1))
        width = groupWidth + 1 + labelWidth
        texts = rows.indices.map { i in
            let showGroup = i == 0 || rows[i - 1].group != rows[i].group
            return DisplayWidth.fit(showGroup ? groups[i] : "", to: groupWidth, charset: options.charset) + " "
                + DisplayWidth.fit(labels[i], to: labelWidth, charset: options.charset)
        }
    }

    /// Whether a blank line belongs before row `i` (a new group starts).
    static func startsGroup(_ rows: [ChartModel.Row], _ i: Int) -> Bool {
        i > 0 && rows[i].group != nil && rows[i - 1].group != rows[i].group
    }
}
