#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing whole files, with errors a person can act on. Writing is atomic: the
/// bytes go to a temporary file beside the target, which is renamed over it only when complete.
public enum FileIO {
    /// The whole content of the file at `path`.
    public static func read(_ path: String) throws(DataError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw DataError(DataPosition(file: path), "cannot open the file: \(reason())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw DataError(DataPosition(file: path), "cannot read the file: \(reason())") }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw DataError(DataPosition(file: path), "this is a folder, not a file")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(1 << 16, Int(info.st_size) + 1))
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw DataError(DataPosition(file: path), "cannot read the file: \(reason())")
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return bytes
    }

    /// Writes `bytes` to `path` atomically: a failed write leaves any existing file as it was.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(DataError) {
        let temporary = path + ".arvio-tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw DataError(DataPosition(file: path), "cannot write the file: \(reason())") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                let why = reason()
                close(fd)
                unlink(temporary)
                throw DataError(DataPosition(file: path), "cannot write the file: \(why)")
            }
            written += n
        }
        guard fsync(fd) == 0, close(fd) == 0 else {
            let why = reason()
            unlink(temporary)
            throw DataError(DataPosition(file: path), "cannot write the file: \(why)")
        }
        guard rename(temporary, path) == 0 else {
            let why = reason()
            unlink(temporary)
            throw DataError(DataPosition(file: path), "cannot write the file: \(why)")
        }
    }

    /// Whether a file or folder exists at `path`.
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    private static func reason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
