import Foundation

/// A thread-safe count of calls: the cancel flag is looked at from several cores (the join's
/// passes), and the tests cancel at the k-th look.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// One more call; the count so far, this one included.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
