import ArvioData

/// The hot aggregates (`count(x)`, `mean`, `sum`) as single passes over the stored column with
/// dense per-group accumulators: whole numbers are summed without being copied to decimals, a
/// scale is counted per group and code and then weighted by the scale points, and a missing
/// value adds nothing rather than branching. Long columns are split between the cores, each
/// with its own accumulators, added up at the end.
extension ExpressionEvaluator {
    /// How many rows of each group have a value, or nil for a type without a fast path.
    static func presentCounts(_ vector: Vector, _ groups: Grouping) -> [Int64]? {
        let k = groups.groupCount
        let parts = Parallel.ranges(groups.groupOf.count)
        let perPart: [[Int64]]
        switch vector {
        case .data(.integer(let v)):
            perPart = scan(groups, parts) { g, range, n in
                v.withUnsafeBufferPointer { v in for row in range { n[Int(g[row])] &+= v[row] == Missing.integer ? 0 : 1 } }
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
            if let (low, width) = smallRange(v, groups: k) {
                // Few distinct whole numbers (answers on a 1–5 scale): count each per group.
                let counts = Grouping(groupOf: groups.groupOf, groupCount: k * width, representatives: [], keyColumns: [])
                let perPart = scan(counts, parts) { g, range, n in
                    v.withUnsafeBufferPointer { v in
                        for row in range {
                            let x = v[row]
                            let slot = x == Missing.integer ? 0 : Int(truncatingIfNeeded: x &- low) &+ 1
                            n[Int(g[row]) &* width &+ slot] &+= 1
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
                v.withUnsafeBufferPointer { v in
                    for row in range {
                        let x = v[row], group = Int(g[row])
                        let present = x != Missing.integer
                        n[group] &+= present ? 1 : 0
                        s[group] += present ? Double(x) : 0
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

    /// The smallest value and the counter width (values + 1 for missing) when the whole numbers
    /// span so few values that a counter per group and value is cheaper than summing.
    private static func smallRange(_ values: [Int64], groups: Int) -> (low: Int64, width: Int)? {
        var low = Int64.max, high = Int64.min
        for x in values {
            low = min(low, x == Missing.integer ? .max : x)
            high = max(high, x)
        }
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
