import Dispatch

/// Frees a statement's large intermediates on a thread of their own. A join's columns at 10M
/// rows are ~2 GB, and handing the pages back takes the kernel ~120 ms: on the statement's own
/// thread that is 120 ms between Ctrl-C (or the answer) and the prompt.
enum LaterRelease {
    private static let queue = DispatchQueue(label: "arvio.release", qos: .utility)

    /// Drops `value` on the release thread. The caller hands over its reference (`consume`),
    /// so the last one is the box's and the memory is freed there.
    static func release<T>(_ value: consuming T) {
        let box = Box(value)
        queue.async { box.empty() }
    }

    private final class Box<T>: @unchecked Sendable {
        private var value: T?
        init(_ value: consuming T) { self.value = value }
        func empty() { value = nil }
    }
}
