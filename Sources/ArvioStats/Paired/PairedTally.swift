/// Pairs of whole-number values counted by (pre, post): what the paired tests need of Likert-type
/// data, in `width × width` counters instead of arrays of Doubles. Every value is
/// `low ..< low + width`.
public struct PairedTally: Sendable, Equatable {
    /// The smallest value.
    public let low: Int
    /// How many values there are.
    public let width: Int
    /// `counts[(pre - low) * width + (post - low)]`: how many pairs have that pre and post.
    public var counts: [Int]

    public init(low: Int, width: Int) {
        self.low = low
        self.width = width
        counts = [Int](repeating: 0, count: width * width)
    }

    /// Counts `pre[i]` → `post[i]`; nil unless every value is a whole number in a small range.
    public init?(pre: [Double], post: [Double], maxWidth: Int = 64) {
        guard pre.count == post.count, let range = Self.range(pre, post, maxWidth: maxWidth) else { return nil }
        self.init(low: range.low, width: range.width)
        for i in pre.indices { add(pre: Int(pre[i]), post: Int(post[i])) }
    }

    /// The whole-number range of the values, or nil when one is not whole or the range is wider than `maxWidth`.
    public static func range(_ a: [Double], _ b: [Double], maxWidth: Int = 64) -> (low: Int, width: Int)? {
        var lo = Double.infinity, hi = -Double.infinity
        // A value is whole when it survives a round trip through Int: no call to a rounding
        // function per value (millions of them in `delta`), after a bound that makes Int(x) safe.
        func scan(_ values: [Double]) -> Bool {
            values.withUnsafeBufferPointer { v in
                for x in v {
                    guard abs(x) < 1e9, Double(Int(x)) == x else { return false }
                    lo = min(lo, x)
                    hi = max(hi, x)
                }
                return true
            }
        }
        guard scan(a), scan(b), lo.isFinite, hi.isFinite, hi - lo < Double(maxWidth) else { return nil }
        return (Int(lo), Int(hi - lo) + 1)
    }

    @inline(__always)
    public mutating func add(pre: Int, post: Int, count: Int = 1) {
        counts[(pre - low) * width + (post - low)] += count
    }

    /// The number of pairs.
    public var total: Int { counts.reduce(0, +) }

    /// How many pairs have each value before (`pre`) and after (`post`), by value − low.
    public var preCounts: [Int] {
        (0..<width).map { a in (0..<width).reduce(0) { $0 + counts[a * width + $1] } }
    }
    public var postCounts: [Int] {
        (0..<width).map { b in (0..<width).reduce(0) { $0 + counts[$1 * width + b] } }
    }

    /// How many pairs have each difference post − pre, by difference + width − 1 (0 ..< 2·width − 1).
    public var differenceCounts: [Int] {
        var d = [Int](repeating: 0, count: 2 * width - 1)
        for a in 0..<width { for b in 0..<width { d[b - a + width - 1] += counts[a * width + b] } }
        return d
    }

    /// The differences in ascending order, one per pair (for small tallies).
    public var differences: [Double] {
        var result: [Double] = []
        for (i, c) in differenceCounts.enumerated() where c > 0 {
            result.append(contentsOf: repeatElement(Double(i - width + 1), count: c))
        }
        return result
    }

    /// Mean and sample standard deviation of values `low + i` with counts `c[i]` (sd nil below 2).
    static func moments(_ c: [Int], offset: Int) -> (n: Int, mean: Double, sd: Double?) {
        var n = 0, sum = 0
        for (i, k) in c.enumerated() { n += k; sum += k * (i + offset) }
        let nd = Double(n)
        let mean = Double(sum) / nd
        var m2 = 0.0
        for (i, k) in c.enumerated() where k > 0 {
            let dev = Double(i + offset) - mean
            m2 += Double(k) * dev * dev
        }
        m2 /= nd
        return (n, mean, n > 1 ? (m2 * nd / (nd - 1)).squareRoot() : nil)
    }
}
