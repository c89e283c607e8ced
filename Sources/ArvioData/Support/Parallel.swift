import Dispatch

/// Runs independent pieces of work on all cores: the pieces of a load, and the halves of a
/// long column scan in the engine (hence `package`). The pieces write disjoint results, so the
/// body may be called from several threads at once.
package enum Parallel {
    /// How many cores there are to use.
    package static let coreCount: Int = max(1, min(System.onlineProcessors, 64))

    /// Rows below this are scanned on one core: starting threads would cost more than it saves.
    package static let minimumRows = 1 << 19

    /// `0..<count` cut into one range per core, or one range when the work is small.
    package static func ranges(_ count: Int) -> [Range<Int>] {
        let pieces = count >= minimumRows ? coreCount : 1
        return (0..<pieces).map { k in count * k / pieces..<count * (k + 1) / pieces }
    }

    /// Calls `body(0) … body(count - 1)`, concurrently when there is more than one.
    package static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if count <= 1 {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
        }
    }

    /// `transform(0) … transform(count - 1)`, computed concurrently, in order.
    package static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            let out = UncheckedBox(slots)
            forEach(count) { out.value[$0] = transform($0) }
        }
        return results.map { $0! }
    }
}

/// A value handed to other threads whose safety the caller vouches for (disjoint writes).
package final class UncheckedBox<T>: @unchecked Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}
