/// One column's dictionary codes while a file is read, kept in the narrowest width that holds
/// them: one byte per row until the dictionary passes 255 values, then two, then four.
///
/// The codes live in a raw buffer rather than an array: `append` is the innermost step of a
/// load (once per cell), and an array's append checks uniqueness and capacity through its heap
/// header every time. The buffer is not copy-on-write, so only the `ColumnChunk` that parses a
/// stretch appends, in place; everything after the parse only reads, and copies then share
/// the buffer safely.
struct CodeVector {
    private var storage: RawStorage
    /// `storage.base`, held here so that an append does not go through the class.
    private var base: UnsafeMutableRawPointer
    /// How many codes.
    private(set) var count = 0
    /// How many codes of the current width fit.
    private var capacity: Int
    /// Bytes per code: 1, 2 or 4.
    private(set) var width = 1
    private var largest: UInt32 = 255

    init(reservingCapacity capacity: Int = 0) {
        self.capacity = Swift.max(16, capacity)
        storage = RawStorage(byteCount: self.capacity)
        base = storage.base
    }

    /// Adds `code` after the others.
    @inline(__always)
    mutating func append(_ code: UInt32) {
        if code > largest || count == capacity { grow(for: code) }
        switch width {
        case 1: base.storeBytes(of: UInt8(truncatingIfNeeded: code), toByteOffset: count, as: UInt8.self)
        case 2: base.storeBytes(of: UInt16(truncatingIfNeeded: code), toByteOffset: count &* 2, as: UInt16.self)
        default: base.storeBytes(of: code, toByteOffset: count &* 4, as: UInt32.self)
        }
        count &+= 1
    }

    /// Adds `code`, which an earlier `append` has already added (so it fits the width).
    @inline(__always)
    mutating func appendFitting(_ code: UInt32) {
        assert(code <= largest)
        if count == capacity { grow(for: code) }
        switch width {
        case 1: base.storeBytes(of: UInt8(truncatingIfNeeded: code), toByteOffset: count, as: UInt8.self)
        case 2: base.storeBytes(of: UInt16(truncatingIfNeeded: code), toByteOffset: count &* 2, as: UInt16.self)
        default: base.storeBytes(of: code, toByteOffset: count &* 4, as: UInt32.self)
        }
        count &+= 1
    }

    /// Makes room for one more code, wide enough for `code`: twice the capacity when full, and
    /// the next width when `code` does not fit the current one.
    @inline(never)
    private mutating func grow(for code: UInt32) {
        let newWidth = code <= largest ? width : code <= UInt32(UInt16.max) ? 2 : 4
        let newCapacity = count == capacity ? capacity * 2 : capacity
        let fresh = RawStorage(byteCount: newCapacity * newWidth)
        switch (width, newWidth) {
        case (1, 1), (2, 2), (4, 4):
            fresh.base.copyMemory(from: base, byteCount: count * width)
        case (1, 2): widen(UInt8.self, to: UInt16.self, into: fresh.base)
        case (1, 4): widen(UInt8.self, to: UInt32.self, into: fresh.base)
        default: widen(UInt16.self, to: UInt32.self, into: fresh.base)
        }
        storage = fresh
        base = fresh.base
        capacity = newCapacity
        width = newWidth
        largest = newWidth == 1 ? 255 : newWidth == 2 ? UInt32(UInt16.max) : .max
    }

    private func widen<From: FixedWidthInteger, To: FixedWidthInteger>(_: From.Type, to: To.Type,
                                                                       into destination: UnsafeMutableRawPointer) {
        let from = base.assumingMemoryBound(to: From.self)
        let to = destination.assumingMemoryBound(to: To.self)
        for i in 0..<count { to[i] = To(truncatingIfNeeded: from[i]) }
    }

    /// The code of row `row`.
    subscript(row: Int) -> Int {
        precondition(row >= 0 && row < count, "code index out of range")
        switch width {
        case 1: return Int(base.load(fromByteOffset: row, as: UInt8.self))
        case 2: return Int(base.load(fromByteOffset: row * 2, as: UInt16.self))
        default: return Int(base.load(fromByteOffset: row * 4, as: UInt32.self))
        }
    }

    /// Calls `body` with each row and its code widened to `Int`, in row order, through a buffer
    /// of the stored width.
    @inline(__always)
    func forEach(_ body: (Int, Int) -> Void) {
        switch width {
        case 1: each(UInt8.self, body)
        case 2: each(UInt16.self, body)
        default: each(UInt32.self, body)
        }
    }

    @inline(__always)
    private func each<T: FixedWidthInteger>(_: T.Type, _ body: (Int, Int) -> Void) {
        let codes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: T.self), count: count)
        for i in codes.indices { body(i, Int(codes[i])) }
        withExtendedLifetime(storage) {}
    }

    /// Writes `table[code]` for each row's code to `out` (which has room for `count`), in row
    /// order; with `rows`, only those rows (to `out + row`).
    func map<T>(through table: UnsafeBufferPointer<T>, into out: UnsafeMutablePointer<T>, rows: Range<Int>? = nil) {
        let rows = rows ?? 0..<count
        switch width {
        case 1: map(UInt8.self, through: table, into: out, rows)
        case 2: map(UInt16.self, through: table, into: out, rows)
        default: map(UInt32.self, through: table, into: out, rows)
        }
    }

    private func map<C: FixedWidthInteger, T>(_: C.Type, through table: UnsafeBufferPointer<T>,
                                              into out: UnsafeMutablePointer<T>, _ rows: Range<Int>) {
        let codes = base.assumingMemoryBound(to: C.self)
        // Every code was handed out by the dictionary the table was built from, so it is in
        // range; the check stays (one compare per row) so a broken invariant traps, not corrupts.
        for i in rows {
            let code = Int(codes[i])
            precondition(code < table.count, "a code outside its dictionary")
            (out + i).initialize(to: table[code])
        }
        withExtendedLifetime(storage) {}
    }
}

/// A raw, 8-byte-aligned allocation freed with its owner: the buffers a load writes at each cell.
final class RawStorage {
    let base: UnsafeMutableRawPointer

    init(byteCount: Int) {
        base = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(8, byteCount), alignment: 8)
    }

    deinit { base.deallocate() }
}
