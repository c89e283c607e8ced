import ArvioData

extension ColumnFormat {
    /// A decimal `value` as text and Markdown show it in a column of this format. A per-row
    /// format must be resolved first (`Table.format(of:row:)`); unresolved it shows decimals.
    func reportText(_ value: Double) -> String {
        switch self {
        case .count: NumberFormat.count(value)
        case .percent, .perRow: NumberFormat.decimal(value)
        case .statistic: NumberFormat.statistic(value)
        case .pValue: NumberFormat.pValue(value)
        }
    }
}

extension Table {
    /// The format of `column`'s cell in `row`: its own, or for a per-row format the one the
    /// named column's value in that row picks. The naming column is looked up by name, so the
    /// hint still works after the rows are filtered or sorted; if that column was dropped, the
    /// cells fall back to plain decimals.
    func format(of column: Column, row: Int) -> ColumnFormat? {
        guard case .perRow(let name, let formats)? = column.format else { return column.format }
        guard let kind = self.column(named: name) else { return nil }
        let key: String? = switch kind.data {
        case .categorical(let c, _): c.level(at: row)?.value
        case .text(let v): v[row]
        case .integer, .decimal: nil
        }
        return key.flatMap { formats[$0] }
    }
}
