/// Midranks (average ranks for ties), the ranking R's `rank()` and SciPy's `rankdata` use by default.
public enum Ranking {
    /// Doubled midranks and the sizes of the tie groups, from one pass over the sorted values.
    public struct Ranks: Sendable, Equatable {
        /// Twice each value's midrank, in the order of the values.
        public var doubled: [Int]
        /// The sizes of the groups of tied values larger than one, ascending.
        public var tieSizes: [Int]
    }

    /// Ranks 1...n of `values`, tied values sharing the mean of the ranks they span.
    public static func midranks(_ values: [Double]) -> [Double] {
        doubledMidranks(values).map { Double($0) / 2 }
    }

    /// Midranks as `midranks(_:)`, looking at `isCancelled` throughout (throws `StatsError.cancelled`).
    public static func midranks(_ values: [Double], isCancelled: (@Sendable () -> Bool)?) throws -> [Double] {
        let doubled = try ranks(values, isCancelled: isCancelled).doubled
        return try CancelCheck(isCancelled).array(doubled.count) { Double(doubled[$0]) / 2 }
    }

    /// Twice the midranks, which are always integers; exact permutation distributions count
    /// over these so that sums of tied ranks need no floating point.
    public static func doubledMidranks(_ values: [Double]) -> [Int] {
        // Without a flag nothing throws.
        (try? ranks(values, isCancelled: nil).doubled) ?? []
    }

    /// The sizes of the groups of tied values (only groups larger than one).
    public static func tieGroupSizes(_ values: [Double]) -> [Int] {
        (try? ranks(values, isCancelled: nil).tieSizes) ?? []
    }

    /// Doubled midranks and tie sizes; throws `StatsError.cancelled` once `isCancelled` is set
    /// (looked at every `CancelCheck.block` steps of every pass, the sort's included).
    public static func ranks(_ values: [Double], isCancelled: (@Sendable () -> Bool)?) throws -> Ranks {
        let check = CancelCheck(isCancelled)
        if let few = try fewDistinct(values, check) { return few }
        let sorted = try sortedWithIndex(values, check)
        var ties: [Int] = []
        var start = 0
        // Every position is written (the sorted values are a permutation), so the fresh pages
        // need no zeroing first: that would be a pass with no look at the flag.
        let doubled = try [Int](unsafeUninitializedCapacity: values.count) { ranks, initialized in
            try sorted.withUnsafeBufferPointer { s in
                var looked = 0
                while start < s.count {
                    var end = start
                    while end + 1 < s.count && s[end + 1].value == s[start].value { end += 1 }
                    // Positions start...end hold ranks start+1...end+1; twice their mean is start+end+2.
                    for position in start...end { ranks[s[position].index] = start + end + 2 }
                    if end > start { ties.append(end - start + 1) }
                    looked += end - start + 1
                    if looked >= CancelCheck.block {
                        looked = 0
                        try check.check()
                    }
                    start = end + 1
                }
            }
            initialized = values.count
        }
        return Ranks(doubled: doubled, tieSizes: ties.sorted())
    }

    /// Survey data mostly take a handful of values (a 1–5 scale, group codes): then the ranks
    /// come from a count of each value and one look-up a row, with no sort. Nil when there are
    /// more than `fewLimit` distinct values (or a NaN, which equals nothing).
    private static func fewDistinct(_ values: [Double], _ check: CancelCheck) throws -> Ranks? {
        if let counted = try smallWholeNumbers(values, check) { return counted }
        let fewLimit = 512
        var counts: [Double: Int] = [:]
        var many = false
        try check.blocks(values.count) { range in
            guard !many else { return }
            for i in range {
                let v = values[i]
                if v.isNaN { many = true; return }
                counts[v, default: 0] += 1
                if counts.count > fewLimit { many = true; return }
            }
        }
        if many { return nil }
        var rank: [Double: Int] = [:]
        var below = 0
        for (value, count) in counts.sorted(by: { $0.key < $1.key }) {
            rank[value] = 2 * below + count + 1
            below += count
        }
        let doubled = try check.array(values.count) { rank[values[$0]]! }
        return Ranks(doubled: doubled, tieSizes: counts.values.filter { $0 > 1 }.sorted())
    }

    /// Whole numbers within a span of 4 096 (answers on a scale, counts, codes) are counted in an
    /// array indexed by value, with no hashing; nil for any other data.
    private static func smallWholeNumbers(_ values: [Double], _ check: CancelCheck) throws -> Ranks? {
        let span = 4_096
        guard let first = values.first, first.isFinite, first == first.rounded(), abs(first) < 1e15 else { return nil }
        var low = first, high = first, whole = true
        try check.blocks(values.count) { range in
            guard whole else { return }
            for i in range {
                let v = values[i]
                // NaN fails the comparison, as a fraction does.
                guard v == v.rounded() else { whole = false; return }
                low = min(low, v); high = max(high, v)
            }
            if high - low >= Double(span) { whole = false }
        }
        guard whole, high - low < Double(span) else { return nil }
        let base = Int(low), width = Int(high) - base + 1
        var counts = [Int](repeating: 0, count: width)
        try check.blocks(values.count) { range in
            for i in range { counts[Int(values[i]) - base] += 1 }
        }
        var rank = [Int](repeating: 0, count: width)
        var below = 0
        for slot in 0..<width where counts[slot] > 0 {
            rank[slot] = 2 * below + counts[slot] + 1
            below += counts[slot]
        }
        let doubled = try check.array(values.count) { rank[Int(values[$0]) - base] }
        return Ranks(doubled: doubled, tieSizes: counts.filter { $0 > 1 }.sorted())
    }

    /// A value with its position in the input.
    private struct Keyed {
        var value: Double
        var index: Int
    }

    /// The values with their positions, ascending: runs sorted by the standard library, then
    /// merged pairwise, so that the cancel flag is looked at between blocks of each pass.
    private static func sortedWithIndex(_ values: [Double], _ check: CancelCheck) throws -> [Keyed] {
        let n = values.count
        let run = 1 << 14
        var source = try check.array(n) { Keyed(value: values[$0], index: $0) }
        try source.withUnsafeMutableBufferPointer { buffer in
            var start = 0
            while start < n {
                try check.check()
                let end = min(n, start + run)
                buffer[start..<end].sort { $0.value < $1.value }
                start = end
            }
        }
        guard n > run else { return source }
        // Every merge pass writes every position of the target, so it starts unwritten rather
        // than as a copy (an unpolled 16 bytes a row).
        var target = try check.array(n) { _ in Keyed(value: 0, index: 0) }
        var width = run
        while width < n {
            try source.withUnsafeBufferPointer { from in
                try target.withUnsafeMutableBufferPointer { to in
                    var low = 0
                    // Merge steps left before the next look at the flag.
                    var budget = CancelCheck.block
                    while low < n {
                        let middle = min(n, low + width), high = min(n, low + 2 * width)
                        var i = low, j = middle, k = low
                        while k < high {
                            let stop = min(high, k + budget)
                            budget -= stop - k
                            while k < stop {
                                if j >= high || (i < middle && !(from[j].value < from[i].value)) {
                                    to[k] = from[i]; i += 1
                                } else {
                                    to[k] = from[j]; j += 1
                                }
                                k += 1
                            }
                            if budget == 0 {
                                try check.check()
                                budget = CancelCheck.block
                            }
                        }
                        low = high
                    }
                }
            }
            swap(&source, &target)
            width *= 2
        }
        return source
    }
}
