/// Paired units of whole-number answers counted by their exact sums: each unit (a participant)
/// had `pairs` pairs whose values before add up to `preSum` and after to `postSum`, so its
/// mean before is preSum / pairs, after postSum / pairs and its mean change
/// (postSum − preSum) / pairs, a fraction with a small denominator. Counting units by those
/// three whole numbers gives the paired tests on unit means (issue 14) from a few hundred
/// counters instead of arrays of millions of means, with exact ties between equal fractions
/// (2/4 and 1/2 are one value) where floating-point means could split them.
///
/// `delta` builds it from per-unit accumulators; a SQL query grouping by unit and then by
/// (count, sum pre, sum post) produces the same tally.
public struct UnitChangeTally: Sendable, Equatable {
    /// One kind of unit: how many pairs it had and their sums before and after.
    public struct Entry: Hashable, Sendable {
        /// The unit's number of pairs, at least 1.
        public var pairs: Int
        /// The sum of its values before.
        public var preSum: Int
        /// The sum of its values after.
        public var postSum: Int

        /// A unit with `pairs` pairs summing to `preSum` before and `postSum` after.
        public init(pairs: Int, preSum: Int, postSum: Int) {
            self.pairs = pairs
            self.preSum = preSum
            self.postSum = postSum
        }

        /// The mean change as a double: one division of two whole numbers, so equal fractions
        /// give equal doubles.
        public var change: Double { Double(postSum - preSum) / Double(pairs) }
    }

    /// How many units there are of each entry.
    public private(set) var counts: [Entry: Int] = [:]

    /// An empty tally.
    public init() {}

    /// Counts `count` units with `pairs` pairs summing to `preSum` before and `postSum` after.
    public mutating func add(pairs: Int, preSum: Int, postSum: Int, count: Int = 1) {
        precondition(pairs > 0, "a unit has at least one pair")
        counts[Entry(pairs: pairs, preSum: preSum, postSum: postSum), default: 0] += count
    }

    /// The number of units.
    public var total: Int { counts.values.reduce(0, +) }

    /// The most pairs any unit had (0 when empty).
    public var mostPairs: Int { counts.keys.map(\.pairs).max() ?? 0 }
    /// The fewest pairs any unit had (0 when empty).
    public var fewestPairs: Int { counts.keys.map(\.pairs).min() ?? 0 }

    /// A fraction num / den with den > 0, in lowest terms.
    struct Fraction: Hashable, Comparable {
        var num: Int
        var den: Int

        init(_ num: Int, _ den: Int) {
            var (a, b) = (abs(num), den)
            while b != 0 { (a, b) = (b, a % b) }
            let g = max(a, 1)
            self.num = num / g
            self.den = den / g
        }

        static func < (x: Fraction, y: Fraction) -> Bool { x.num * y.den < y.num * x.den }
        var value: Double { Double(num) / Double(den) }
    }

    /// The distinct values of `value` over the units, ascending, each with its count.
    func distribution(_ value: (Entry) -> Fraction) -> [(value: Fraction, count: Int)] {
        var merged: [Fraction: Int] = [:]
        for (entry, count) in counts { merged[value(entry), default: 0] += count }
        return merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The units' mean changes, ascending, with counts.
    var changes: [(value: Fraction, count: Int)] { distribution { Fraction($0.postSum - $0.preSum, $0.pairs) } }
    /// The units' means before, ascending, with counts.
    var preMeans: [(value: Fraction, count: Int)] { distribution { Fraction($0.preSum, $0.pairs) } }
    /// The units' means after, ascending, with counts.
    var postMeans: [(value: Fraction, count: Int)] { distribution { Fraction($0.postSum, $0.pairs) } }

    /// Count, mean and sample standard deviation (nil below 2) of a distribution, two-pass.
    static func moments(_ d: [(value: Fraction, count: Int)]) -> (n: Int, mean: Double, sd: Double?) {
        let n = d.reduce(0) { $0 + $1.count }
        let nd = Double(n)
        let mean = d.reduce(0.0) { $0 + Double($1.count) * $1.value.value } / nd
        var m2 = 0.0
        for (v, c) in d {
            let dev = v.value - mean
            m2 += Double(c) * dev * dev
        }
        m2 /= nd
        return (n, mean, n > 1 ? (m2 * nd / (nd - 1)).squareRoot() : nil)
    }

    /// The mean over the units of their mean change (NaN when empty).
    public var meanChange: Double { total == 0 ? .nan : Self.moments(changes).mean }
    /// The mean over the units of their mean before (NaN when empty).
    public var meanPre: Double { total == 0 ? .nan : Self.moments(preMeans).mean }
    /// The mean over the units of their mean after (NaN when empty).
    public var meanPost: Double { total == 0 ? .nan : Self.moments(postMeans).mean }

    /// The type-7 median of the units' mean changes (R's default), NaN when empty.
    public var medianChange: Double {
        let d = changes
        let n = d.reduce(0) { $0 + $1.count }
        guard n > 0 else { return .nan }
        func sorted(_ i: Int) -> Double {
            var seen = 0
            for (v, c) in d {
                seen += c
                if i < seen { return v.value }
            }
            return .nan
        }
        let h = Double(n - 1) * 0.5
        let lower = h.rounded(.down)
        let i = Int(lower)
        guard i + 1 < n else { return sorted(i) }
        let (x0, x1) = (sorted(i), sorted(i + 1))
        return x0 + (h - lower) * (x1 - x0)
    }

    /// Units whose mean went up, stayed and went down.
    public var signs: (up: Int, same: Int, down: Int) {
        var up = 0, same = 0, down = 0
        for (entry, count) in counts {
            if entry.postSum > entry.preSum { up += count } else if entry.postSum < entry.preSum { down += count } else { same += count }
        }
        return (up, same, down)
    }
}
