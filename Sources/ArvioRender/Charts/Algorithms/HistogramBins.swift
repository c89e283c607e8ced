/// Histogram bins with round edges: every bin is left-closed, [a, b), so a value on an edge
/// belongs to the bin that starts there, and the last bin reaches past the largest value.
public struct HistogramBins: Sendable, Equatable {
    /// The most bins a histogram draws; a chosen width that would give more is refused.
    public static let mostBins = 10_000

    /// The bin edges, one more than the bins; equally spaced, multiples of `width`.
    public var edges: [Double]
    /// How many samples fall in each bin.
    public var counts: [Int]
    /// The width of a bin.
    public var width: Double

    /// Bins for `samples` (non-finite ones ignored). Without a `width`, a round one (1, 2 or
    /// 5 × 10^k) near range / Sturges' bin count; `discrete` samples get whole-number widths.
    public init(samples: [Double], width: Double? = nil, discrete: Bool = false) {
        let values = samples.filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else {
            self.edges = []
            self.counts = []
            self.width = width ?? 1
            return
        }
        var binWidth: Double
        if let width, width > 0 {
            binWidth = width
        } else {
            var sturges = 1
            while (1 << (sturges - 1)) < values.count { sturges += 1 }  // ceil(log2 n) + 1
            binWidth = NiceTicks.step(lower: low, upper: high == low ? low + 1 : high,
                                      maxTicks: sturges + 2, integer: discrete)  // R's pretty() leniency: k + 1 bins
        }
        if discrete { binWidth = max(1, binWidth.rounded(.up)) }
        // A width too narrow for the range would make more bins than memory holds; the
        // chart verb refuses such a width, and this keeps any other caller safe.
        if !((high - low) / binWidth < Double(Self.mostBins)) || !(abs(low / binWidth) < 1e15) {
            binWidth = NiceTicks.step(lower: low, upper: high == low ? low + 1 : high, maxTicks: 12, integer: discrete)
        }
        let first = Int((low / binWidth).rounded(.down))
        let last = Int((high / binWidth).rounded(.down))
        let edges = (first...(last + 1)).map { Double($0) * binWidth }
        var counts = Array(repeating: 0, count: edges.count - 1)
        for v in values {
            // Clamped as a Double first: values near ±Double.greatestFiniteMagnitude overflow
            // the subtraction to infinity, which no Int holds.
            let position = ((v - edges[0]) / binWidth).rounded(.down)
            var i = position.isNaN ? 0 : Int(min(max(position, 0), Double(counts.count - 1)))
            // Guard against the division landing a hair off an edge.
            while i > 0, v < edges[i] { i -= 1 }
            while i + 1 < counts.count, v >= edges[i + 1] { i += 1 }
            counts[i] += 1
        }
        self.edges = edges
        self.counts = counts
        self.width = binWidth
    }
}
