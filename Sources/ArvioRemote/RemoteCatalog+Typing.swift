import ArvioData

/// Deciding, without reading a large table, whether its text columns are categorical or text
/// by the CSV reader's rule (at most 1000 distinct values, or fewer than one per two rows), and
/// a categorical column's levels. `ANALYZE` (and autovacuum) leave in `pg_stats` an estimate
/// of each column's distinct values and, when its sample held few, every value it saw: that
/// decides most columns at the cost of reading the catalog. A column the statistics leave
/// undecided (no statistics, a type whose values they hold in another form, a distinct count
/// near a threshold, or more values than they list) is read: `SELECT DISTINCT`, in the order of
/// an index that starts with the column when there is one.
enum TextTyping {
    /// What `pg_stats` holds for one column.
    struct ColumnStatistics: Sendable {
        /// `n_distinct`: the number of distinct values, or minus their share of the rows.
        var distinct: Double
        /// Whether there is no histogram: every value the sample saw is a most common value.
        var histogramIsEmpty: Bool
        /// `most_common_vals`, as text.
        var commonValues: [String]
    }

    /// The type categories whose `pg_stats` values read as `column::text` does: strings,
    /// dates and times, intervals. Others (arrays, geometry, ranges) are read.
    static let textualCategories: Set<String> = ["S", "D", "T"]

    /// `pg_stats` for the columns of the tables `oids` (a parameter array), by table oid and
    /// column name; a column without statistics is absent.
    static func statistics(of oids: String, _ connection: PostgresConnection,
                           _ isCancelled: (@Sendable () -> Bool)?) throws(RemoteError) -> [String: [String: ColumnStatistics]] {
        // most_common_vals is anyarray; its text form read as text[] is the values' text forms.
        let rows = try connection.query("""
            SELECT c.oid::int8, s.attname, s.n_distinct::float8, s.histogram_bounds IS NULL, m.v
            FROM pg_catalog.pg_stats s
            JOIN pg_catalog.pg_namespace n ON n.nspname = s.schemaname
            JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename
            LEFT JOIN LATERAL unnest(CASE WHEN s.most_common_vals IS NULL THEN NULL
                                          ELSE s.most_common_vals::text::text[] END) WITH ORDINALITY AS m(v, i) ON true
            WHERE NOT s.inherited AND c.oid::int8 = ANY ($1::int8[])
            ORDER BY c.oid, s.attname, m.i
            """, [oids], isCancelled: isCancelled).rows
        var result: [String: [String: ColumnStatistics]] = [:]
        for row in rows {
            let table = row[0] ?? "", column = row[1] ?? ""
            var entry = result[table]?[column]
                ?? ColumnStatistics(distinct: Double(row[2] ?? "") ?? 0, histogramIsEmpty: row[3] == "t", commonValues: [])
            if let value = row[4] { entry.commonValues.append(value) }
            result[table, default: [:]][column] = entry
        }
        return result
    }

