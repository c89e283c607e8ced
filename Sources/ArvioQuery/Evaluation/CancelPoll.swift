import ArvioData
import Synchronization

/// Ctrl-C inside a pass that is split between the cores: each core works through its rows in
/// blocks of `EvaluationContext.chunk` (well under a millisecond of work each) and asks the
/// user's cancel flag between blocks; once one core has seen it, every core stops at its next
/// block, and the caller throws the cancellation after the pass (`check`).
final class CancelPoll: Sendable {
    private let isCancelled: (@Sendable () -> Bool)?
    private let seen = Atomic<Bool>(false)

    /// A poll of `context`'s cancel flag.
    init(_ context: EvaluationContext) {
        isCancelled = context.isCancelled
    }

    /// A poll of `isCancelled` (nil: nothing cancels), for code handed the flag alone.
    init(isCancelled: (@Sendable () -> Bool)?) {
        self.isCancelled = isCancelled
    }

    /// Whether a core has seen the flag: the rows after it were left undone.
    var stopped: Bool { seen.load(ordering: .relaxed) }

    /// Calls `body` on consecutive blocks of `range`, asking the flag before each block; stops
    /// early once it is set.
    @inline(__always)
    func blocks(_ range: Range<Int>, chunk: Int = EvaluationContext.chunk, _ body: (Range<Int>) -> Void) {
        guard let isCancelled else { return body(range) }
        var start = range.lowerBound
        while start < range.upperBound {
            if seen.load(ordering: .relaxed) { return }
            if isCancelled() {
                seen.store(true, ordering: .relaxed)
                return
            }
            let end = min(start + chunk, range.upperBound)
            body(start..<end)
            start = end
        }
    }

    /// Looks at the flag once (for a loop that cuts its own blocks): true once a core has seen it.
    func look() -> Bool {
        if seen.load(ordering: .relaxed) { return true }
        guard let isCancelled, isCancelled() else { return false }
        seen.store(true, ordering: .relaxed)
        return true
    }

    /// `poll.blocks(range, body)`, or `body(range)` at once without a poll: for the passes that
    /// take an optional poll (`OrderedKeys`, used both inside and outside a statement).
    @inline(__always)
    static func blocks(_ poll: CancelPoll?, _ range: Range<Int>, chunk: Int = EvaluationContext.chunk,
                       _ body: (Range<Int>) -> Void) {
        guard let poll else { return body(range) }
        poll.blocks(range, chunk: chunk, body)
    }

    /// A fresh array of `count` plain values, `value(i)` at `i`, written in blocks split between
    /// the cores. The pages of a long array are new, and faulting them in is most of the work
    /// (80 MB for 10M numbers), so a `repeating:` fill before the loop would be an unpolled
    /// stretch of its own. A stopped pass leaves the rest unwritten, which is harmless for plain
    /// values: the caller `check`s and throws the array away.
    func array<T: BitwiseCopyable>(_ count: Int, _ value: (Int) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = UncheckedBox(buffer)
            let parts = Parallel.ranges(count)
            Parallel.forEach(parts.count) { k in
                blocks(parts[k]) { block in
                    for i in block { out.value[i] = value(i) }
                }
            }
            initialized = count
        }
    }

    /// `poll.array(count, value)`, or the same array written without a poll when there is none.
    static func array<T: BitwiseCopyable>(_ poll: CancelPoll?, _ count: Int, _ value: (Int) -> T) -> [T] {
        (poll ?? CancelPoll(isCancelled: nil)).array(count, value)
    }

    /// Throws the cancellation at `position` when a pass stopped early (or the flag is set now).
    func check(at position: SourcePosition) throws(Diagnostic) {
        if stopped || (isCancelled?() ?? false) {
            throw Diagnostic(position, "stopped: the statement was cancelled", isCancellation: true)
        }
    }
}
