/// A group of statistics an analysis verb attached to its table, such as the tests under a
/// cross-tab. Rendered as text under the table and exported at full precision.
public struct StatisticsBlock: Sendable {
    /// The block's heading ("Tests of independence").
    public var title: Localized
    /// The statistics, in display order.
    public var entries: [Statistic]
    /// Warnings and remarks printed under the block (small expected counts, fallbacks).
    public var notes: [Localized]
    /// The rows of the result table the block describes (the row of its group), or nil when it
    /// describes the whole table. A later `where` or `take` keeps a block only while its rows
    /// are all still there.
    public var rows: [Int]?

    /// Creates a block.
    public init(title: Localized, entries: [Statistic], notes: [Localized] = [], rows: [Int]? = nil) {
        self.title = title
        self.entries = entries
        self.notes = notes
        self.rows = rows
    }
}

/// One named statistic: a test or measure with its value, degrees of freedom, p-value, and the
/// method that produced it.
public struct Statistic: Sendable {
    /// What it is ("Pearson chi-square").
    public var name: Localized
    /// Its value, or nil when it cannot be computed for this table.
    public var value: Double?
    /// Degrees of freedom, where the statistic has them.
    public var df: Double?
    /// The p-value, where the statistic is a test.
    public var p: Double?
    /// How it was computed ("exact, network algorithm", "normal approximation, tie-corrected").
    public var method: Localized?
    /// The p-value adjusted for the other tests of its family (Holm, Benjamini–Hochberg), when
    /// the result holds several; the family and method are named in a note.
    public var adjustedP: Double?

    /// Creates a statistic.
    public init(name: Localized, value: Double?, df: Double? = nil, p: Double? = nil, method: Localized? = nil,
                adjustedP: Double? = nil) {
        self.name = name
        self.value = value
        self.df = df
        self.p = p
        self.method = method
        self.adjustedP = adjustedP
    }
}