    /// For each of `columns` (name and `typcategory`) of the large table `table` that is
    /// categorical by the CSV reader's rule, its distinct values sorted by byte; text columns
    /// are left out. `estimatedRows` is `reltuples`.
    static func shapes(of columns: [(name: String, category: String)], in table: String, estimatedRows: Double,
                       statistics: [String: ColumnStatistics], _ connection: PostgresConnection,
                       _ isCancelled: (@Sendable () -> Bool)?) throws(RemoteError) -> [String: [String]] {
        let most = Double(RemoteCatalog.maximumInferredCategories)
        var exactRows: Double?
        var result: [String: [String]] = [:]
        for column in columns {
            if textualCategories.contains(column.category), let stats = statistics[column.name] {
                let estimate = stats.distinct >= 0 ? stats.distinct : -stats.distinct * estimatedRows
                // Far past both thresholds (a unique code, free text): text, whatever the
                // estimate's error (a quarter either way is beyond ANALYZE's usual one).
                if estimate > 1.25 * most && 2 * estimate > 1.25 * estimatedRows { continue }
                // Every value of the sample seen at least twice and listed: ANALYZE's sign
                // that it found all the values there are (a positive n_distinct).
                if stats.histogramIsEmpty, stats.distinct > 0, Double(stats.commonValues.count) == stats.distinct,
                   stats.commonValues.count <= RemoteCatalog.maximumInferredCategories {
                    result[column.name] = stats.commonValues.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                    continue
                }
            }
            let name = SQLText.identifier(column.name)
            // DISTINCT on the column itself (cast after), so an index on it can answer.
            let distinct = """
                SELECT v::text FROM (SELECT DISTINCT \(name) AS v FROM \(table) WHERE \(name) IS NOT NULL) AS d
                ORDER BY v::text COLLATE "C"
                """
            let values = try (leadsAnIndex(column.name, of: table, connection, isCancelled)
                ? withoutHashAggregation(connection, isCancelled) { () throws(RemoteError) in try connection.query(distinct, isCancelled: isCancelled) }
                : connection.query(distinct, isCancelled: isCancelled)).rows.map { $0[0] ?? "" }
            if values.count > RemoteCatalog.maximumInferredCategories {
                let distinct = Double(values.count)
                var rows = exactRows ?? estimatedRows
                // Near the one-per-two-rows line the estimate of the rows could be on the wrong
                // side of it: count them.
                if exactRows == nil, abs(2 * distinct - estimatedRows) <= 0.1 * estimatedRows {
                    let counted = try connection.query("SELECT count(*) FROM \(table)", isCancelled: isCancelled).rows
                    rows = Double(counted.first?.first.flatMap { $0 } ?? "0") ?? 0
                    exactRows = rows
                }
                if 2 * distinct > rows { continue }
            }
            result[column.name] = values
        }
        return result
    }

    /// Whether `column` is the first column of a valid, whole-table b-tree index of `table`
    /// (a primary key that starts with it, as the benchmark's participant × item × phase).
    static func leadsAnIndex(_ column: String, of table: String, _ connection: PostgresConnection,
                             _ isCancelled: (@Sendable () -> Bool)?) throws(RemoteError) -> Bool {
        try connection.query("""
            SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_index i
                           JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                           JOIN pg_catalog.pg_am a ON a.oid = c.relam
                           JOIN pg_catalog.pg_attribute t ON t.attrelid = i.indrelid AND t.attnum = i.indkey[0]
                           WHERE i.indrelid = $1::regclass AND t.attname = $2 AND a.amname = 'btree'
                             AND i.indpred IS NULL AND i.indisvalid)
            """, [table, column], isCancelled: isCancelled).rows.first?.first == "t"
    }

    /// `body` run with the planner's hash aggregation off, then the setting as it was. ANALYZE
    /// estimates the distinct values of a column with millions of them from 30,000 rows (131,786
    /// for 4.2M participants at 100M rows), so the planner sizes a hash aggregate far too small
    /// and it spills over and over: that DISTINCT ran for over 20 minutes; read in index order
    /// it takes 16 s (and 1.1 s against 1.35 s at 10M rows).
    static func withoutHashAggregation<R>(_ connection: PostgresConnection, _ isCancelled: (@Sendable () -> Bool)?,
                                          _ body: () throws(RemoteError) -> R) throws(RemoteError) -> R {
        let before = try connection.query("SELECT current_setting('enable_hashagg')", isCancelled: isCancelled)
            .rows.first?.first.flatMap { $0 } ?? "on"
        _ = try connection.query("SELECT set_config('enable_hashagg', 'off', false)", isCancelled: isCancelled)
        // Put back even when the DISTINCT fails or is cancelled: the session's statements plan as the user set.
        defer { _ = try? connection.query("SELECT set_config('enable_hashagg', $1, false)", [before]) }
        return try body()
    }
}
