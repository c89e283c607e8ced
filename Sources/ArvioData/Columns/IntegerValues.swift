/// The values of a whole-number column, stored in the narrowest signed width that holds them, so
/// that a 0–10 score costs one byte a row rather than eight. Each width reserves its own `min` as
/// the missing sentinel (as `Missing.integer` is `Int64.min`), so a column needs no validity mask;
/// read through the subscript, a missing value of any width is `Missing.integer`.
public enum IntegerValues: Sendable, RandomAccessCollection {
    case i8([Int8])
    case i16([Int16])
    case i32([Int32])
    case i64([Int64])

    /// The stored widths, narrowest first; the raw value is the bytes a value takes.
    public enum Width: Int, Sendable, Comparable {
        case i8 = 1, i16 = 2, i32 = 4, i64 = 8

        /// The narrowest width holding every value in `min...max` (the sentinel `min` of a
        /// width is not a value it holds).
        public init(min: Int64, max: Int64) {
            if min > Int64(Int8.min) && max <= Int64(Int8.max) { self = .i8 }
            else if min > Int64(Int16.min) && max <= Int64(Int16.max) { self = .i16 }
            else if min > Int64(Int32.min) && max <= Int64(Int32.max) { self = .i32 }
            else { self = .i64 }
        }

        /// The narrowest width holding every value in `values` other than `Missing.integer`.
        public init<S: Sequence>(of values: S) where S.Element == Int64 {
            var lo = Int64.max, hi = Int64.min
            for v in values where v != Missing.integer {
                lo = Swift.min(lo, v)
                hi = Swift.max(hi, v)
            }
            self = lo > hi ? .i8 : Width(min: lo, max: hi)
        }

        /// Narrower first.
        public static func < (a: Width, b: Width) -> Bool { a.rawValue < b.rawValue }
    }

    /// Packs `values` (missing as `Missing.integer`) into the narrowest width that holds them.
    public init(_ values: [Int64]) {
        self.init(values, width: Width(of: values))
    }

    /// `values` stored at `width`, which must hold every value that is not missing.
    public init(_ values: [Int64], width: Width) {
        switch width {
        case .i8: self = .i8(Self.narrowing(values))
        case .i16: self = .i16(Self.narrowing(values))
        case .i32: self = .i32(Self.narrowing(values))
        case .i64: self = .i64(values)
        }
    }

    /// `count` missing values, in the narrowest width.
    public init(repeatingMissing count: Int) {
        self = .i8(Array(repeating: .min, count: count))
    }

    /// `value` (or `Missing.integer`) repeated `count` times, in the narrowest width holding it.
    public init(repeating value: Int64, count: Int) {
        switch Width(of: CollectionOfOne(value)) {
        case .i8: self = .i8(Array(repeating: Self.narrow(value), count: count))
        case .i16: self = .i16(Array(repeating: Self.narrow(value), count: count))
        case .i32: self = .i32(Array(repeating: Self.narrow(value), count: count))
        case .i64: self = .i64(Array(repeating: value, count: count))
        }
    }

    /// An empty column.
    public init() { self = .i8([]) }

    /// The width the values are stored in.
    public var width: Width {
        switch self {
        case .i8: .i8
        case .i16: .i16
        case .i32: .i32
        case .i64: .i64
        }
    }

    /// The first row, 0.
    public var startIndex: Int { 0 }
    /// One past the last row.
    public var endIndex: Int { count }

    /// The number of rows.
    @inlinable
    public var count: Int {
        switch self {
        case .i8(let a): a.count
        case .i16(let a): a.count
        case .i32(let a): a.count
        case .i64(let a): a.count
        }
    }

    /// The value of row `row`; `Missing.integer` when missing. One switch per call: hot loops
    /// use `withBuffer` instead.
    @inlinable
    public subscript(row: Int) -> Int64 {
        switch self {
        case .i8(let a): IntegerValues.widen(a[row])
        case .i16(let a): IntegerValues.widen(a[row])
        case .i32(let a): IntegerValues.widen(a[row])
        case .i64(let a): a[row]
        }
    }

    /// All values widened to `Int64`, missing as `Missing.integer`; for paths that are not hot.
    public var widened: [Int64] {
        switch self {
        case .i8(let a): Self.widening(a)
        case .i16(let a): Self.widening(a)
        case .i32(let a): Self.widening(a)
        case .i64(let a): a
        }
    }

    /// The values of the rows in `rows`, in that order, at the same width.
    public func gathering(_ rows: [Int]) -> IntegerValues {
        switch self {
        case .i8(let a): .i8(Self.gathering(a, rows))
        case .i16(let a): .i16(Self.gathering(a, rows))
        case .i32(let a): .i32(Self.gathering(a, rows))
        case .i64(let a): .i64(Self.gathering(a, rows))
        }
    }

