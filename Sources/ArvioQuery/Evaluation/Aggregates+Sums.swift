import ArvioData

/// The hot aggregates (`count(x)`, `mean`, `sum`) as single passes over the stored column with
/// dense per-group accumulators: whole numbers are summed without being copied to decimals, a
/// scale is counted per group and code and then weighted by the scale points, and a missing
/// value adds nothing rather than branching. Long columns are split between the cores, each
/// with its own accumulators, added up at the end.
extension ExpressionEvaluator {
    /// `count(x)`, `mean(x)` or `sum(x)` of a column from the counts and sums of its values per
    /// group, computed once per column for all the aggregates of one `group` step; nil when
    /// the column's type has no fast path.
    mutating func columnSums(_ function: Function, _ vector: Vector?, _ argument: Expression?,
                             _ groups: Grouping, _ whole: Expression) throws(Diagnostic) -> (vector: Vector, skipped: Int)? {
        guard [.count, .mean, .sum].contains(function), let vector, let name = argument?.columnName else { return nil }
        guard let (n, sum) = sumsByColumn[name] ?? Self.sums(vector, groups) else { return nil }
        sumsByColumn[name] = (n, sum)
        let skipped = vector.count - Int(n.reduce(0, +))
        switch function {
        case .count:
            return (.data(.integer(n)), 0)
        case .sum:
            return (try Self.checkedSums(sum, of: vector, argument, groups, whole), skipped)
        default:
            // A decimal sum beyond the largest double leaves the mean to the slower running mean.
            guard sum.allSatisfy({ $0.isFinite }) else { return nil }
            return (.data(.decimal(zip(n, sum).map { $0 > 0 ? $1 / Double($0) : .nan })), skipped)
        }
    }

    /// The sums as the column's type: whole numbers summed again exactly in 64 bits when the
    /// decimal sums could have rounded (beyond 2^53), an error when a sum cannot be represented,
    /// so that no rounded, missing or infinite sum reaches a table.
    static func checkedSums(_ sum: [Double], of vector: Vector, _ argument: Expression?, _ groups: Grouping,
                            _ whole: Expression) throws(Diagnostic) -> Vector {
        let column = argument?.columnName ?? "x"
        let what = "sum(\(argument?.columnName ?? "…"))"
        guard case .data(.integer(let values)) = vector else {
            if sum.contains(where: { $0.isInfinite }) {
                throw Diagnostic(whole.position, "\(what) is beyond the largest decimal number (±1.8e308) in at least one group; scale the values down first, e.g. sum(\(column) / 1000)")
            }
            return .data(.decimal(sum))
        }
        // Decimal partial sums are exact while every one stays below 2^53, which holds when the
        // largest magnitude times the row count does.
        let (low, high) = DenseKeys.range(of: values)
        let largest = Swift.max(Swift.abs(Double(low)), Swift.abs(Double(high)))
        guard largest * Double(values.count) >= 9_007_199_254_740_992 else {
            return .data(.integer(sum.map { Int64($0) }))
        }
        var exact = [Int64](repeating: 0, count: groups.groupCount)
        var present = [Bool](repeating: false, count: groups.groupCount)
        for (row, x) in values.enumerated() where !Missing.isMissing(x) {
            let group = Int(groups.groupOf[row])
            let (total, overflow) = exact[group].addingReportingOverflow(x)
            if overflow || Missing.isMissing(total) {
                throw Diagnostic(whole.position, "\(what) is beyond the largest whole number (9223372036854775807) in at least one group; write the sum of decimals instead, e.g. sum(\(column) * 1.0)")
            }
            exact[group] = total
            present[group] = true
        }
        return .data(.integer(exact))
    }

    /// How many rows of each group have a value, or nil for a type without a fast path.
    static func presentCounts(_ vector: Vector, _ groups: Grouping) -> [Int64]? {
        let k = groups.groupCount
        let parts = Parallel.ranges(groups.groupOf.count)
        let perPart: [[Int64]]
        switch vector {
        case .data(.integer(let v)):
            perPart = scan(groups, parts) { g, range, n in
                func count<T: FixedWidthInteger & SignedInteger>(_ v: UnsafeBufferPointer<T>) {
                    for row in range { n[Int(g[row])] &+= v[row] == T.min ? 0 : 1 }
                }
                v.withBuffer { buffer in
                    switch buffer {
                    case .i8(let b): count(b)
                    case .i16(let b): count(b)
                    case .i32(let b): count(b)
                    case .i64(let b): count(b)
                    }
                }
            }
        case .data(.decimal(let v)):
            perPart = scan(groups, parts) { g, range, n in
                v.withUnsafeBufferPointer { v in for row in range { n[Int(g[row])] &+= v[row].isNaN ? 0 : 1 } }
            }
        case .data(.categorical(let c, _)):
            perPart = scan(groups, parts) { g, range, n in
                c.codes.withBuffer { buffer in
                    switch buffer {
                    case .u8(let b): for row in range { n[Int(g[row])] &+= b[row] == 0 ? 0 : 1 }
                    case .u16(let b): for row in range { n[Int(g[row])] &+= b[row] == 0 ? 0 : 1 }
                    case .u32(let b): for row in range { n[Int(g[row])] &+= b[row] == 0 ? 0 : 1 }
                    }
                }
            }
        default:
            return nil
        }
        return (0..<k).map { group in perPart.reduce(0) { $0 + $1[group] } }
    }

