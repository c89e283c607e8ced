import ArvioData

/// A column of a database table as Arvio sees it: its type in the language, its levels when it
/// is categorical or ordinal, and what the catalog says about it.
public struct RemoteColumn: Sendable {
    /// The column's name.
    public let name: String
    /// Its type in the language (the catalog's, or a codebook's).
    public internal(set) var type: ColumnType
    /// The levels of a categorical or ordinal column, in order (enum order for an enum type,
    /// sorted by value for text with few distinct values, or as a codebook lists them).
    public internal(set) var levels: [Level]
    /// The PostgreSQL type, as `format_type` writes it (`text`, `integer`, `likert5`).
    public let databaseType: String
    /// `COMMENT ON COLUMN`, if any.
    public let comment: String?
    /// What the column means, from a codebook; else the comment is its label.
    public internal(set) var label: Localized? = nil
    /// Values a codebook declares missing: they read as NULL.
    public internal(set) var missingCodes: [String] = []
}

/// A table (or view) of the database, read from the catalog.
public struct RemoteTable: Sendable {
    /// Its name in the workspace.
    public let name: String
    /// The schema it is in.
    public let schema: String
    /// Its columns, in order.
    public internal(set) var columns: [RemoteColumn]
    /// The primary key's columns (empty for a view or a table without one), or the key a
    /// codebook declares for a table without a primary key.
    public internal(set) var key: [String]
    /// Whether it is a plain table, whose rows have a physical order (`ctid`) to fall back on
    /// when it has no key.
    public let isPlainTable: Bool
    /// `COMMENT ON TABLE`, if any.
    public let comment: String?

    /// The table's name for SQL: schema-qualified and quoted.
    public var sqlName: String { SQLText.qualified(schema: schema, table: name) }

    /// The table as it stands in the workspace: its columns with their types, levels and
    /// labels, and no rows. The rows stay in the database; the binder checks names and types
    /// on this exactly as on a loaded table.
    public var placeholder: Table {
        let columns = columns.map { column -> Column in
            let data: ColumnData
            switch column.type {
            case .integer: data = .integer([])
            case .decimal: data = .decimal([])
            case .text: data = .text([])
            case .categorical, .ordinal:
                data = .categorical(CategoricalData(codes: Codes([], levelCount: column.levels.count), levels: column.levels,
                                                    levelsSortedByValue: column.type == .categorical),
                                    ordered: column.type == .ordinal)
            }
            return Column(name: column.name, data: data, label: column.label ?? column.comment.map { Localized($0) })
        }
        return Table(name: name, columns: columns, rowCount: 0, key: key)
    }
}

/// What the catalog of a database holds for Arvio: the tables it may read (in the schemas of
/// the search path), their columns and keys, and the foreign keys between them as relations.
public struct RemoteCatalog: Sendable {
    /// The tables, by name.
    public internal(set) var tables: [String: RemoteTable]
    /// The table names in catalog order.
    public internal(set) var tableNames: [String]
    /// The foreign keys between tables of the catalog, as `join` uses them.
    public internal(set) var relations: [Relation]

    /// A text column with at most this many distinct values (or fewer than one per two rows)
    /// is categorical, the rule the CSV reader applies to a file without a codebook.
    static let maximumInferredCategories = 1000

    /// A table the statistics estimate at no more than this many rows (or one never analysed)
    /// has its text columns typed by counting their distinct values, one scan that costs
    /// little at this size; a larger one is typed from the statistics `ANALYZE` keeps
    /// (`pg_stats`), reading the table only for a column they leave undecided.
    public static let exactTypingRows = 250_000.0

