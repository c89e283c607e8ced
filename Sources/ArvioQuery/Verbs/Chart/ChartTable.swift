import ArvioData

/// The table behind a chart, one row per chart row: the group and row labels in the session's
/// language, one column per series, and n where the chart shows it. CSV and JSON output of a
/// `chart` step write this table.
enum ChartTable {
    /// The table for `model`'s rows. Column names are `groupName` (when rows are grouped),
    /// `labelName`, the series names and `n`; a name already taken gets a `_2` suffix.
    static func make(_ model: ChartModel, name: String, labelName: String, groupName: String?,
                     seriesNames: [String], withN: Bool, language: Language) -> Table {
        var columns: [Column] = []
        var taken = Set<String>()
        func add(_ name: String, _ data: ColumnData) {
            var unique = name.isEmpty ? "value" : name
            var k = 2
            while taken.contains(unique) { unique = "\(name)_\(k)"; k += 1 }
            taken.insert(unique)
            columns.append(Column(name: unique, data: data))
        }
        if let groupName, model.rows.contains(where: { $0.group != nil }) {
            add(groupName, .text(model.rows.map { $0.group?.text(language) }))
        }
        add(labelName, .text(model.rows.map { $0.label.text(language) }))
        for (j, series) in seriesNames.enumerated() {
            add(series, numbers(model.rows.map { j < $0.values.count ? $0.values[j] : .nan }))
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