    /// The number of values and their sum in each group, or nil for a type without a fast path.
    static func sums(_ vector: Vector, _ groups: Grouping) -> (n: [Int64], sum: [Double])? {
        let k = groups.groupCount
        let parts = Parallel.ranges(groups.groupOf.count)
        var n = [Int64](repeating: 0, count: k)
        var sum = [Double](repeating: 0, count: k)
        switch vector {
        case .data(.integer(let v)):
            if let counted = smallValueSums(v, groups, parts) { return counted }
            if let (low, width) = smallRange(v, groups: k) {
                // Few distinct whole numbers (answers on a 1–5 scale): count each per group.
                let counts = Grouping(groupOf: groups.groupOf, groupCount: k * width, representatives: [], keyColumns: [])
                let perPart = scan(counts, parts) { g, range, n in
                    func count<T: FixedWidthInteger & SignedInteger>(_ v: UnsafeBufferPointer<T>) {
                        for row in range {
                            let x = v[row]
                            let slot = x == T.min ? 0 : Int(truncatingIfNeeded: Int64(truncatingIfNeeded: x) &- low) &+ 1
                            n[Int(g[row]) &* width &+ slot] &+= 1
                        }
                    }
                    v.withBuffer { buffer in
                        switch buffer {
                        case .i8(let b): count(b)
                        case .i16(let b): count(b)
                        case .i32(let b): count(b)
                        case .i64(let b): count(b)
                        }
                    }
                }
                for group in 0..<k {
                    for slot in 1..<width {
                        let count = perPart.reduce(0) { $0 + $1[group * width + slot] }
                        n[group] += count
                        sum[group] += Double(count) * Double(low + Int64(slot - 1))
                    }
                }
                return (n, sum)
            }
            let perPart = sumScan(groups, parts) { g, range, n, s in
                func add<T: FixedWidthInteger & SignedInteger>(_ v: UnsafeBufferPointer<T>) {
                    for row in range {
                        let x = v[row], group = Int(g[row])
                        let present = x != T.min
                        n[group] &+= present ? 1 : 0
                        s[group] += present ? Double(x) : 0
                    }
                }
                v.withBuffer { buffer in
                    switch buffer {
                    case .i8(let b): add(b)
                    case .i16(let b): add(b)
                    case .i32(let b): add(b)
                    case .i64(let b): add(b)
                    }
                }
            }
            for part in perPart { for group in 0..<k { n[group] += part.n[group]; sum[group] += part.sum[group] } }
        case .data(.decimal(let v)):
            let perPart = sumScan(groups, parts) { g, range, n, s in
                v.withUnsafeBufferPointer { v in
                    for row in range {
                        let x = v[row], group = Int(g[row])
                        let present = !x.isNaN
                        n[group] &+= present ? 1 : 0
                        s[group] += present ? x : 0
                    }
                }
            }
            for part in perPart { for group in 0..<k { n[group] += part.n[group]; sum[group] += part.sum[group] } }
        case .data(.categorical(let c, true)) where c.levels.allSatisfy({ $0.number != nil }):
            // Dense counters per group and code, then the scale points' weighted sum.
            let width = c.levels.count + 1
            let counts = Grouping(groupOf: groups.groupOf, groupCount: k * width, representatives: [], keyColumns: [])
            let perPart = scan(counts, parts) { g, range, n in
                c.codes.withBuffer { buffer in
                    switch buffer {
                    case .u8(let b): for row in range { n[Int(g[row]) * width + Int(b[row])] &+= 1 }
                    case .u16(let b): for row in range { n[Int(g[row]) * width + Int(b[row])] &+= 1 }
                    case .u32(let b): for row in range { n[Int(g[row]) * width + Int(b[row])] &+= 1 }
                    }
                }
            }
            for group in 0..<k {
                for code in 1..<width {
                    let count = perPart.reduce(0) { $0 + $1[group * width + code] }
                    n[group] += count
                    sum[group] += Double(count) * (c.levels[code - 1].number ?? 0)
                }
            }
        default:
            return nil
        }
        return (n, sum)
    }

