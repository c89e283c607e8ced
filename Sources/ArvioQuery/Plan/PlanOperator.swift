import ArvioData

/// What one operator of a plan does, with its arguments resolved against the schema before it.
/// The relational operators carry plain column names and expressions, for a compiler to SQL;
/// the analysis operators carry their verb as parsed (its options and the tokens it names).
public enum PlanOperator: Sendable {
    /// `where`: keeps the rows where the condition is true (not false, not unknown).
    case filter(Expression)
    /// `select`: these columns, in this order, renamed where asked.
    case select([SelectedColumn])
    /// `derive`: columns computed in order (each may use the ones before), added at the end or
    /// replacing a column of the same name in place.
    case derive([NamedExpression])
    /// `group KEYS aggregate ...`: one row per combination of the keys that occurs, in key
    /// order, with the aggregates computed per group; `aggregate ...` alone (no keys): one row.
    case aggregate(keys: [String], aggregates: [NamedExpression])
    /// `count` or `count by KEYS`: the rows per combination of the keys, in the column `name`
    /// (`n`, or `count` when a key is called `n`).
    case count(keys: [String], name: String)
    /// `sort`: a stable sort on the keys; missing values last.
    case sort([SortKey])
    /// `take N`: the first N rows.
    case take(Int)
    /// `distinct`: the first row of each distinct combination of these columns, which are the
    /// only ones kept; every column when the list is empty.
    case distinct([String])
    /// `join`: the columns of another table added to each row whose key matches.
    case join(JoinOperator)
    /// `crosstab A by B`.
    case crosstab(Crosstab)
    /// `freq X`.
    case freq(Freq)
    /// `describe X, Y by G`.
    case describe(Describe)
    /// `delta V by PHASE` or `delta A -> B`.
    case delta(Delta)
    /// `attrition`.
    case attrition(Attrition)
    /// `associate OUTCOME`.
    case associate(Associate)
    /// `reliability ITEMS`.
    case reliability(Reliability)
    /// `scale ITEMS into NAME`.
    case scale(Scale)
    /// `chart KIND ...`.
    case chart(Chart)
    /// `longer COLUMNS into NAMES, VALUE`: wide columns made rows.
    case longer(Longer)
    /// `stack TABLES [as NAME]`: the rows of other tables with the same columns after the input's.
    case stack(Stack)
    /// `wider NAMES from VALUE`: long rows made wide columns.
    case wider(Wider)
}

/// A column of `select`: its name in the result and the input column it is.
public struct SelectedColumn: Sendable, Hashable {
    /// The name in the result.
    public let name: String
    /// The input column.
    public let source: String

    /// Creates a selected column.
    public init(name: String, source: String) {
        self.name = name
        self.source = source
    }
}

/// A key of `sort`.
public struct SortKey: Sendable, Hashable {
    /// The column.
    public let column: String
    /// Whether it sorts from the highest (`desc`).
    public let descending: Bool

    /// Creates a sort key.
    public init(column: String, descending: Bool) {
        self.column = column
        self.descending = descending
    }
}

/// A resolved `join`: the right table, the key pairs (from `on` or the declared relation) and
/// the name of each right column in the result.
public struct JoinOperator: Sendable {
    /// The right table, a scan of a workspace table.
    public let right: LogicalPlan
    /// Whether rows without a match are kept (`join left`), with missing right values.
    public let isLeft: Bool
    /// The pairs of key columns: a left column (of the input) and a right one.
    public let keys: [JoinKey]
    /// The right table's columns other than its keys, with their names in the result (a right
    /// column whose name the input already has is called `name_table`).
    public let columns: [JoinedColumn]
    /// The names later operators need, when fewer than all are (set by `ColumnPruning`); the
    /// left keys and the input's key are kept besides. Nil keeps every column.
    public internal(set) var keep: Set<String>?

    /// The right table's name.
    public var table: String { right.source }
}

/// One pair of join keys.
public struct JoinKey: Sendable, Hashable {
    /// The input's column.
    public let left: String
    /// The right table's column.
    public let right: String

    /// Creates a pair of keys.
    public init(left: String, right: String) {
        self.left = left
        self.right = right
    }
}

/// A right column of a join and its name in the result.
public struct JoinedColumn: Sendable, Hashable {
    /// The column in the right table.
    public let source: String
    /// Its name in the result.
    public let name: String

    /// Creates a joined column.
    public init(source: String, name: String) {
        self.source = source
        self.name = name
    }
}