    /// The values of the rows in `rows`, a negative row giving a missing value (an unmatched
    /// row of an outer join or a cell `wider` has no value for), at the same width.
    public func gathering(orMissing rows: [Int]) -> IntegerValues {
        func gather<T: FixedWidthInteger & SignedInteger>(_ a: [T]) -> [T] {
            a.withUnsafeBufferPointer { v in rows.map { $0 < 0 ? T.min : v[$0] } }
        }
        switch self {
        case .i8(let a): return .i8(gather(a))
        case .i16(let a): return .i16(gather(a))
        case .i32(let a): return .i32(gather(a))
        case .i64(let a): return .i64(gather(a))
        }
    }

    /// The values of `parts` one after another, at the widest of their widths.
    public static func concatenating(_ parts: [IntegerValues]) -> IntegerValues {
        let width = parts.map(\.width).max() ?? .i8
        func join<T: FixedWidthInteger & SignedInteger>(_: T.Type) -> [T] {
            var out: [T] = []
            out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for part in parts {
                for value in part { out.append(narrow(value)) }
            }
            return out
        }
        switch width {
        case .i8: return .i8(join(Int8.self))
        case .i16: return .i16(join(Int16.self))
        case .i32: return .i32(join(Int32.self))
        case .i64: return .i64(join(Int64.self))
        }
    }

    /// Calls `body` with the values as a buffer of their stored width, so hot loops specialise
    /// per width with no switch per row.
    @inlinable
    public func withBuffer<R>(_ body: (IntegerBuffer) throws -> R) rethrows -> R {
        switch self {
        case .i8(let a): try a.withUnsafeBufferPointer { try body(.i8($0)) }
        case .i16(let a): try a.withUnsafeBufferPointer { try body(.i16($0)) }
        case .i32(let a): try a.withUnsafeBufferPointer { try body(.i32($0)) }
        case .i64(let a): try a.withUnsafeBufferPointer { try body(.i64($0)) }
        }
    }

    /// `value` as an `Int64`, its width's sentinel as `Missing.integer`.
    @inlinable @inline(__always)
    public static func widen<T: FixedWidthInteger & SignedInteger>(_ value: T) -> Int64 {
        value == T.min ? Missing.integer : Int64(truncatingIfNeeded: value)
    }

    /// `value` at width `T`, `Missing.integer` as `T`'s sentinel; `T` must hold the value.
    @inlinable @inline(__always)
    public static func narrow<S: FixedWidthInteger & SignedInteger, T: FixedWidthInteger & SignedInteger>(_ value: S) -> T {
        value == S.min ? T.min : T(truncatingIfNeeded: value)
    }

    private static func narrowing<T: FixedWidthInteger & SignedInteger>(_ values: [Int64]) -> [T] {
        [T](unsafeUninitializedCapacity: values.count) { out, initialized in
            values.withUnsafeBufferPointer { v in
                for i in v.indices { out[i] = narrow(v[i]) }
            }
            initialized = values.count
        }
    }

    private static func widening<T: FixedWidthInteger & SignedInteger>(_ values: [T]) -> [Int64] {
        [Int64](unsafeUninitializedCapacity: values.count) { out, initialized in
            values.withUnsafeBufferPointer { v in
                for i in v.indices { out[i] = widen(v[i]) }
            }
            initialized = values.count
        }
    }

    private static func gathering<T>(_ values: [T], _ rows: [Int]) -> [T] {
        values.withUnsafeBufferPointer { v in rows.map { v[$0] } }
    }
}

extension IntegerValues: ExpressibleByArrayLiteral {
    /// Packs the literal's values, as `init(_:)` does.
    public init(arrayLiteral elements: Int64...) { self.init(elements) }
}

extension IntegerValues: Equatable {
    /// Equal when the values are, whatever the widths.
    public static func == (a: IntegerValues, b: IntegerValues) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }
}

/// A borrowed view of `IntegerValues` at their stored width.
public enum IntegerBuffer {
    case i8(UnsafeBufferPointer<Int8>)
    case i16(UnsafeBufferPointer<Int16>)
    case i32(UnsafeBufferPointer<Int32>)
    case i64(UnsafeBufferPointer<Int64>)
}

extension ColumnData {
    /// Whole numbers from `values` (missing as `Missing.integer`), packed into the narrowest width.
    public static func integer(_ values: [Int64]) -> ColumnData { .integer(IntegerValues(values)) }
}
