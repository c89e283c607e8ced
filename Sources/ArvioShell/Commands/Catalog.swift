import ArvioData
import ArvioQuery

/// The tables that describe the workspace: `.tables` and `.schema` print them like any result,
/// so they follow `.format` and `.lang`.
enum Catalog {
    /// One row per table: name, rows, columns, key and description; references as notes.
    static func tables(_ workspace: Workspace, language: Language) -> Table {
        let tables = workspace.tables
        let notes = workspace.relations.map { r in
            Localized(en: "\(r.table).\(r.columns.joined(separator: ",")) refers to \(r.target).\(r.targetColumns.joined(separator: ","))",
                      fi: "\(r.table).\(r.columns.joined(separator: ",")) viittaa tauluun \(r.target).\(r.targetColumns.joined(separator: ","))")
        }
        return Table(name: "tables", columns: [
            headed(Column(name: "table", data: .text(tables.map(\.name))), "taulu"),
            headed(Column(name: "rows", data: .integer(tables.map { Int64($0.rowCount) })), "rivejä"),
            headed(Column(name: "columns", data: .integer(tables.map { Int64($0.columns.count) })), "sarakkeita"),
            headed(Column(name: "key", data: .text(tables.map { $0.key.isEmpty ? nil : $0.key.joined(separator: ", ") })), "avain"),
        ], rowCount: tables.count, notes: notes)
    }

    /// `column` headed in Finnish by `finnish`; its name stays the one statements use.
    private static func headed(_ column: Column, _ finnish: String) -> Column {
        var column = column
        column.heading = Localized(en: column.name, fi: finnish)
        return column
    }

    /// One row per column of `table`: name, type, missing count and meaning; what one row is
    /// (its key and unit) and each category column's values with their labels as notes under it.
    static func schema(_ table: Table, language: Language, workspace: Workspace) -> Table {
        let columns = table.columns
        var notes = (TableUnit.describe(table, in: workspace).map { [$0] } ?? []) + columns.compactMap { column -> Localized? in
            guard let values = values(column, language: language) else { return nil }
            return Localized("\(column.name): \(values)")
        }
        notes += columns.compactMap { column in
            column.missingReasons.map { reasons in
                let codes = missingCodes(reasons, language: language)
                return Localized(en: "\(column.name) missing: \(codes)", fi: "\(column.name) puuttuvat: \(codes)")
            }
        }
        return Table(name: "schema of \(table.name)", columns: [
            headed(Column(name: "column", data: .text(columns.map(\.name))), "sarake"),
            headed(Column(name: "type", data: .text(columns.map { column in
                let key = table.key.contains(column.name) ? (language == .fi ? ", avain" : ", key") : ""
                return (language == .fi ? finnishTypes[column.type] ?? column.type.rawValue : column.type.rawValue) + key
            })), "tyyppi"),
            headed(Column(name: "missing", data: .integer(columns.map { c in Int64((0..<c.count).filter { c.data.isMissing($0) }.count) })), "puuttuu"),
            headed(Column(name: "meaning", data: .text(columns.map { $0.label?.text(language) })), "merkitys"),
        ], rowCount: columns.count, notes: notes)
    }

    /// "6 = en osaa sanoa, 9 = ei vastausta", or "997 to 999 (998 = kieltäytyi)" for a range.
    /// The types' names in Finnish, for `.schema` (the codebook's own words stay English).
    private static let finnishTypes: [ColumnType: String] = [
        .integer: "kokonaisluku", .decimal: "desimaaliluku", .text: "teksti",
        .categorical: "luokitteleva", .ordinal: "järjestysasteikko",
    ]

    private static func missingCodes(_ reasons: MissingReasons, language: Language) -> String {
        let ranges = reasons.ranges.filter { $0.lowerBound != $0.upperBound }
        let inRange = { (r: MissingReasons.Reason) in r.number.map { x in ranges.contains { $0.contains(x) } } ?? false }
        let named = { (r: MissingReasons.Reason) in r.label.map { "\(r.code) = \($0.text(language))" } ?? r.code }
        var parts = reasons.reasons.filter { !inRange($0) }.map(named)
        for range in ranges {
            let labelled = reasons.reasons.filter { inRange($0) && $0.number.map(range.contains) == true && $0.label != nil }
            let inner = labelled.isEmpty ? "" : " (" + labelled.map(named).joined(separator: ", ") + ")"
            parts.append("\(NumberFormat.plain(range.lowerBound)) to \(NumberFormat.plain(range.upperBound))\(inner)")
        }
        return parts.joined(separator: ", ")
    }

    private static func values(_ column: Column, language: Language) -> String? {
        guard case .categorical(let data, let ordered) = column.data else { return nil }
        let shown = data.levels.prefix(20).map { level in
            let label = level.display(language)
            return label == level.value ? level.value : "\(level.value) = \(label)"
        }
        let more = data.levels.count > 20 ? ", … (\(data.levels.count) in all)" : ""
        return shown.joined(separator: ordered ? " < " : ", ") + more
    }
}
