/// A dictionary-encoded column: one small code per row plus the list of levels.
/// For an ordinal column the levels are in scale order, so code order is scale order.
public struct CategoricalData: Sendable {
    /// Row codes; 0 is missing, k is `levels[k-1]`.
    public var codes: Codes
    /// The distinct values, in scale order for ordinal columns, first-seen or codebook order otherwise.
    public var levels: [Level]
    /// The name of the codebook scale this column uses, if any ("likert5").
    public var scale: String?
    /// Whether the levels are merely sorted by value because nothing declared an order (a CSV
    /// read without a codebook), so verbs that need an order (`delta`'s phases) must not trust it.
    public var levelsSortedByValue: Bool

    /// Creates a categorical column from its parts.
    public init(codes: Codes, levels: [Level], scale: String? = nil, levelsSortedByValue: Bool = false) {
        self.codes = codes
        self.levels = levels
        self.scale = scale
        self.levelsSortedByValue = levelsSortedByValue
    }

    /// The level of row `row`, or nil when it is missing.
    public func level(at row: Int) -> Level? {
        let code = codes[row]
        return code == 0 ? nil : levels[code - 1]
    }

    /// The code (1-based) of the level whose value or label in either language is `text`.
    public func code(matching text: String) -> Int? {
        if let i = levels.firstIndex(where: { $0.value == text }) { return i + 1 }
        let folded = text.lowercased()
        if let i = levels.firstIndex(where: {
            $0.label?.en.lowercased() == folded || $0.label?.fi.lowercased() == folded
        }) {
            return i + 1
        }
        return nil
    }
}
