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
}
