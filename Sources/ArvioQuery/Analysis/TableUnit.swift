import ArvioData

/// What one row of a workspace table is, for `.schema`: its key read as a unit ("one row per
/// participant × item × phase"), and the coarser unit the analysis verbs count when a column
/// does not vary within it ("16 participants, 12–24 rows each"). The same rule as the verbs
/// (`AnalysisUnit`), so what `.schema` says is what `crosstab` will do.
public enum TableUnit {
    /// The sentence for `table` of `workspace`, or nil when it has no key.
    public static func describe(_ table: Table, in workspace: Workspace) -> Localized? {
        let key = table.key
        guard !key.isEmpty else { return nil }
        let row = key.joined(separator: " × ")
        guard key.count > 1 else {
            return Localized(en: "One row per \(row).", fi: "Yksi rivi kutakin \(row)-arvoa kohden.")
        }
        // No flag, so nothing is cancelled and the position is never shown.
        let context = EvaluationContext(workspace: workspace, language: .en)
        let frame = Frame(table: table, origin: table.name)
        let found = try? AnalysisUnit.find(frame, context: context, at: SourcePosition(file: "", line: 0, column: 0))
        guard let unit = found ?? nil, unit.count < table.rowCount else {
            return Localized(en: "One row per \(row).", fi: "Yksi rivi kutakin \(row)-arvoa kohden.")
        }
        var sizes = [Int](repeating: 0, count: unit.count)
        for id in unit.ids { sizes[id] += 1 }
        let low = sizes.min() ?? 0, high = sizes.max() ?? 0
        let each = low == high ? "\(low)" : "\(low)–\(high)"
        return Localized(
            en: "One row per \(row); the unit is \(unit.column), \(unit.count) \(unit.plural.en) with \(each) rows each: columns that do not vary within \(unit.column) are analysed on one row per \(unit.column).",
            fi: "Yksi rivi kutakin \(row)-yhdistelmää kohden; yksikkö on \(unit.column), \(unit.count) \(unit.plural.fi), kullakin \(each) riviä: sarakkeet, jotka eivät vaihtele \(unit.column)-arvon sisällä, analysoidaan yksi rivi kutakin kohden.")
    }
}
