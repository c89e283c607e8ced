/// One column's dictionary codes while a file is read, kept in the narrowest width that holds
/// them: one byte per row until the dictionary passes 255 values, then two, then four.
struct CodeVector {
    private(set) var u8: [UInt8] = []
    private(set) var u16: [UInt16] = []
    private(set) var u32: [UInt32] = []
    /// Bytes per code: 1, 2 or 4.
    private(set) var width = 1
    private var largest: UInt32 = 255

    init(reservingCapacity capacity: Int = 0) {
        u8.reserveCapacity(capacity)
    }

    /// How many codes.
    var count: Int {
        switch width {
        case 1: u8.count
        case 2: u16.count
        default: u32.count
        }
    }

    @inline(__always)
    mutating func append(_ code: UInt32) {
        if code > largest { widen(for: code) }
        switch width {
        case 1: u8.append(UInt8(truncatingIfNeeded: code))
        case 2: u16.append(UInt16(truncatingIfNeeded: code))
        default: u32.append(code)
        }
    }

    private mutating func widen(for code: UInt32) {
        if code <= UInt32(UInt16.max) {
            u16 = u8.map(UInt16.init)
            u16.reserveCapacity(u8.capacity)
            u8 = []
            width = 2
            largest = UInt32(UInt16.max)
        } else {
            u32 = width == 1 ? u8.map(UInt32.init) : u16.map(UInt32.init)
            u32.reserveCapacity(Swift.max(u8.capacity, u16.capacity))
            u8 = []
            u16 = []
            width = 4
            largest = .max
        }
    }

    /// Calls `body` with each code widened to `Int`, in row order, through a buffer of the stored width.
    @inline(__always)
    func forEach(_ body: (Int, Int) -> Void) {
        switch width {
        case 1: u8.withUnsafeBufferPointer { b in for i in b.indices { body(i, Int(b[i])) } }
        case 2: u16.withUnsafeBufferPointer { b in for i in b.indices { body(i, Int(b[i])) } }
        default: u32.withUnsafeBufferPointer { b in for i in b.indices { body(i, Int(b[i])) } }
        }
    }
}
