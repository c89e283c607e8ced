/// The type of a column as a person thinks of it.
public enum ColumnType: String, Sendable, CaseIterable {
    /// Whole numbers.
    case integer
    /// Numbers with a fractional part.
    case decimal
    /// Free text, stored as is.
    case text
    /// Unordered categories, dictionary encoded.
    case categorical
    /// An ordered scale (a Likert item), dictionary encoded in scale order.
    case ordinal

    /// Whether values of this type are numbers that arithmetic works on.
    public var isNumeric: Bool { self == .integer || self == .decimal }
    /// Whether values are dictionary codes.
    public var isCoded: Bool { self == .categorical || self == .ordinal }
}