    /// Counts and sums when every value lies in 0..<64 (answers on a scale, counts of sessions),
    /// found out in the same pass: each value is counted per group, a value outside the window
    /// is counted apart, and any such value gives nil so that the caller takes a wider path.
    private static func smallValueSums(_ values: IntegerValues, _ groups: Grouping, _ parts: [Range<Int>]) -> (n: [Int64], sum: [Double])? {
        values.withBuffer { buffer in
            switch buffer {
            case .i8(let v): smallValueSums(v, groups, parts)
            case .i16(let v): smallValueSums(v, groups, parts)
            case .i32(let v): smallValueSums(v, groups, parts)
            case .i64(let v): smallValueSums(v, groups, parts)
            }
        }
    }

    /// `smallValueSums` at one stored width (the sentinel `T.min` is negative, so outside the window).
    private static func smallValueSums<T: FixedWidthInteger & SignedInteger>(
        _ v: UnsafeBufferPointer<T>, _ groups: Grouping, _ parts: [Range<Int>]
    ) -> (n: [Int64], sum: [Double])? {
        let k = groups.groupCount
        let width = 65
        guard k * width <= 1 << 16 else { return nil }
        let perPart: [([Int64], Int)] = groups.groupOf.withUnsafeBufferPointer { g in
            Parallel.map(parts.count) { part in
                var counts = [Int64](repeating: 0, count: k * width)
                // Counted in a local of the loop's own closure, so it stays in a register.
                let outside = counts.withUnsafeMutableBufferPointer { n -> Int in
                    var outside = 0
                    for row in parts[part] {
                        let x = v[row]
                        let inside = UInt64(bitPattern: Int64(truncatingIfNeeded: x)) < 64
                        outside &+= (!inside && x != T.min) ? 1 : 0
                        n[Int(g[row]) &* width &+ (inside ? Int(truncatingIfNeeded: x) &+ 1 : 0)] &+= 1
                    }
                    return outside
                }
                return (counts, outside)
            }
        }
        guard perPart.allSatisfy({ $0.1 == 0 }) else { return nil }
        var n = [Int64](repeating: 0, count: k)
        var sum = [Double](repeating: 0, count: k)
        for group in 0..<k {
            for slot in 1..<width {
                let count = perPart.reduce(0) { $0 + $1.0[group * width + slot] }
                n[group] += count
                sum[group] += Double(count) * Double(slot - 1)
            }
        }
        return (n, sum)
    }

    /// The smallest value and the counter width (values + 1 for missing) when the whole numbers
    /// span so few values that a counter per group and value is cheaper than summing.
    private static func smallRange(_ values: IntegerValues, groups: Int) -> (low: Int64, width: Int)? {
        let (low, high) = DenseKeys.range(of: values)
        guard low <= high, high &- low >= 0, high &- low < 256, groups * Int(high - low + 2) <= 1 << 16 else { return nil }
        return (low, Int(high - low) + 2)
    }

    /// Runs `body` over each part of the rows with its own `groupCount` counters.
    private static func scan(_ groups: Grouping, _ parts: [Range<Int>],
                             _ body: (UnsafeBufferPointer<Int32>, Range<Int>, UnsafeMutableBufferPointer<Int64>) -> Void) -> [[Int64]] {
        groups.groupOf.withUnsafeBufferPointer { g in
            Parallel.map(parts.count) { k in
                var n = [Int64](repeating: 0, count: groups.groupCount)
                n.withUnsafeMutableBufferPointer { body(g, parts[k], $0) }
                return n
            }
        }
    }

    /// Runs `body` over each part of the rows with its own counts and sums.
    private static func sumScan(_ groups: Grouping, _ parts: [Range<Int>],
                                _ body: (UnsafeBufferPointer<Int32>, Range<Int>, UnsafeMutableBufferPointer<Int64>,
                                         UnsafeMutableBufferPointer<Double>) -> Void) -> [(n: [Int64], sum: [Double])] {
        groups.groupOf.withUnsafeBufferPointer { g in
            Parallel.map(parts.count) { k in
                var n = [Int64](repeating: 0, count: groups.groupCount)
                var s = [Double](repeating: 0, count: groups.groupCount)
                n.withUnsafeMutableBufferPointer { n in s.withUnsafeMutableBufferPointer { body(g, parts[k], n, $0) } }
                return (n, s)
            }
        }
    }
}
