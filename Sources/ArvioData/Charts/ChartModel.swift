/// What the `chart` verb hands the renderer: the numbers to draw and how to read them, with no
/// layout. The query engine builds one from a table; ArvioRender draws it at any width, in
/// either character set and language.
///
/// How each kind fills the fields (`values` is one number per entry of `series`):
///
/// | kind | `series` | a row's `values` | other fields |
/// | --- | --- | --- | --- |
/// | `bar` | one name (may be the measure) | `[v]`: a count, a percentage or a value (see `measure`) | |
/// | `groupedBar` | the groups within a row (pre, post) | one value per series | `measure` |
/// | `stackedBar` | the segments, in stacking order | counts per segment; drawn as 100% of the row | |
/// | `likert` | the scale's categories, low to high | counts per category | `neutral`, `sortByHigh` |
/// | `histogram` | unused | unused (no rows) | `samples`, optional `binWidth`, `discrete` |
/// | `dumbbell` | `[pre, post]` names | `[pre, post]`, NaN where missing | optional `valueRange` |
/// | `heat` | the column categories | counts per column category | |
///
/// Rows carry an optional `group`: consecutive rows with the same group are drawn together
/// with the group's label once (Figure 17: group = the item, rows = pre and post).
public struct ChartModel: Sendable {
    /// The kind of chart.
    public enum Kind: String, Sendable, CaseIterable {
        /// Horizontal bars, one per row, with the value and its share of the total.
        case bar
        /// Several bars per row, one per series.
        case groupedBar
        /// One 100% bar per row, split into segments.
        case stackedBar
        /// Diverging 100% bars for a scale: low categories left, high right, neutral centred.
        case likert
        /// Counts of `samples` in round, left-closed bins.
        case histogram
        /// A pre and a post marker per row, joined, with the change.
        case dumbbell
        /// A cross-tab whose cells are shaded by row percentage, with counts in them.
        case heat
    }

    /// What a value in `values` is, which decides the axis and the printed numbers.
    public enum Measure: String, Sendable {
        /// How many; the axis steps by whole numbers and a bar's share of the total is printed.
        case count
        /// Already a percentage 0–100.
        case percent
        /// Any number (a mean, a score).
        case value
    }

    /// One row of the chart: a bar, a stacked bar, a dumbbell or a heat-map row.
    public struct Row: Sendable {
        /// The row's label ("pre", "Tekevä").
        public var label: Localized
        /// One value per series; NaN marks a missing value.
        public var values: [Double]
        /// The number of cases behind the row, printed as "n" where the kind shows it; nil to
        /// let the renderer use the sum of `values` (for counts).
        public var n: Int?
        /// The group the row belongs to ("overall"); nil when rows are not grouped.
        public var group: Localized?

        /// Creates a row.
        public init(label: Localized, values: [Double], n: Int? = nil, group: Localized? = nil) {
            self.label = label
            self.values = values
            self.n = n
            self.group = group
        }
    }

    /// The kind of chart.
    public var kind: Kind
    /// The title printed above the chart.
    public var title: Localized?
    /// Names of the series, segments or categories, in drawing order.
    public var series: [Localized]
    /// The rows, top to bottom.
    public var rows: [Row]
    /// What the values are.
    public var measure: Measure
    /// The label of the value axis ("respondents", "score").
    public var axisLabel: Localized?
    /// Likert: the index in `series` of the neutral category, nil for scales without one.
    public var neutral: Int?
    /// Likert: whether to order rows (or groups, by their last row) by the high share, largest first.
    public var sortByHigh: Bool
    /// Histogram: the values to bin, missing ones already left out.
    public var samples: [Double]
    /// Histogram: the bin width; nil lets the renderer choose a round one.
    public var binWidth: Double?
    /// Histogram: whether the samples are whole numbers (scores, counts), so bins are whole too.
    public var discrete: Bool
    /// Dumbbell: the fixed ends of the value axis (1...5 for a Likert scale); nil to fit the data.
    public var valueRange: ClosedRange<Double>?
    /// Remarks printed under the chart ("4 participants without a post answer are not shown").
    public var notes: [Localized]
    /// The width to draw this chart in, in terminal cells, over the output's width (the
    /// `width N` option of `chart`); nil follows the output.
    public var width: Int?

    /// Creates a chart model; the static constructors below are the usual way in.
    public init(kind: Kind, title: Localized? = nil, series: [Localized] = [], rows: [Row] = [],
                measure: Measure = .count, axisLabel: Localized? = nil, neutral: Int? = nil,
                sortByHigh: Bool = false, samples: [Double] = [], binWidth: Double? = nil,
                discrete: Bool = false, valueRange: ClosedRange<Double>? = nil, notes: [Localized] = [],
                width: Int? = nil) {
        self.kind = kind
        self.title = title
        self.series = series
        self.rows = rows
        self.measure = measure
        self.axisLabel = axisLabel
        self.neutral = neutral
        self.sortByHigh = sortByHigh
        self.samples = samples
        self.binWidth = binWidth
        self.discrete = discrete
        self.valueRange = valueRange
        self.notes = notes
        self.width = width
    }

    /// A horizontal bar chart: one `(label, value)` per bar.
    public static func bar(title: Localized?, bars: [(label: Localized, value: Double)],
                           measure: Measure = .count, axisLabel: Localized? = nil) -> ChartModel {
        ChartModel(kind: .bar, title: title, series: [axisLabel ?? Localized("")],
                   rows: bars.map { Row(label: $0.label, values: [$0.value]) },
                   measure: measure, axisLabel: axisLabel)
    }

    /// A diverging Likert chart: counts per category (low to high) for each row.
    public static func likert(title: Localized?, categories: [Localized], neutral: Int?, rows: [Row],
                              sortByHigh: Bool = false) -> ChartModel {
        ChartModel(kind: .likert, title: title, series: categories, rows: rows, neutral: neutral,
                   sortByHigh: sortByHigh)
    }

    /// A histogram of `samples`.
    public static func histogram(title: Localized?, samples: [Double], discrete: Bool,
                                 binWidth: Double? = nil, axisLabel: Localized? = nil) -> ChartModel {
        ChartModel(kind: .histogram, title: title, axisLabel: axisLabel, samples: samples,
                   binWidth: binWidth, discrete: discrete)
    }

    /// A dumbbell: `[pre, post]` per row.
    public static func dumbbell(title: Localized?, phases: [Localized], rows: [Row],
                                valueRange: ClosedRange<Double>? = nil, axisLabel: Localized? = nil) -> ChartModel {
        ChartModel(kind: .dumbbell, title: title, series: phases, rows: rows, measure: .value,
                   axisLabel: axisLabel, valueRange: valueRange)
    }
}
