import ArvioData

/// Passes over whole numbers that hot verbs share, each specialised per stored width: the
/// width is switched on once per column, and each loop reads its own width with `T.min` as
/// the missing value.
extension IntegerValues {
    /// The values as decimals (NaN for missing), written in polled blocks on both cores.
    func decimals(_ poll: CancelPoll) -> [Double] {
        func convert<T: FixedWidthInteger & SignedInteger>(_ v: UnsafeBufferPointer<T>) -> [Double] {
            poll.array(v.count) { v[$0] == T.min ? .nan : Double(v[$0]) }
        }
        return withBuffer { buffer in
            switch buffer {
            case .i8(let b): convert(b)
            case .i16(let b): convert(b)
            case .i32(let b): convert(b)
            case .i64(let b): convert(b)
            }
        }
    }

    /// The truth of `value op constant` for each value, unknown where a value is missing.
    func comparing(_ op: BinaryOperator, _ constant: Int64, _ poll: CancelPoll) -> [Truth] {
        func compare<T: FixedWidthInteger & SignedInteger>(_ v: UnsafeBufferPointer<T>) -> [Truth] {
            // Each operator its own loop, so the comparison is not decided per row; written in
            // polled blocks on both cores.
            func fill(_ holds: (Int64) -> Bool) -> [Truth] {
                poll.array(v.count) { i in
                    let x = v[i]
                    return x == T.min ? .unknown : (holds(Int64(truncatingIfNeeded: x)) ? .yes : .no)
                }
            }
            switch op {
            case .equal: return fill { $0 == constant }
            case .notEqual: return fill { $0 != constant }
            case .less: return fill { $0 < constant }
            case .lessOrEqual: return fill { $0 <= constant }
            case .greater: return fill { $0 > constant }
            case .greaterOrEqual: return fill { $0 >= constant }
            default: return fill { _ in false }
            }
        }
        return withBuffer { buffer in
            switch buffer {
            case .i8(let b): compare(b)
            case .i16(let b): compare(b)
            case .i32(let b): compare(b)
            case .i64(let b): compare(b)
            }
        }
    }

    /// `.yes` where a value is missing, else `.no`.
    func missingTruths() -> [Truth] {
        func test<T: FixedWidthInteger & SignedInteger>(_ v: UnsafeBufferPointer<T>) -> [Truth] {
            v.map { $0 == T.min ? .yes : .no }
        }
        return withBuffer { buffer in
            switch buffer {
            case .i8(let b): test(b)
            case .i16(let b): test(b)
            case .i32(let b): test(b)
            case .i64(let b): test(b)
            }
        }
    }

    /// For `x in [..]`: whether each value is in `set`, unknown where it is missing. One or two
    /// bytes index a table of every value the width holds; wider values are hashed.
    func membership(_ set: Set<Int64>) -> [Truth] {
        func lookup<T: FixedWidthInteger & SignedInteger>(_ v: UnsafeBufferPointer<T>) -> [Truth] {
            var table = [Truth](repeating: .no, count: 1 << T.bitWidth)
            table[0] = .unknown
            for value in set where value > Int64(T.min) && value <= Int64(T.max) {
                table[Int(value) - Int(T.min)] = .yes
            }
            return table.withUnsafeBufferPointer { t in v.map { t[Int($0) &- Int(T.min)] } }
        }
        func hashed<T: FixedWidthInteger & SignedInteger>(_ v: UnsafeBufferPointer<T>) -> [Truth] {
            v.map { $0 == T.min ? .unknown : (set.contains(Int64(truncatingIfNeeded: $0)) ? .yes : .no) }
        }
        return withBuffer { buffer in
            switch buffer {
            case .i8(let b): lookup(b)
            case .i16(let b): lookup(b)
            case .i32(let b): hashed(b)
            case .i64(let b): hashed(b)
            }
        }
    }
}
