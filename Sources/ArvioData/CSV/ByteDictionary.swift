/// A hash map from byte strings to dense codes 1, 2, 3…, built while a column is read, so each
/// cell is hashed once and no `String` is made until the distinct values are known.
struct ByteDictionary {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    /// Each slot holds a value's code in its low 32 bits and the high half of its hash above
    /// them, so most probes of other values are rejected without comparing bytes; 0 is empty.
    private var slots: [UInt64]
    private var mask: Int
    /// For each code (index code-1), the line of the record it was first seen in, so an error
    /// about a value can point at a line without reading the file again.
    private(set) var firstLine: [Int] = []

    init() {
        slots = Array(repeating: 0, count: 64)
        mask = 63
    }

    /// How many distinct values.
    var count: Int { starts.count - 1 }

    /// The bytes of code `code` (1-based).
    func bytes(of code: Int) -> ArraySlice<UInt8> {
        arena[starts[code - 1]..<starts[code]]
    }

    /// Calls `body` with the bytes of code `code` (1-based) where they lie, without copying them.
    func withBytes<R>(of code: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = starts[code - 1]..<starts[code]
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The text of code `code` (1-based).
    func string(of code: Int) -> String {
        String(decoding: bytes(of: code), as: UTF8.self)
    }

    /// Whether every value is valid UTF-8 (checked value by value, as a file's bytes would be).
    var isValidUTF8: Bool {
        if !arena.contains(where: { $0 >= 0x80 }) { return true }
        return (1...count).allSatisfy { TextDecoding.firstInvalidUTF8(Array(bytes(of: $0))) == nil }
    }

    /// The first code (in order of first appearance) whose bytes contain `byte`, if any.
    func firstCode(containing byte: UInt8) -> Int? {
        guard let at = arena.firstIndex(of: byte) else { return nil }
        var low = 1, high = count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= at { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The code of `key`, adding it if new (first seen on `line`).
    mutating func code<C: Collection>(for key: C, line: Int) -> UInt32 where C.Element == UInt8 {
        let bytes = Array(key)
        return bytes.withUnsafeBufferPointer { code(for: $0, line: line) }
    }

    /// The code of the bytes in `key`, adding them if new (first seen on `line`).
    @inline(__always)
    mutating func code(for key: UnsafeBufferPointer<UInt8>, line: Int) -> UInt32 {
        code(for: key, hash: Self.hash(key), line: line)
    }

    /// The code of the `n` (1…8) bytes at `bytes`, which are also `word` (little-endian, the
    /// bytes past them zero), adding them if new: the loader has the word already, so the
    /// bytes are not read again to hash them.
    @inline(__always)
    mutating func code(forWord word: UInt64, count n: Int, bytes: UnsafePointer<UInt8>, line: Int) -> UInt32 {
        code(for: UnsafeBufferPointer(start: bytes, count: n), hash: Self.hash(word: word, count: n), line: line)
    }

    @inline(__always)
    private mutating func code(for key: UnsafeBufferPointer<UInt8>, hash: UInt64, line: Int) -> UInt32 {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let code = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
                let start = starts[code - 1]
                if starts[code] - start == key.count && matches(key, at: start) { return UInt32(code) }
            }
            slot = (slot + 1) & mask
        }
        arena.append(contentsOf: key)
        starts.append(arena.count)
        firstLine.append(line)
        let code = UInt32(count)
        slots[slot] = tag | UInt64(code)
        if count * 2 > mask { grow() }
        return code
    }

    @inline(__always)
    private func matches(_ key: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard let k = key.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { a in ColumnChunk.equal(a.baseAddress! + start, k, key.count) }
    }

    /// A 64-bit hash of `key`, eight bytes at a time; a key of up to eight bytes is hashed as
    /// one word (`hash(word:count:)`), so the loader, which has that word, gives the same hash.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = key.count
        guard let base = key.baseAddress else { return hash(word: 0, count: 0) }
        if n <= 8 { return hash(word: ColumnChunk.word(base, n, readable: n), count: n) }
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// The hash of a key of `n` (0…8) bytes that are `word` (little-endian, the rest zero). The
    /// length is mixed in, so that keys that differ only in trailing NUL bytes differ.
    @inline(__always)
    static func hash(word: UInt64, count n: Int) -> UInt64 {
        var h = (word ^ UInt64(truncatingIfNeeded: n) << 60) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        var fresh = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        arena.withUnsafeBufferPointer { a in
            for code in 1...count {
                let key = UnsafeBufferPointer(rebasing: a[starts[code - 1]..<starts[code]])
                let hash = Self.hash(key)
                var slot = Int(truncatingIfNeeded: hash) & newMask
                while fresh[slot] != 0 { slot = (slot + 1) & newMask }
                fresh[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(code)
            }
        }
        slots = fresh
        mask = newMask
    }
}
