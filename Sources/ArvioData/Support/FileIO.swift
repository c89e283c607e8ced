#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing whole files, with errors a person can act on. Writing is atomic: the
/// bytes go to a temporary file beside the target, which is renamed over it only when complete.
public enum FileIO {
    /// The whole content of the file at `path`. Only a regular file is read (a device or a
    /// named pipe could give bytes without end, or none), except `/dev/stdin` and `/dev/fd/N`,
    /// the streams the user handed Arvio, which are read to their end.
    public static func read(_ path: String) throws(DataError) -> [UInt8] {
        let at = DataPosition(file: path)
        if let fd = ownInput(path) { return try readToEnd(fd, sizeHint: 0, at: at) }
        let (fd, before) = try openRegularFile(path)
        defer { close(fd) }
        let bytes = try readToEnd(fd, sizeHint: Int(before.st_size), at: at)
        var after = stat()
        if fstat(fd, &after) != 0 || bytes.count != Int(before.st_size) || hasChanged(before, after) {
            throw changedWhileRead(path)
        }
        return bytes
    }

    /// Opens the file at `path` for reading, refusing what is not a regular file; the
    /// descriptor and the file's status. A named pipe is opened without waiting for a writer.
    static func openRegularFile(_ path: String) throws(DataError) -> (Int32, stat) {
        let at = DataPosition(file: path)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw DataError(at, "cannot open the file: \(reason())") }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let why = reason()
            close(fd)
            throw DataError(at, "cannot read the file: \(why)")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw DataError(at, "this is \(kind(of: info.st_mode)), not a regular file; Arvio reads only regular files")
        }
        return (fd, info)
    }

    /// Whether the file's size or modification time differs between two looks at it.
    static func hasChanged(_ a: stat, _ b: stat) -> Bool {
        a.st_size != b.st_size || a.st_mtim.tv_sec != b.st_mtim.tv_sec || a.st_mtim.tv_nsec != b.st_mtim.tv_nsec
    }

    /// The error for a file that was written to or truncated while Arvio read it.
    static func changedWhileRead(_ path: String) -> DataError {
        DataError(DataPosition(file: path),
                  "the file changed while it was read (something wrote to it or cut it short); nothing was read from it, so try again once it is complete")
    }

    /// The descriptor `path` names when it is the process's standard input or one of its open descriptors.
    static func ownInput(_ path: String) -> Int32? {
        if path == "/dev/stdin" { return 0 }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            return Int32(path.dropFirst(prefix.count))
        }
        return nil
    }

    private static func readToEnd(_ fd: Int32, sizeHint: Int, at: DataPosition) throws(DataError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sizeHint)
        var chunk = [UInt8](repeating: 0, count: max(1 << 16, min(sizeHint + 1, 1 << 24)))
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw DataError(at, "cannot read the file: \(reason())")
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return bytes
    }

    /// Writes `bytes` to `path` so that a failed write leaves any existing file as it was.
    ///
    /// A regular file is replaced atomically: the bytes go to a temporary file in the same
    /// folder, which gets the old file's mode (and owner, where the system allows) and is
    /// renamed over it only when complete and flushed. A symbolic link is followed and its
    /// target written; the link stays. A file with several hard links is rewritten in place so
    /// that every link sees the new content, after its space is reserved. `/dev/stdout`,
    /// `/dev/stderr` and `/dev/fd/N` are Arvio's own streams and are written to directly, as
    /// is any other character device (a terminal, `/dev/null`). Anything else that is not a
    /// regular file (a folder, a named pipe, a socket, a block device) is refused, and so is a
    /// file the user could not write directly.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(DataError) {
        try writeAtomically(to: path) { writer throws(DataError) in writer.append(bytes) }
    }

    /// Writes what `fill` hands its `ByteWriter` to `path`, as `writeAtomically(_:to:)` does,
    /// without the whole content in memory: the bytes go out a block at a time. When `fill`
    /// throws (a cancelled save), a replaced file is left as it was and its temporary file is
    /// removed; a stream or a device keeps what it was sent.
    public static func writeAtomically(to path: String, _ fill: (ByteWriter) throws(DataError) -> Void) throws(DataError) {
        let at = DataPosition(file: path)
        if let fd = ownStream(path) {
            try stream(to: fd, fill) { DataError(at, "cannot write: \($0)") }
            return
        }
        let target = try followingLinks(path)
        var info = stat()
        guard lstat(target, &info) == 0 else {
            guard errno == ENOENT else { throw DataError(at, "cannot write the file: \(reason())") }
            try replace(target, with: fill, keeping: nil, at: at)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard access(target, W_OK) == 0 else {
                throw DataError(at, "cannot write the file: \(reason()); it was left as it is")
            }
            if info.st_nlink > 1 {
                // The new size must be known to reserve it before the old bytes are overwritten,
                // so the content is gathered first; hard-linked targets are rare and small.
                let writer = ByteWriter(fd: -1)
                try fill(writer)
                try rewriteInPlace(target, with: writer.buffer, oldSize: Int(info.st_size), at: at)
            } else {
                try replace(target, with: fill, keeping: info, at: at)
            }
        case S_IFCHR:
            let fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard fd >= 0 else { throw DataError(at, "cannot write to the device: \(reason())") }
            defer { close(fd) }
            try stream(to: fd, fill) { DataError(at, "cannot write to the device: \($0)") }
        default:
            throw DataError(at, "this is \(kind(of: info.st_mode)), not a regular file; nothing was written")
        }
    }

    /// Runs `fill` on a writer to `fd` and sends the last block; a write error as `failed` makes it.
    private static func stream(to fd: Int32, _ fill: (ByteWriter) throws(DataError) -> Void,
                               failed: (String) -> DataError) throws(DataError) {
        let writer = ByteWriter(fd: fd)
        do {
            try fill(writer)
        } catch {
            if let why = writer.failure { throw failed(why) }
            throw error
        }
        writer.flush()
        if let why = writer.failure { throw failed(why) }
    }

    /// The descriptor `path` names when it is one of the process's own streams.
    private static func ownStream(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// The path a chain of symbolic links at `path` ends in (which need not exist yet).
    private static func followingLinks(_ path: String) throws(DataError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { throw DataError(DataPosition(file: path), "cannot follow the link: \(reason())") }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : folder(of: current) + "/" + link
        }
        throw DataError(DataPosition(file: path), "the link leads through more than 40 links (a loop?); nothing was written")
    }

    /// Writes a temporary file beside `target` and renames it over `target`.
    private static func replace(_ target: String, with fill: (ByteWriter) throws(DataError) -> Void,
                                keeping old: stat?, at: DataPosition) throws(DataError) {
        let directory = folder(of: target)
        var temporary = ""
        var fd: Int32 = -1
        for attempt in 0..<100 where fd < 0 {
            temporary = directory + "/.arvio-\(getpid())-\(attempt).tmp"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd < 0 && errno != EEXIST { break }
        }
        guard fd >= 0 else { throw DataError(at, "cannot write the file: \(reason())") }
        func fail(_ why: String) -> DataError {
            close(fd)
            unlink(temporary)
            return DataError(at, "cannot write the file: \(why); the old file was left as it is")
        }
        if let old {
            // Owner first: changing it clears set-user-ID bits that the mode then restores.
            if fchown(fd, old.st_uid, old.st_gid) != 0 { _ = fchown(fd, uid_t.max, old.st_gid) }
            guard fchmod(fd, old.st_mode & 0o7777) == 0 else { throw fail(reason()) }
        }
        let writer = ByteWriter(fd: fd)
        do {
            try fill(writer)
        } catch {
            if let why = writer.failure { throw fail(why) }
            close(fd)
            unlink(temporary)
            throw error
        }
        writer.flush()
        if let why = writer.failure { throw fail(why) }
        guard fsync(fd) == 0 else { throw fail(reason()) }
        guard close(fd) == 0 else {
            let why = reason()
            unlink(temporary)
            throw DataError(at, "cannot write the file: \(why); the old file was left as it is")
        }
        guard rename(temporary, target) == 0 else {
            let why = reason()
            unlink(temporary)
            throw DataError(at, "cannot write the file: \(why); the old file was left as it is")
        }
        // The rename itself is durable only once the folder is flushed too.
        let folderFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 { _ = fsync(folderFD); close(folderFD) }
    }

    /// Rewrites `target` in place, so all its hard links keep sharing it. The new size is
    /// reserved first, so a full disk is found before anything is overwritten.
    private static func rewriteInPlace(_ target: String, with bytes: [UInt8], oldSize: Int,
                                       at: DataPosition) throws(DataError) {
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DataError(at, "cannot write the file: \(reason()); it was left as it is") }
        defer { close(fd) }
        if bytes.count > oldSize {
            let failed = posix_fallocate(fd, 0, off_t(bytes.count))
            if failed != 0 {
                _ = ftruncate(fd, off_t(oldSize))
                throw DataError(at, "cannot write the file: \(String(cString: strerror(failed)).lowercased()); it was left as it is")
            }
        }
        if let why = writeAll(bytes, to: fd) {
            throw DataError(at, "cannot write the file: \(why); it may now be partly written")
        }
        guard ftruncate(fd, off_t(bytes.count)) == 0, fsync(fd) == 0 else {
            throw DataError(at, "cannot write the file: \(reason())")
        }
    }

    /// Writes all of `bytes` to `fd` from where it stands; why it failed, or nil.
    fileprivate static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return n == 0 ? "the device took no more bytes" : reason() }
            written += n
        }
        return nil
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
        bytes.withUnsafeBytes { writeAll($0, to: fd) }
    }

    /// The folder holding `path` ("." for a bare name).
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// What a file of mode `mode` is, in words.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFBLK: "a block device"
        case S_IFCHR: "a character device"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }

    /// Whether a file or folder exists at `path`.
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    fileprivate static func reason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}

