/// The values of one column, stored column-wise in a typed array.
public enum ColumnData: Sendable {
    /// Whole numbers in the narrowest width that holds them; read as `Int64`, `Missing.integer`
    /// marks a missing value.
    case integer(IntegerValues)
    /// Decimals; NaN marks a missing value.
    case decimal([Double])
    /// Free text; nil marks a missing value.
    case text([String?])
    /// Categories or a scale, dictionary encoded.
    case categorical(CategoricalData, ordered: Bool)

    /// The number of rows.
    public var count: Int {
        switch self {
        case .integer(let v): v.count
        case .decimal(let v): v.count
        case .text(let v): v.count
        case .categorical(let c, _): c.codes.count
        }
    }

    /// The column's type.
    public var type: ColumnType {
        switch self {
        case .integer: .integer
        case .decimal: .decimal
        case .text: .text
        case .categorical(_, let ordered): ordered ? .ordinal : .categorical
        }
    }

    /// Whether row `row` is missing.
    public func isMissing(_ row: Int) -> Bool {
        switch self {
        case .integer(let v): Missing.isMissing(v[row])
        case .decimal(let v): Missing.isMissing(v[row])
        case .text(let v): v[row] == nil
        case .categorical(let c, _): c.codes[row] == 0
        }
    }

    /// The value of row `row` as a number: integers and decimals as themselves, scale points as
    /// their number; nil when missing or not numeric.
    public func number(at row: Int) -> Double? {
        switch self {
        case .integer(let v): Missing.isMissing(v[row]) ? nil : Double(v[row])
        case .decimal(let v): v[row].isNaN ? nil : v[row]
        case .text: nil
        case .categorical(let c, _): c.level(at: row)?.number
        }
    }

    /// The rows in `rows`, in that order.
    public func gathering(_ rows: [Int]) -> ColumnData {
        switch self {
        case .integer(let v): .integer(v.gathering(rows))
        case .decimal(let v): .decimal(rows.map { v[$0] })
        case .text(let v): .text(rows.map { v[$0] })
        case .categorical(let c, let ordered):
            .categorical(CategoricalData(codes: c.codes.gathering(rows), levels: c.levels, scale: c.scale,
                                         levelsSortedByValue: c.levelsSortedByValue),
                         ordered: ordered)
        }
    }
}

/// A named column of a table, with its description from the codebook.
public struct Column: Sendable {
    /// The column's name as used in statements.
    public var name: String
    /// The values.
    public var data: ColumnData
    /// What the column means, from the codebook ("Organisation" / "Organisaatio").
    public var label: Localized?
    /// How text and Markdown show its numbers; nil for the default (2 places for decimals).
    public var format: ColumnFormat?
    /// Why its missing values are missing, when a file or `.missing` says (SPSS user-missing codes).
    public var missingReasons: MissingReasons?
    /// The heading text and Markdown show in each language, for a column a verb made (`percent`
    /// shows as `%` in Finnish); nil shows the name. CSV and JSON always write the name, and
    /// statements always use it, so the language never changes what a pipeline can type.
    public var heading: Localized?

    /// Creates a column.
    public init(name: String, data: ColumnData, label: Localized? = nil, format: ColumnFormat? = nil) {
        self.name = name
        self.data = data
        self.label = label
        self.format = format
    }

    /// The column's type.
    public var type: ColumnType { data.type }
    /// The number of rows.
    public var count: Int { data.count }

    /// The rows in `rows`, in that order, with the reasons of their missing values.
    public func gathering(_ rows: [Int]) -> Column {
        var gathered = self
        gathered.data = data.gathering(rows)
        gathered.missingReasons = missingReasons?.gathering(rows)
        return gathered
    }

    /// The heading text and Markdown show for this column in `language`: the verb's heading of
    /// a column it made, else the name. Labels are descriptions, shown by `.schema`.
    public func heading(_ language: Language) -> String { heading?.text(language) ?? name }
}

/// How text and Markdown output show a column's numbers, set by the verb that makes the column
/// because only it knows what the numbers are (a p-value, a count kept in a decimal column).
/// CSV and JSON ignore it and keep full precision; a column without one shows decimals with
/// the report's 2 places.
public enum ColumnFormat: Sendable, Hashable {
    /// Counts: whole numbers without decimals (a value that is not whole keeps its places).
    case count
    /// Percentages 0–100, with the report's 2 places.
    case percent
    /// Test statistics and measures (a correlation, Cramér's V), with 3 places.
    case statistic
    /// p-values: 3 places, or `< 0.001`.
    case pValue
    /// A different format per row, named by the value of another column in the same row: a
    /// cross-tab's cells are counts in its `count` rows and percentages in its `row %` rows.
    /// `formats` is keyed by that column's stored value (a level's value, not its label);
    /// rows whose value is not in it show plain decimals.
    case perRow(column: String, formats: [String: ColumnFormat])
}
