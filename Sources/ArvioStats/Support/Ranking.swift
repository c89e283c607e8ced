/// Midranks (average ranks for ties), the ranking R's `rank()` and SciPy's `rankdata` use by default.
public enum Ranking {
    /// Ranks 1...n of `values`, tied values sharing the mean of the ranks they span.
    public static func midranks(_ values: [Double]) -> [Double] {
        doubledMidranks(values).map { Double($0) / 2 }
    }

    /// Twice the midranks, which are always integers; exact permutation distributions count
    /// over these so that sums of tied ranks need no floating point.
    public static func doubledMidranks(_ values: [Double]) -> [Int] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Int](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] {
                end += 1
            }
            // Positions start...end hold ranks start+1...end+1; twice their mean is start+end+2.
            for position in start...end {
                ranks[order[position]] = start + end + 2
            }
            start = end + 1
        }
        return ranks
    }

    /// The sizes of the groups of tied values (only groups larger than one).
    public static func tieGroupSizes(_ values: [Double]) -> [Int] {
        var counts: [Double: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.values.filter { $0 > 1 }.sorted()
    }
}