/// Where a streamed write (`FileIO.writeAtomically(to:_:)`) gathers its bytes: they go to the
/// file a block (1 MB) at a time. After a failed write the writer keeps its reason and takes
/// no more bytes; the producer need not check, as `FileIO` reports it when `fill` returns.
public final class ByteWriter {
    /// How many bytes gather before a block is written.
    static let blockSize = 1 << 20
    private let fd: Int32
    /// The bytes not yet written (all of them for a writer that only gathers, `fd` −1).
    private(set) var buffer: [UInt8] = []
    /// Why a write failed, once one has.
    private(set) var failure: String?

    init(fd: Int32) {
        self.fd = fd
        if fd >= 0 { buffer.reserveCapacity(Self.blockSize + (1 << 16)) }
    }

    /// Whether a write has failed, so the rest of the content can be left unmade.
    public var failed: Bool { failure != nil }

    /// Adds one byte.
    @inline(__always)
    public func append(_ byte: UInt8) {
        buffer.append(byte)
        if buffer.count >= Self.blockSize { flushIfWriting() }
    }

    /// Adds `bytes`.
    public func append(_ bytes: some Collection<UInt8>) {
        if fd >= 0, bytes.count >= Self.blockSize {
            // A large piece goes out as it is rather than through a copy in the block.
            flush()
            let sent: Void? = bytes.withContiguousStorageIfAvailable { piece in
                if failure == nil { failure = FileIO.writeAll(UnsafeRawBufferPointer(piece), to: fd) }
            }
            if sent != nil { return }
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { flushIfWriting() }
    }

    /// Adds the UTF-8 of `text`.
    public func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// The last byte added and not yet written, if any (a row's end, to check it is trimmed).
    public var lastByte: UInt8? { buffer.last }

    /// Takes back the last `count` bytes added, while they are still in the block.
    public func removeLast(_ count: Int) -> Bool {
        guard count <= buffer.count else { return false }
        buffer.removeLast(count)
        return true
    }

    private func flushIfWriting() {
        if fd >= 0 { flush() }
    }

    /// Writes the gathered bytes.
    func flush() {
        guard fd >= 0 else { return }
        if failure == nil, !buffer.isEmpty {
            failure = buffer.withUnsafeBytes { FileIO.writeAll($0, to: fd) }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
