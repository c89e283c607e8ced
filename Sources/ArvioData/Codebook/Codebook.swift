/// What a codebook says about a data set: each column's type, scale and labels, each table's
/// key and references, and descriptions, in Finnish and English.
///
/// It is a CSV file a person edits in a spreadsheet, one row per column (as REDCap's data
/// dictionary is): `table,column,type,key,references,values,labels_en,labels_fi,label_en,label_fi`.
/// `values` and the two `labels_` fields list a category's values in order, separated by `|`.
/// A row with no column describes its table; a row for table `*` gives the data set's title.
public struct Codebook: Sendable {
    /// What the codebook says of one column.
    public struct Entry: Sendable {
        /// The table the column belongs to.
        public var table: String
        /// The column's name.
        public var column: String
        /// Its declared type.
        public var type: ColumnType
        /// Whether it is part of the table's key.
        public var isKey: Bool
        /// The `table.column` it refers to, if any.
        public var references: (table: String, column: String)?
        /// The allowed values in order, for categorical and ordinal columns.
        public var levels: [Level]
        /// What the column means.
        public var label: Localized?
        /// Where the entry is, for errors about it.
        public var position: DataPosition
        /// The codes that mean missing, with their reasons (`missing`, `missing_en`, `missing_fi`).
        public var missing: [MissingReasons.Reason] = []
    }

    /// The column entries, in file order.
    public var entries: [Entry] = []
    /// Descriptions of whole tables.
    public var tableLabels: [String: Localized] = [:]
    /// The data set's title.
    public var title: Localized?

    /// Creates an empty codebook: every type is inferred.
    public init() {}

    /// The entries of `table`, in file order.
    public func entries(for table: String) -> [Entry] {
        entries.filter { $0.table == table }
    }

    /// The entry for `table.column`, if there is one.
    public func entry(table: String, column: String) -> Entry? {
        entries.first { $0.table == table && $0.column == column }
    }

    /// The tables the codebook describes, in order of first mention.
    public var tableNames: [String] {
        var seen: [String] = []
        for e in entries where !seen.contains(e.table) { seen.append(e.table) }
        return seen
    }
}