    /// Reads the catalog through `connection`. A text column's type is decided from its
    /// distinct values: counted on a small table, taken from the planner's statistics on a
    /// large one (see `TextTyping`).
    public static func read(from connection: PostgresConnection,
                            isCancelled: (@Sendable () -> Bool)? = nil,
                            exactTypingRows: Double = exactTypingRows) throws(RemoteError) -> RemoteCatalog {
        let tableRows = try connection.query("""
            SELECT c.oid::int8, n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class'), c.reltuples::float8
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND NOT c.relispartition
              AND n.nspname = ANY (pg_catalog.current_schemas(false))
              AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
            ORDER BY pg_catalog.array_position(pg_catalog.current_schemas(false), n.nspname), c.relname
            """, isCancelled: isCancelled).rows
        var seen = Set<String>()
        // The first table of a name in search-path order wins, as an unqualified name does in SQL.
        let chosen = tableRows.filter { row in seen.insert(row[2] ?? "").inserted }
        let oids = chosen.map { $0[0] ?? "0" }
        let oidArray = SQLText.arrayParameter(oids)
        let columnRows = try connection.query("""
            SELECT a.attrelid::int8, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
                   t.typcategory, COALESCE(NULLIF(t.typbasetype, 0), t.oid)::int8,
                   pg_catalog.col_description(a.attrelid, a.attnum)
            FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attrelid::int8 = ANY ($1::int8[])
            ORDER BY a.attrelid, a.attnum
            """, [oidArray], isCancelled: isCancelled).rows
        let enumRows = try connection.query("""
            SELECT enumtypid::int8, enumlabel FROM pg_catalog.pg_enum ORDER BY enumtypid, enumsortorder
            """, isCancelled: isCancelled).rows
        let constraintRows = try connection.query("""
            SELECT con.conrelid::int8, con.contype, con.confrelid::int8, con.oid::int8, a.attname, fa.attname
            FROM pg_catalog.pg_constraint con
            CROSS JOIN LATERAL unnest(con.conkey, COALESCE(con.confkey, con.conkey)) WITH ORDINALITY AS k(attnum, fattnum, i)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
            LEFT JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.fattnum
            WHERE con.contype IN ('p', 'f') AND con.conrelid::int8 = ANY ($1::int8[])
            ORDER BY con.conrelid, con.contype, con.oid, k.i
            """, [oidArray], isCancelled: isCancelled).rows

        let statistics = try TextTyping.statistics(of: oidArray, connection, isCancelled)

        var enumLevels: [String: [Level]] = [:]
        for row in enumRows {
            let value = row[1] ?? ""
            // A scale point written as a number stands for that number, as in a codebook.
            enumLevels[row[0] ?? "", default: []].append(Level(value: value, number: Double(value)))
        }
        var nameOfOID: [String: String] = [:]
        for row in chosen { nameOfOID[row[0] ?? ""] = row[2] ?? "" }
        var keys: [String: [String]] = [:]
        var foreign: [String: (table: String, target: String, columns: [String], targetColumns: [String])] = [:]
        var foreignOrder: [String] = []
        for row in constraintRows {
            let table = row[0] ?? ""
            if row[1] == "p" {
                keys[table, default: []].append(row[4] ?? "")
            } else {
                let id = row[3] ?? ""
                if foreign[id] == nil {
                    foreign[id] = (table, row[2] ?? "", [], [])
                    foreignOrder.append(id)
                }
                foreign[id]?.columns.append(row[4] ?? "")
                foreign[id]?.targetColumns.append(row[5] ?? "")
            }
        }

        var tables: [String: RemoteTable] = [:]
        var names: [String] = []
        for row in chosen {
            let oid = row[0] ?? ""
            let name = row[2] ?? ""
            let schema = row[1] ?? ""
            let described = columnRows.filter { $0[0] == oid }
            let sqlName = SQLText.qualified(schema: schema, table: name)
            let textual = described.filter { column in
                let category = column[3] ?? ""
                return !["N", "B", "E"].contains(category)
            }
            let estimatedRows = Double(row[5] ?? "") ?? -1
            let shapes: [String: [String]]
            // reltuples is -1 for a table never analysed, 0 for one analysed empty or never filled.
            if estimatedRows <= exactTypingRows {
                shapes = try textShapes(of: textual.map { $0[1] ?? "" }, in: sqlName, connection, isCancelled)
            } else {
                shapes = try TextTyping.shapes(of: textual.map { ($0[1] ?? "", $0[3] ?? "") }, in: sqlName,
                                               estimatedRows: estimatedRows, statistics: statistics[oid] ?? [:],
                                               connection, isCancelled)
            }
            var columns: [RemoteColumn] = []
            for column in described {
                let columnName = column[1] ?? ""
                let databaseType = column[2] ?? ""
                let category = column[3] ?? ""
                let baseType = column[4] ?? ""
                let comment = column[5]
                let type: ColumnType
                var levels: [Level] = []
                switch category {
                case "N":
                    type = ["smallint", "integer", "bigint"].contains(databaseType) ? .integer : .decimal
                case "B":
                    // Like a condition derived in the language: a false/true category.
                    type = .categorical
                    levels = [Level(value: "false"), Level(value: "true")]
                case "E":
                    type = .ordinal
                    levels = enumLevels[baseType] ?? []
                default:
                    if let values = shapes[columnName] {
                        type = .categorical
                        levels = values.map { Level(value: $0) }
                    } else {
                        type = .text
                    }
                }
                columns.append(RemoteColumn(name: columnName, type: type, levels: levels,
                                            databaseType: databaseType, comment: comment))
            }
            tables[name] = RemoteTable(name: name, schema: schema, columns: columns, key: keys[oid] ?? [],
                                       isPlainTable: row[3] == "r" || row[3] == "p", comment: row[4])
            names.append(name)
        }
        var relations: [Relation] = []
        for id in foreignOrder {
            guard let fk = foreign[id], let table = nameOfOID[fk.table], let target = nameOfOID[fk.target] else { continue }
            relations.append(Relation(table: table, columns: fk.columns, target: target, targetColumns: fk.targetColumns))
        }
        return RemoteCatalog(tables: tables, tableNames: names, relations: relations)
    }

