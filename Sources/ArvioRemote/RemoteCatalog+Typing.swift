import ArvioData

/// Deciding, without reading a large table, whether its text columns are categorical or text
/// by the CSV reader's rule (at most 1000 distinct values, or fewer than one per two rows), and
/// a categorical column's levels. `ANALYZE` (and autovacuum) leave in `pg_stats` an estimate
/// of each column's distinct values and, when its sample held few, every value it saw: that
/// decides most columns at the cost of reading the catalog. A column the statistics leave
/// undecided (no statistics, a type whose values they hold in another form, a distinct count
/// near a threshold, or more values than they list) is read: `SELECT DISTINCT`, which the
/// planner answers from an index that starts with the column when that is cheaper.
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
            let values = try connection.query("""
                SELECT v::text FROM (SELECT DISTINCT \(name) AS v FROM \(table) WHERE \(name) IS NOT NULL) AS d
                ORDER BY v::text COLLATE "C"
                """, isCancelled: isCancelled).rows.map { $0[0] ?? "" }
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
}
