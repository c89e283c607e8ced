/// One column's cells from one stretch of a file: a dictionary of the values seen there and a
/// code per row. A cell equal to the one above it (a participant's id on consecutive rows) is
/// recognised by comparing bytes, without hashing.
struct ColumnChunk {
    var dictionary = ByteDictionary()
    var codes: CodeVector
    private var previous: UnsafePointer<UInt8>?
    private var previousCount = -1
    private var previousCode: UInt32 = 0

    init(reservingCapacity capacity: Int) {
        codes = CodeVector(reservingCapacity: capacity)
    }

    /// Adds the cell `cell` of a record on `line`. `stable` says the bytes stay where they are
    /// (they are in the file, not in a scratch buffer), so the next cell may be compared with them.
    @inline(__always)
    mutating func append(_ cell: UnsafeBufferPointer<UInt8>, line: Int, stable: Bool) {
        let n = cell.count
        if n == 0 {
            codes.append(0)
            return
        }
        if n == previousCount, let previous, let base = cell.baseAddress, Self.equal(previous, base, n) {
            codes.append(previousCode)
            return
        }
        let code = dictionary.code(for: cell, line: line)
        codes.append(code)
        previousCode = code
        previous = stable ? cell.baseAddress : nil
        previousCount = stable ? n : -1
    }

    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(a).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                != UnsafeRawPointer(b).loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }
}
