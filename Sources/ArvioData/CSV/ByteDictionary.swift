/// A hash map from byte strings to dense codes 1, 2, 3…, built while a column is read, so each
/// cell is hashed once and no `String` is made until the distinct values are known.
struct ByteDictionary {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var slots: [UInt32]
    private var mask: Int
    /// For each code (index code-1), the first row it was seen in, to point errors at a line.
    private(set) var firstRow: [Int] = []

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

    /// The text of code `code` (1-based).
    func string(of code: Int) -> String {
        String(decoding: bytes(of: code), as: UTF8.self)
    }

    /// The code of `key`, adding it if new.
    mutating func code<C: Collection>(for key: C, row: Int) -> UInt32 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf29ce484222325
        for b in key { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let code = slots[slot]
            if code == 0 { break }
            let range = starts[Int(code) - 1]..<starts[Int(code)]
            if range.count == key.count && arena[range].elementsEqual(key) { return code }
            slot = (slot + 1) & mask
        }
        arena.append(contentsOf: key)
        starts.append(arena.count)
        firstRow.append(row)
        let code = UInt32(count)
        slots[slot] = code
        if count * 2 > mask { grow() }
        return code
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for code in 1...count {
            var hash: UInt64 = 0xcbf29ce484222325
            for b in bytes(of: code) { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(code)
        }
    }
}
