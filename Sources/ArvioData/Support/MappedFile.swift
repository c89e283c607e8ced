#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped into memory read-only, so a large CSV file is parsed where the page cache
/// holds it, without a copy. Pages already parsed can be released so that they stop counting
/// towards the process's memory.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private let length: Int

    /// Maps the file at `path`; nil when it is not a regular file (a pipe, a device), which
    /// must be read instead.
    static func map(_ path: String) throws(DataError) -> MappedFile? {
        let file = try MappedFile(path: path)
        return file.isRegular ? file : nil
    }

    private let isRegular: Bool

    private init(path: String) throws(DataError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw DataError(DataPosition(file: path), "cannot open the file: \(Self.reason())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw DataError(DataPosition(file: path), "cannot read the file: \(Self.reason())") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw DataError(DataPosition(file: path), "this is a folder, not a file") }
        isRegular = (info.st_mode & S_IFMT) == S_IFREG
        length = isRegular ? Int(info.st_size) : 0
        if length == 0 {
            base = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw DataError(DataPosition(file: path), "cannot read the file: \(Self.reason())")
        }
        _ = madvise(mapped, length, MADV_SEQUENTIAL)
        base = mapped
        bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: length)
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
        if let base { munmap(base, length) }
    }

    private static func reason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}

/// What the loader asks of the operating system.
enum System {
    /// The number of online processors.
    static var onlineProcessors: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
