#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the current thread has stack left for one more level of recursion. Parsing and
/// evaluating recurse once per nesting level; `Parser.nestingLimit` bounds that on the main
/// thread, but a thread with a small stack (a test runner, a dispatch worker: 512 KiB) or a
/// debug build (about 24 KiB per level) can run out sooner. Then an error is better than a
/// SIGSEGV. The bounds are looked up once per parser or evaluator, and only once an
/// expression nests deeper than `checkedFromDepth`, which real statements never do.
struct StackGuard {
    /// Nesting depth from which the stack is checked.
    static let checkedFromDepth = 12
    /// Stack kept free below the last check, for the work done between checks and for the error.
    private static let reserve = 256 * 1024

    /// The lowest address recursion may reach; nil before the first check, .some(nil) when unknown.
    private var floor: UInt??

    init() {}

    /// False when the stack is nearly full.
    mutating func hasRoom() -> Bool {
        if floor == nil { floor = Self.floor() }
        guard let floor = floor ?? nil else { return true }
        var marker = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } > floor
    }

    private static func floor() -> UInt? {
        #if os(Linux)
        // pthread_getattr_np is a GNU extension that Glibc's Swift overlay does not export.
        typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(nil, "pthread_getattr_np") else { return nil }
        let getAttributes = unsafeBitCast(symbol, to: GetAttributes.self)
        var attributes = pthread_attr_t()
        guard getAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var base: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return nil }
        return UInt(bitPattern: base) + UInt(min(reserve, size / 2))
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = pthread_get_stacksize_np(pthread_self())
        return top - UInt(size) + UInt(min(reserve, size / 2))
        #else
        return nil
        #endif
    }
}
