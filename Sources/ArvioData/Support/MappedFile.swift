#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped into memory read-only, so a large CSV file is parsed where the page cache
/// holds it, without a copy. Pages already parsed can be released so that they stop counting
/// towards the process's memory.
///
/// A mapped file that another program truncates while it is read would kill the process with
/// SIGBUS at the first page past its new end. `MappingGuard` turns that into zero bytes instead,
/// and `checkUnchanged` then reports that the file changed, so nothing half-read is loaded.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private let length: Int
    private let path: String
    private let fd: Int32
    private let opened: stat
    private var slot: Int?

    /// Maps the file at `path`; nil when it names one of the process's own streams
    /// (`/dev/stdin`), which must be read instead. Anything else that is not a regular file is refused.
    static func map(_ path: String) throws(DataError) -> MappedFile? {
        if FileIO.ownInput(path) != nil { return nil }
        return try MappedFile(path: path)
    }

    private init(path: String) throws(DataError) {
        self.path = path
        (fd, opened) = try FileIO.openRegularFile(path)
        length = Int(opened.st_size)
        if length == 0 {
            base = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            let why = Self.reason()
            close(fd)
            throw DataError(DataPosition(file: path), "cannot read the file: \(why)")
        }
        _ = madvise(mapped, length, MADV_SEQUENTIAL)
        base = mapped
        bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: length)
        slot = MappingGuard.guardRange(mapped, length: length)
    }

    /// Throws "the file changed while it was read" if the file was cut short (a page read as
    /// zeros) or its size or modification time is not what they were when it was opened.
    func checkUnchanged() throws(DataError) {
        var now = stat()
        let faulted = slot.map(MappingGuard.hasFaulted) ?? false
        if faulted || fstat(fd, &now) != 0 || FileIO.hasChanged(opened, now) {
            throw FileIO.changedWhileRead(path)
        }
    }

    /// Releases the pages that lie wholly inside `range`: they are read again from the page
    /// cache if touched, but no longer count as this process's memory.
    func release(_ range: Range<Int>) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = min(range.upperBound, length) / page * page
        if end > start { _ = madvise(base + start, end - start, MADV_DONTNEED) }
    }

    deinit {
        if let slot { MappingGuard.unguard(slot) }
        if let base { munmap(base, length) }
        close(fd)
    }

    private static func reason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}

/// A SIGBUS handler for the mapped files being read: a fault inside one of them (the file was
/// truncated under it) maps zero pages over the rest of the mapping and marks it, so the read
/// finishes and the loader reports the change. A SIGBUS anywhere else gets the handler that was
/// there before, as if this one did not exist.
enum MappingGuard {
    private struct Range {
        var start: UInt = 0
        var end: UInt = 0
        var faulted = false
    }

    private static let capacity = 64
    nonisolated(unsafe) private static let ranges: UnsafeMutablePointer<Range> = {
        let p = UnsafeMutablePointer<Range>.allocate(capacity: capacity)
        p.initialize(repeating: Range(), count: capacity)
        return p
    }()
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
    nonisolated(unsafe) private static var installed = false
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let p = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(p, nil)
        return p
    }()

    /// Guards `length` bytes mapped at `base`; the slot to ask about and release, or nil when all are taken.
    static func guardRange(_ base: UnsafeMutableRawPointer, length: Int) -> Int? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if !installed {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = handle
            action.sa_flags = SA_SIGINFO
            sigemptyset(&action.sa_mask)
            guard sigaction(SIGBUS, &action, previous) == 0 else { return nil }
            installed = true
        }
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        let start = UInt(bitPattern: base)
        for i in 0..<capacity where ranges[i].end == 0 {
            ranges[i].faulted = false
            ranges[i].start = start
            ranges[i].end = (start + UInt(length) + page - 1) / page * page
            return i
        }
        return nil
    }

    /// Whether a page of the range in `slot` had to be replaced by zeros.
    static func hasFaulted(_ slot: Int) -> Bool {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return ranges[slot].faulted
    }

    /// Stops guarding the range in `slot` (before it is unmapped).
    static func unguard(_ slot: Int) {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        ranges[slot] = Range()
    }

    private static let handle: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { _, info, _ in
        // Only async-signal-safe work here: no locks, no allocation, plain loads and mmap.
        if let info {
            let address = UInt(bitPattern: info.pointee._sifields._sigfault.si_addr)
            let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
            for i in 0..<MappingGuard.capacity {
                let range = MappingGuard.ranges[i]
                guard range.start <= address && address < range.end else { continue }
                let from = address / page * page
                let zeros = mmap(UnsafeMutableRawPointer(bitPattern: from), Int(range.end - from), PROT_READ,
                                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
                if zeros != MAP_FAILED {
                    MappingGuard.ranges[i].faulted = true
                    return
                }
            }
        }
        // Not a guarded page: put back the earlier handler and let the fault happen again.
        sigaction(SIGBUS, MappingGuard.previous, nil)
    }
}

/// What the loader asks of the operating system.
enum System {
    /// The number of online processors.
    static var onlineProcessors: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
