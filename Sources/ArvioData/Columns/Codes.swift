/// Dictionary codes of a categorical column, stored in the narrowest integer width that holds
/// them, so that a survey answer costs one byte. Code 0 means missing; code k > 0 is level k-1.
public enum Codes: Sendable {
    case u8([UInt8])
    case u16([UInt16])
    case u32([UInt32])

    /// Codes for `count` rows, all missing, wide enough for `levelCount` levels.
    public init(repeatingMissing count: Int, levelCount: Int) {
        switch levelCount {
        case ..<256: self = .u8(Array(repeating: 0, count: count))
        case ..<65536: self = .u16(Array(repeating: 0, count: count))
        default: self = .u32(Array(repeating: 0, count: count))
        }
    }

    /// Packs `codes` into the narrowest width that holds `levelCount` levels.
    public init(_ codes: [UInt32], levelCount: Int) {
        switch levelCount {
        case ..<256: self = .u8(codes.map { UInt8(truncatingIfNeeded: $0) })
        case ..<65536: self = .u16(codes.map { UInt16(truncatingIfNeeded: $0) })
        default: self = .u32(codes)
        }
    }

    /// The number of rows.
    public var count: Int {
        switch self {
        case .u8(let a): a.count
        case .u16(let a): a.count
        case .u32(let a): a.count
        }
    }

    /// The code of row `row` (0 = missing).
    @inlinable
    public subscript(row: Int) -> Int {
        switch self {
        case .u8(let a): Int(a[row])
        case .u16(let a): Int(a[row])
        case .u32(let a): Int(a[row])
        }
    }

    /// All codes widened to `UInt32`; for code paths that are not hot.
    public var widened: [UInt32] {
        switch self {
        case .u8(let a): a.map(UInt32.init)
        case .u16(let a): a.map(UInt32.init)
        case .u32(let a): a
        }
    }

    /// The codes of the rows in `rows`, in that order, at the same width.
    public func gathering(_ rows: [Int]) -> Codes {
        switch self {
        case .u8(let a): .u8(rows.map { a[$0] })
        case .u16(let a): .u16(rows.map { a[$0] })
        case .u32(let a): .u32(rows.map { a[$0] })
        }
    }

    /// Calls `body` with the codes as a buffer of their stored width, so hot loops specialise.
    @inlinable
    public func withBuffer<R>(_ body: (CodeBuffer) throws -> R) rethrows -> R {
        switch self {
        case .u8(let a): try a.withUnsafeBufferPointer { try body(.u8($0)) }
        case .u16(let a): try a.withUnsafeBufferPointer { try body(.u16($0)) }
        case .u32(let a): try a.withUnsafeBufferPointer { try body(.u32($0)) }
        }
    }
}

/// A borrowed view of `Codes` at their stored width.
public enum CodeBuffer {
    case u8(UnsafeBufferPointer<UInt8>)
    case u16(UnsafeBufferPointer<UInt16>)
    case u32(UnsafeBufferPointer<UInt32>)
}
