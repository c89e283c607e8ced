import ArvioData

/// The table behind a chart, one row per chart row: the group and row labels (shown in the
/// output's language), one column per series, and n where the chart shows it. CSV and JSON
/// output of a `chart` step write this table. A series column is named by its English label
/// and headed by its label in each language, so its name never depends on the language.
enum ChartTable {
    /// The table for `model`'s rows. Column names are `groupName` (when rows are grouped),
    /// `labelName`, the series names and `n`; a name already taken gets a `_2` suffix.
    static func make(_ model: ChartModel, name: String, labelName: String, groupName: String?,
                     seriesNames: [Localized], withN: Bool) -> Table {
        var columns: [Column] = []
        var taken = Set<String>()
        func add(_ name: String, _ data: ColumnData, heading: Localized? = nil) {
            var unique = name.isEmpty ? "value" : name
            var k = 2
            while taken.contains(unique) { unique = "\(name)_\(k)"; k += 1 }
            taken.insert(unique)
            var column = Column(name: unique, data: data)
            if let heading, heading.en != heading.fi { column.heading = Localized(en: unique, fi: heading.fi) }
            columns.append(column)
        }
        if let groupName, model.rows.contains(where: { $0.group != nil }) {
            add(groupName, Headings.textColumn(groupName, model.rows.map(\.group)).data)
        }
        add(labelName, Headings.textColumn(labelName, model.rows.map(\.label)).data)
        for (j, series) in seriesNames.enumerated() {
            add(series.en, numbers(model.rows.map { j < $0.values.count ? $0.values[j] : .nan }),
                heading: Headings.byName[series.en] ?? series)
        }
        if withN {
            add("n", .integer(model.rows.map { row in
                Int64(row.n ?? Int(row.values.filter(\.isFinite).reduce(0, +)))
            }))
        }
        return Table(name: name, columns: columns, rowCount: model.rows.count)
    }

    /// Whole numbers as integers, anything else as decimals; NaN is missing either way.
    static func numbers(_ values: [Double]) -> ColumnData {
        let whole = values.allSatisfy { !$0.isFinite || NumberFormat.isWhole($0) }
        guard whole else { return .decimal(values) }
        return .integer(values.map { $0.isFinite ? Int64($0) : Missing.integer })
    }
}
