/// One column's cells from one stretch of a file: a dictionary of the values seen there and a
/// code per row. Short cells (up to eight bytes: answers, codes, ids) arrive as one word and
/// are looked up in a small direct-mapped cache before the dictionary; a longer cell equal to
/// the one above it (an organisation on consecutive rows) is recognised by comparing bytes.
///
/// The cache is a raw buffer and the codes a `CodeVector`: both are written at every cell, so
/// no array's uniqueness or bounds are checked there. A chunk appends in place while its
/// stretch is parsed and is only read afterwards.
struct ColumnChunk {
    var dictionary = ByteDictionary()
    var codes: CodeVector
    private let cacheStorage: RawStorage
    /// Slot k is two words: a cell's bytes at 2k, and at 2k+1 its code shifted left by 8, or-ed
    /// with the cell's length (0 = empty slot).
    private let cache: UnsafeMutablePointer<UInt64>
    /// The cache's size less one: 255, or less for a stretch of few rows, so that a file of
    /// 100,000 columns and a few rows does not hold 4 KB of cache per column.
    private let cacheMask: Int
    private var previous: UnsafePointer<UInt8>?
    private var previousCount = -1
    private var previousCode: UInt32 = 0

    init(reservingCapacity capacity: Int) {
        codes = CodeVector(reservingCapacity: capacity)
        var size = 8
        while size < 256 && size < capacity { size *= 2 }
        cacheMask = size - 1
        cacheStorage = RawStorage(byteCount: size * 16)
        cache = cacheStorage.base.bindMemory(to: UInt64.self, capacity: size * 2)
        cache.initialize(repeating: 0, count: size * 2)
    }

    /// Adds the cell `cell` of a record on `line`. `readable` is how many bytes may be read
    /// from the cell's start (at least its length); `stable` says the bytes stay where they are
    /// (they are in the file, not in a scratch buffer), so the next cell may be compared with them.
    @inline(__always)
    mutating func append(_ cell: UnsafeBufferPointer<UInt8>, readable: Int, line: Int, stable: Bool) {
        let n = cell.count
        guard n > 0, let base = cell.baseAddress else {
            codes.append(0)
            return
        }
        if n <= 8 {
            appendShort(Self.word(base, n, readable: readable), count: n, at: base, line: line)
        } else {
            appendLong(base, count: n, line: line, stable: stable)
        }
    }

    /// Adds a cell of `n` (0…8) bytes at `base`, whose bytes are also `word` (little-endian,
    /// the bytes past the cell zero).
    @inline(__always)
    mutating func appendShort(_ word: UInt64, count n: Int, at base: UnsafePointer<UInt8>, line: Int) {
        if n == 0 {
            codes.append(0)
            return
        }
        let slot = ((Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> 56) ^ n) & cacheMask) &* 2
        let entry = cache[slot &+ 1]
        if entry & 0xFF == UInt64(n) && cache[slot] == word {
            // The cached code was appended when it was first seen, so it fits the codes' width.
            codes.appendFitting(UInt32(truncatingIfNeeded: entry >> 8))
            return
        }
        appendUncached(word, count: n, at: base, line: line, slot: slot)
    }

    /// The rest of `appendShort` when the cache does not hold the cell, kept out of line so that
    /// the cached case stays small enough to inline into the parser's loop.
    @inline(never)
    private mutating func appendUncached(_ word: UInt64, count n: Int, at base: UnsafePointer<UInt8>, line: Int, slot: Int) {
        let code = dictionary.code(forWord: word, count: n, bytes: base, line: line)
        cache[slot] = word
        cache[slot &+ 1] = UInt64(code) << 8 | UInt64(n)
        codes.append(code)
    }

    /// Adds a cell of `n` (more than 8) bytes at `base`; `stable` as for `append`.
    @inline(__always)
    mutating func appendLong(_ base: UnsafePointer<UInt8>, count n: Int, line: Int, stable: Bool) {
        if n == previousCount, let previous, Self.equal(previous, base, n) {
            codes.appendFitting(previousCode)
            return
        }
        appendNew(base, count: n, line: line, stable: stable)
    }

    /// The rest of `appendLong` when the cell differs from the one above it, out of line as
    /// `appendUncached` is.
    @inline(never)
    private mutating func appendNew(_ base: UnsafePointer<UInt8>, count n: Int, line: Int, stable: Bool) {
        let code = dictionary.code(for: UnsafeBufferPointer(start: base, count: n), line: line)
        codes.append(code)
        previousCode = code
        previous = stable ? base : nil
        previousCount = stable ? n : -1
    }

    /// The `n` (1…8) bytes at `base` as a little-endian word, the rest zero.
    @inline(__always)
    static func word(_ base: UnsafePointer<UInt8>, _ n: Int, readable: Int) -> UInt64 {
        if readable >= 8 {
            let all = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            return n == 8 ? all : all & ((1 << UInt64(8 * n)) - 1)
        }
        var word: UInt64 = 0
        for i in 0..<n { word |= UInt64(base[i]) << UInt64(8 * i) }
        return word
    }

    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if n >= 8 && n <= 16 {
            // Two words that overlap when n < 16 cover the cell: an organisation or an area.
            let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
            return ra.loadUnaligned(as: UInt64.self) == rb.loadUnaligned(as: UInt64.self)
                && ra.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == rb.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
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
