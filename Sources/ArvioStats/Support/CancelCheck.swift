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
}
