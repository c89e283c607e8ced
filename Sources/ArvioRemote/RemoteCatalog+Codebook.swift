import ArvioData

/// A codebook over the tables of a database, with the rules a codebook has for a file: each
/// column it describes must be there, its values must be among those the codebook lists (the
/// server checks each column once), and it gives the column's type, scale, labels, key,
/// references and missing codes. The codebook is a local file (`.connect URL --codebook FILE`)
/// or a table of the database named `codebook` with the fields of `codebook.csv` as columns.
extension RemoteCatalog {
    /// The name of a table in the database that holds a codebook of its other tables.
    public static let codebookTable = "codebook"

    /// Whether the catalog has a table that reads as a codebook: named `codebook`, with at
    /// least the `table`, `column` and `type` fields.
    public var hasCodebookTable: Bool {
        guard let table = tables[Self.codebookTable] else { return false }
        let names = Set(table.columns.map(\.name))
        return ["table", "column", "type"].allSatisfy(names.contains)
    }

    /// The codebook the database's `codebook` table holds, read as a codebook file is: its rows
    /// become the lines of a CSV (the header first, so row 1 is line 2 of errors), and the
    /// codebook reader parses them.
    public func databaseCodebook(_ connection: PostgresConnection,
                                 isCancelled: (@Sendable () -> Bool)? = nil) throws(DataError) -> Codebook? {
        guard hasCodebookTable, let table = tables[Self.codebookTable] else { return nil }
        let source = "the database's table \(Self.codebookTable)"
        let fields = table.columns.map(\.name)
        let list = fields.map { "\(SQLText.identifier($0))::text" }.joined(separator: ", ")
        let order = table.isPlainTable ? " ORDER BY ctid" : ""
        let rows: QueryResult
        do {
            rows = try connection.query("SELECT \(list) FROM \(table.sqlName)\(order)", isCancelled: isCancelled)
        } catch {
            throw DataError(DataPosition(file: source), error.message)
        }
        func field(_ text: String?) -> String {
            "\"" + (text ?? "").replacingAll("\"", with: "\"\"") + "\""
        }
        var csv = fields.map(field).joined(separator: ",") + "\n"
        for row in rows.rows { csv += row.map(field).joined(separator: ",") + "\n" }
        return try Codebook.parse(Array(csv.utf8), file: source)
    }

    /// The catalog with `codebook` applied to the tables it describes (a table the database
    /// does not have is left out: a codebook of a whole data set may describe more), and the
    /// tables it changed. Fails, changing nothing, at the first entry the database contradicts.
    public func applying(_ codebook: Codebook, _ connection: PostgresConnection,
                         isCancelled: (@Sendable () -> Bool)? = nil) throws(DataError) -> (catalog: RemoteCatalog, tables: [String]) {
        var result = self
        var changed: [String] = []
        for name in codebook.tableNames where name != Self.codebookTable {
            guard var table = tables[name] else { continue }
            let entries = codebook.entries(for: name)
            for entry in entries {
                guard let index = table.columns.firstIndex(where: { $0.name == entry.column }) else {
                    throw DataError(entry.position, "the codebook describes column \"\(entry.column)\" of \(name), but the database's table \(name) has no such column")
                }
                table.columns[index] = try Self.declared(table.columns[index], by: entry, in: table, connection, isCancelled)
            }
            let declaredKey = entries.filter(\.isKey).map(\.column)
            if !declaredKey.isEmpty, declaredKey != table.key {
                let at = entries.first(where: \.isKey)?.position ?? DataPosition(file: "codebook")
                guard table.key.isEmpty else {
                    throw DataError(at, "the codebook's key of \(name) is \(declaredKey.joined(separator: ", ")), but the database's primary key is \(table.key.joined(separator: ", "))")
                }
                try Self.checkUnique(declaredKey, of: table, at: at, connection, isCancelled)
                table.key = declaredKey
            }
            for entry in entries {
                guard let target = entry.references else { continue }
                guard let targetTable = tables[target.table], targetTable.columns.contains(where: { $0.name == target.column }) else {
                    throw DataError(entry.position, "the codebook says \(name).\(entry.column) refers to \(target.table).\(target.column), which is not in the database")
                }
                let relation = Relation(table: name, columns: [entry.column], target: target.table, targetColumns: [target.column])
                if !result.relations.contains(relation) { result.relations.append(relation) }
            }
            result.tables[name] = table
            changed.append(name)
        }
        return (result, changed)
    }