    /// For each of `columns` that is categorical by the CSV reader's rule, its distinct values
    /// sorted by value (as bytes, which is how Swift orders text); text columns are left out.
    private static func textShapes(of columns: [String], in table: String, _ connection: PostgresConnection,
                                   _ isCancelled: (@Sendable () -> Bool)?) throws(RemoteError) -> [String: [String]] {
        guard !columns.isEmpty else { return [:] }
        let counts = columns.map { "count(DISTINCT \(SQLText.identifier($0))::text)" }.joined(separator: ", ")
        let row = try connection.query("SELECT count(*), \(counts) FROM \(table)", isCancelled: isCancelled).rows.first ?? []
        let rowCount = Int(row.first.flatMap { $0 } ?? "0") ?? 0
        var result: [String: [String]] = [:]
        for (index, column) in columns.enumerated() {
            let distinct = Int(row[index + 1] ?? "0") ?? 0
            if distinct > maximumInferredCategories && distinct * 2 > rowCount { continue }
            let name = SQLText.identifier(column)
            let values = try connection.query("""
                SELECT v FROM (SELECT DISTINCT \(name)::text AS v FROM \(table) WHERE \(name) IS NOT NULL) AS d ORDER BY v COLLATE "C"
                """, isCancelled: isCancelled).rows
            result[column] = values.map { $0[0] ?? "" }
        }
        return result
    }

    /// The number of rows of `table`, counted by the server.
    public static func rowCount(of table: RemoteTable, _ connection: PostgresConnection,
                                isCancelled: (@Sendable () -> Bool)? = nil) throws(RemoteError) -> Int {
        let rows = try connection.query("SELECT count(*) FROM \(table.sqlName)", isCancelled: isCancelled).rows
        return Int(rows.first?.first.flatMap { $0 } ?? "0") ?? 0
    }
}
