/// A long computation's look at the user's cancel flag (Ctrl-C), made every `block` steps of
/// a pass, so that a statement on millions of rows stops within milliseconds of being asked.
public struct CancelCheck: Sendable {
    /// Steps between two looks: a block of a simple pass over the data takes well under 10 ms.
    public static let block = 1 << 16

    /// The flag, or nil when nothing can cancel the computation.
    public let flag: (@Sendable () -> Bool)?

    /// A check of `flag`.
    public init(_ flag: (@Sendable () -> Bool)?) {
        self.flag = flag
    }

    /// Throws `StatsError.cancelled` when the flag is set.
    @inline(__always)
    public func check() throws {
        if let flag, flag() { throw StatsError.cancelled }
    }

    /// Calls `body` on consecutive blocks of `0..<count`, looking at the flag before each.
    @inline(__always)
    public func blocks(_ count: Int, _ body: (Range<Int>) throws -> Void) throws {
        guard flag != nil else { return try body(0..<count) }
        var start = 0
        while start < count {
            try check()
            let end = min(count, start + Self.block)
            try body(start..<end)
            start = end
        }
    }

    /// Whether every value is finite (`allSatisfy(\.isFinite)`), looking at the flag every block.
    public func allFinite(_ values: [Double]) throws -> Bool {
        var finite = true
        try blocks(values.count) { range in
            guard finite else { return }
            for i in range where !values[i].isFinite {
                finite = false
                return
            }
        }
        return finite
    }

    /// The sum in index order, as `reduce(0, +)` adds (so the same bits), looking at the flag
    /// every block: at 10M values one pass of additions is ~10 ms.
    public func sum<C: RandomAccessCollection>(_ values: C) throws -> C.Element where C.Element: AdditiveArithmetic, C.Index == Int {
        var total = C.Element.zero
        let start = values.startIndex
        try blocks(values.count) { range in
            for i in range { total += values[start + i] }
        }
        return total
    }

    /// A fresh array of `count` plain values, `value(i)` at `i`, written in blocks with a look
    /// before each. Allocating with `repeating:` would zero the fresh pages first, an unpolled
    /// pass of its own (80 MB for 10M numbers).
    public func array<T: BitwiseCopyable>(_ count: Int, _ value: (Int) throws -> T) throws -> [T] {
        try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            try blocks(count) { range in
                for i in range { buffer[i] = try value(i) }
            }
            initialized = count
        }
    }

    /// `values.sorted()` (no NaN), looking at the flag every block: whole numbers within a span
    /// of 4 096 (answers on a scale) by counting, anything else as runs sorted by the standard
    /// library and merged pairwise. A sort of 3M values is ~300 ms, and `describe` needs one a group.
    public func sorted(_ values: [Double]) throws -> [Double] {
        let n = values.count
        if let counted = try countingSorted(values) { return counted }
        let run = 1 << 14
        var source = try array(n) { values[$0] }
        try source.withUnsafeMutableBufferPointer { buffer in
            var start = 0
            while start < n {
                try check()
                let end = min(n, start + run)
                buffer[start..<end].sort()
                start = end
            }
        }
        guard n > run else { return source }
        var target = try array(n) { _ in 0.0 }
        var width = run
        while width < n {
            try source.withUnsafeBufferPointer { from in
                try target.withUnsafeMutableBufferPointer { to in
                    var done = 0
                    var low = 0
                    while low < n {
                        let middle = min(n, low + width), high = min(n, low + 2 * width)
                        var i = low, j = middle
                        for k in low..<high {
                            if j >= high || (i < middle && !(from[j] < from[i])) {
                                to[k] = from[i]; i += 1
                            } else {
                                to[k] = from[j]; j += 1
                            }
                            done += 1
                            if done == Self.block {
                                done = 0
                                try check()
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

    /// The sorted values by a count of each, when all are whole numbers within 4 096 of each
    /// other; nil otherwise.
    private func countingSorted(_ values: [Double]) throws -> [Double]? {
        let span = 4_096
        guard let first = values.first, first == first.rounded(), abs(first) < 1e15 else { return values.isEmpty ? [] : nil }
        var low = first, high = first, whole = true
        try blocks(values.count) { range in
            guard whole else { return }
            for i in range {
                let v = values[i]
                guard v == v.rounded() else { whole = false; return }
                low = Swift.min(low, v); high = Swift.max(high, v)
            }
            if high - low >= Double(span) { whole = false }
        }
        guard whole, high - low < Double(span) else { return nil }
        let base = Int(low)
        var counts = [Int](repeating: 0, count: Int(high) - base + 1)
        try blocks(values.count) { range in
            for i in range { counts[Int(values[i]) - base] += 1 }
        }
        var slot = 0, left = counts[0]
        return try array(values.count) { _ in
            while left == 0 { slot += 1; left = counts[slot] }
            left -= 1
            return Double(base + slot)
        }
    }
}
