import Dispatch

/// Runs independent pieces of a load on all cores. The pieces write disjoint results, so the
/// body may be called from several threads at once.
enum Parallel {
    /// How many cores there are to use.
    static let coreCount: Int = max(1, min(System.onlineProcessors, 64))

    /// Calls `body(0) … body(count - 1)`, concurrently when there is more than one.
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
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
    static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            let out = UncheckedBox(slots)
            forEach(count) { out.value[$0] = transform($0) }
        }
        return results.map { $0! }
    }
}

/// A value handed to other threads whose safety the caller vouches for (disjoint writes).
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