    /// `column` as `entry` declares it, checked against the database's values.
    private static func declared(_ column: RemoteColumn, by entry: Codebook.Entry, in table: RemoteTable,
                                 _ connection: PostgresConnection,
                                 _ isCancelled: (@Sendable () -> Bool)?) throws(DataError) -> RemoteColumn {
        var result = column
        if let label = entry.label { result.label = label }
        result.missingCodes = entry.missing.map(\.code)
        let numeric = column.type == .integer || column.type == .decimal
        func refuse(_ expected: String) -> DataError {
            DataError(entry.position, "the codebook declares \(table.name).\(column.name) \(expected), but the database holds it as \(column.databaseType)")
        }
        switch entry.type {
        case .integer:
            guard column.type == .integer else { throw refuse("a whole number") }
            result.levels = []
        case .decimal:
            guard numeric else { throw refuse("a number") }
            result.type = .decimal
            result.levels = []
        case .text:
            result.type = .text
            result.levels = []
        case .categorical, .ordinal:
            let present = try distinctValues(of: column, in: table, excluding: result.missingCodes, entry, connection, isCancelled)
            var levels = entry.levels
            if levels.isEmpty {
                // No values listed: the values the column holds, in the order the column had
                // them (an enum's) or sorted by value, as the CSV reader sorts them.
                let known = column.levels.map(\.value)
                levels = (known.isEmpty || !present.allSatisfy(known.contains) ? present : known)
                    .map { Level(value: $0, number: entry.type == .ordinal ? Double($0) : nil) }
            } else if let stray = present.first(where: { value in !levels.contains { $0.value == value } }) {
                let allowed = levels.map(\.value).joined(separator: ", ")
                throw DataError(entry.position, "expected one of the values the codebook lists for column \"\(column.name)\": \(allowed), but the database's table \(table.name) holds \"\(stray)\"")
            }
            result.type = entry.type
            result.levels = levels.filter { level in !result.missingCodes.contains(level.value) }
        }
        return result
    }

    /// The distinct values of `column` other than NULL and `excluded`, as text sorted by byte.
    private static func distinctValues(of column: RemoteColumn, in table: RemoteTable, excluding excluded: [String],
                                       _ entry: Codebook.Entry, _ connection: PostgresConnection,
                                       _ isCancelled: (@Sendable () -> Bool)?) throws(DataError) -> [String] {
        let name = SQLText.identifier(column.name)
        do {
            let rows = try connection.query("""
                SELECT v FROM (SELECT DISTINCT \(name)::text AS v FROM \(table.sqlName) WHERE \(name) IS NOT NULL) AS d
                WHERE NOT (v = ANY ($1::text[])) ORDER BY v COLLATE "C"
                """, [SQLText.arrayParameter(excluded)], isCancelled: isCancelled).rows
            return rows.map { $0[0] ?? "" }
        } catch {
            throw DataError(entry.position, error.message)
        }
    }

    /// Fails unless `key` identifies the rows of `table`, as a codebook's key must in a file.
    private static func checkUnique(_ key: [String], of table: RemoteTable, at position: DataPosition,
                                    _ connection: PostgresConnection, _ isCancelled: (@Sendable () -> Bool)?) throws(DataError) {
        let columns = key.map(SQLText.identifier).joined(separator: ", ")
        let rows: [[String?]]
        do {
            rows = try connection.query("""
                SELECT \(key.map { "\(SQLText.identifier($0))::text" }.joined(separator: ", ")), count(*) FROM \(table.sqlName)
                GROUP BY \(columns) HAVING count(*) > 1 OR bool_or(\(key.map { "\(SQLText.identifier($0)) IS NULL" }.joined(separator: " OR "))) LIMIT 1
                """, isCancelled: isCancelled).rows
        } catch {
            throw DataError(position, error.message)
        }
        guard let row = rows.first else { return }
        let values = row.dropLast().map { $0 ?? "missing" }.joined(separator: ", ")
        throw DataError(position, "the codebook's key \(key.joined(separator: ", ")) does not identify the rows of the database's table \(table.name): \(values) is in \(row.last.flatMap { $0 } ?? "several") rows, or missing")
    }
}

extension RemoteCatalog {
    /// The catalog without the `codebook` table, which describes the others rather than holds
    /// data.
    public func removingCodebookTable() -> RemoteCatalog {
        guard hasCodebookTable else { return self }
        var result = self
        result.tables[Self.codebookTable] = nil
        result.tableNames.removeAll { $0 == Self.codebookTable }
        result.relations.removeAll { $0.table == Self.codebookTable || $0.target == Self.codebookTable }
        return result
    }
}
