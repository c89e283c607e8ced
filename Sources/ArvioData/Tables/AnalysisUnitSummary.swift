/// What one observation of an analysis result was: the unit the verb counted ("participant",
/// 16 of them, from a table of 336 response rows) or every row. The text output says it in a
/// note; the JSON output carries it as `unit`, so a program reading the result knows its n.
public struct AnalysisUnitSummary: Sendable, Equatable {
    /// The unit: a key column ("participant", "id") or "row" when every row was an observation.
    public var name: String
    /// How many observations were analysed.
    public var count: Int
    /// How many rows the analysed table had.
    public var tableRows: Int
    /// With `name` "row": the coarser unit the rows repeat ("participant"), when they do.
    public var repeats: String?

    /// Creates a summary.
    public init(name: String, count: Int, tableRows: Int, repeats: String? = nil) {
        self.name = name
        self.count = count
        self.tableRows = tableRows
        self.repeats = repeats
    }
}
