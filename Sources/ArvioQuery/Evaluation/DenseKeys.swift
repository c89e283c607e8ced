import ArvioData

/// Group ids straight from dictionary codes and small whole numbers. Each key column turns a
/// row into its rank through a small table (a category's code, a number's offset from the
/// smallest), and the ranks combine into one id per row in key order, missing last. No value
/// is hashed and no column is gathered through the selection first. Other key types (decimals,
/// text, wide number ranges) return nil and take `OrderedKeys`.
enum DenseKeys {
    /// The most combinations the dense ids may span.
    static let maximumCombinations = 1 << 20

    private enum Ranks {
        /// `table[code]` is the rank of a code.
        case codes(Codes, [Int32])
        /// The rank of `v` is `v - low`; a missing value's rank is `missing`.
        case integers([Int64], low: Int64, missing: Int32)
    }

    /// The id of each of `rows` (all rows when nil) and the number of possible ids, or nil when
    /// a key column is not dense.
    static func ids(for columns: [ColumnData], rows: [Int]?, rowCount: Int) -> (ids: [Int32], count: Int)? {
        var ranks: [(Ranks, Int)] = []
        var product = 1
        for data in columns {
            guard let (rank, count) = self.ranks(data) else { return nil }
            product *= count
            guard product <= maximumCombinations else { return nil }
            ranks.append((rank, count))
        }
        var ids = [Int32](repeating: 0, count: rowCount)
        let parts = Parallel.ranges(rowCount)
        ids.withUnsafeMutableBufferPointer { out in
            withRows(rows) { rows in
                for (rank, count) in ranks {
                    let stride = Int32(count)
                    switch rank {
                    case .codes(let codes, let table):
                        table.withUnsafeBufferPointer { table in
                            codes.withBuffer { buffer in
                                Parallel.forEach(parts.count) { k in
                                    switch buffer {
                                    case .u8(let b): combine(out, stride, rows, b, table, parts[k])
                                    case .u16(let b): combine(out, stride, rows, b, table, parts[k])
                                    case .u32(let b): combine(out, stride, rows, b, table, parts[k])
                                    }
                                }
                            }
                        }
                    case .integers(let values, let low, let missing):
                        values.withUnsafeBufferPointer { v in
                            Parallel.forEach(parts.count) { k in
                                combine(out, stride, rows, v, low: low, missing: missing, parts[k])
                            }
                        }
                    }
                }
            }
        }
        return (ids, product)
    }

    private static func withRows<R>(_ rows: [Int]?, _ body: (UnsafeBufferPointer<Int>?) -> R) -> R {
        guard let rows else { return body(nil) }
        return rows.withUnsafeBufferPointer { body($0) }
    }

    /// `out[i] = out[i] * stride + table[code of row i]` over `range`.
    private static func combine<C: FixedWidthInteger>(_ out: UnsafeMutableBufferPointer<Int32>, _ stride: Int32,
                                                      _ rows: UnsafeBufferPointer<Int>?, _ codes: UnsafeBufferPointer<C>,
                                                      _ table: UnsafeBufferPointer<Int32>, _ range: Range<Int>) {
        if let rows {
            for i in range { out[i] = out[i] &* stride &+ table[Int(codes[rows[i]])] }
        } else {
            for i in range { out[i] = out[i] &* stride &+ table[Int(codes[i])] }
        }
    }

    /// `out[i] = out[i] * stride + (value of row i - low)`, or `missing`, over `range`.
    private static func combine(_ out: UnsafeMutableBufferPointer<Int32>, _ stride: Int32,
                                _ rows: UnsafeBufferPointer<Int>?, _ values: UnsafeBufferPointer<Int64>,
                                low: Int64, missing: Int32, _ range: Range<Int>) {
        if let rows {
            for i in range {
                let x = values[rows[i]]
                out[i] = out[i] &* stride &+ (x == Missing.integer ? missing : Int32(truncatingIfNeeded: x &- low))
            }
        } else {
            for i in range {
                let x = values[i]
                out[i] = out[i] &* stride &+ (x == Missing.integer ? missing : Int32(truncatingIfNeeded: x &- low))
            }
        }
    }

    /// A column's rank table and rank count, when it is dense.
    private static func ranks(_ data: ColumnData) -> (Ranks, Int)? {
        switch data {
        case .categorical(let c, _):
            // As `OrderedKeys`: code order (scale or codebook order), missing (code 0) last.
            let levels = c.levels.count
            var table = [Int32](repeating: Int32(levels), count: levels + 1)
            for level in 0..<levels { table[level + 1] = Int32(level) }
            return (.codes(c.codes, table), levels + 1)
        case .integer(let values):
            var low = Int64.max, high = Int64.min
            for x in values {
                low = min(low, x == Missing.integer ? .max : x)
                high = max(high, x)
            }
            if low > high { return (.integers(values, low: 0, missing: 0), 1) }
            let (span, overflow) = high.subtractingReportingOverflow(low)
            guard !overflow, span < Int64(maximumCombinations) else { return nil }
            return (.integers(values, low: low, missing: Int32(span + 1)), Int(span) + 2)
        default:
            return nil
        }
    }
}
