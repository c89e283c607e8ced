import ArvioData

/// Group ids straight from dictionary codes and small whole numbers. Each key column turns a
/// row into its rank through a small table (a category's code, a number's offset from the
/// smallest), and the ranks combine into one id per row in key order, missing last. No value
/// is hashed and no column is gathered through the selection first. Other key types (decimals,
/// text, wide number ranges) return nil and take `OrderedKeys`.
enum DenseKeys {
    /// The most combinations the dense ids may span: a million, or as many as there are rows,
    /// so that the tables stay no larger than the columns.
    static func maximumCombinations(rowCount: Int) -> Int { max(1 << 20, rowCount) }

    private enum Ranks {
        /// `table[code]` is the rank of a code.
        case codes(Codes, [Int32])
        /// The rank of `v` is `v - low`; a missing value's rank is `missing`.
        case integers(IntegerValues, low: Int64, missing: Int32)
    }

    /// The id of each of `rows` (all rows when nil) and the number of possible ids, or nil when
    /// a key column is not dense.
    static func ids(for columns: [ColumnData], rows: [Int]?, rowCount: Int) -> (ids: [Int32], count: Int)? {
        var ranks: [(Ranks, Int)] = []
        var product = 1
        let limit = maximumCombinations(rowCount: rowCount)
        for data in columns {
            guard let (rank, count) = self.ranks(data, limit: limit) else { return nil }
            product *= count
            guard product <= limit else { return nil }
            ranks.append((rank, count))
        }
        // Written whole by the first key column, so not zeroed first.
        var ids = [Int32](unsafeUninitializedCapacity: rowCount) { _, initialized in initialized = rowCount }
        let parts = Parallel.ranges(rowCount)
        // Each core takes a part of the rows and runs every key column over one block of it at
        // a time, so a block's ids stay in cache between the columns.
        ids.withUnsafeMutableBufferPointer { out in
            withRows(rows) { rows in
                Parallel.forEach(parts.count) { k in
                    var start = parts[k].lowerBound
                    while start < parts[k].upperBound {
                        let block = start..<min(start + 8192, parts[k].upperBound)
                        for (index, (rank, count)) in ranks.enumerated() {
                            let stride: Int32 = index == 0 ? 0 : Int32(count)
                            switch rank {
                            case .codes(let codes, let table):
                                table.withUnsafeBufferPointer { table in
                                    codes.withBuffer { buffer in
                                        switch buffer {
                                        case .u8(let b): combine(out, stride, rows, b, table, block)
                                        case .u16(let b): combine(out, stride, rows, b, table, block)
                                        case .u32(let b): combine(out, stride, rows, b, table, block)
                                        }
                                    }
                                }
                            case .integers(let values, let low, let missing):
                                values.withBuffer { buffer in
                                    switch buffer {
                                    case .i8(let v): combine(out, stride, rows, v, low: low, missing: missing, block)
                                    case .i16(let v): combine(out, stride, rows, v, low: low, missing: missing, block)
                                    case .i32(let v): combine(out, stride, rows, v, low: low, missing: missing, block)
                                    case .i64(let v): combine(out, stride, rows, v, low: low, missing: missing, block)
                                    }
                                }
                            }
                        }
                        start = block.upperBound
                    }
                }
            }
        }
        return (ids, product)
    }

    static func withRows<R>(_ rows: [Int]?, _ body: (UnsafeBufferPointer<Int>?) -> R) -> R {
        guard let rows else { return body(nil) }
        return rows.withUnsafeBufferPointer { body($0) }
    }

    /// `out[i] = out[i] * stride + table[code of row i]` over `range` (the first column, stride 0, only writes).
    private static func combine<C: FixedWidthInteger>(_ out: UnsafeMutableBufferPointer<Int32>, _ stride: Int32,
                                                      _ rows: UnsafeBufferPointer<Int>?, _ codes: UnsafeBufferPointer<C>,
                                                      _ table: UnsafeBufferPointer<Int32>, _ range: Range<Int>) {
        switch (rows, stride) {
        case (let rows?, 0): for i in range { out[i] = table[Int(codes[rows[i]])] }
        case (let rows?, _): for i in range { out[i] = out[i] &* stride &+ table[Int(codes[rows[i]])] }
        case (nil, 0): for i in range { out[i] = table[Int(codes[i])] }
        case (nil, _): for i in range { out[i] = out[i] &* stride &+ table[Int(codes[i])] }
        }
    }

    /// `out[i] = out[i] * stride + (value of row i - low)`, or `missing`, over `range`.
    private static func combine<T: FixedWidthInteger & SignedInteger>(
        _ out: UnsafeMutableBufferPointer<Int32>, _ stride: Int32, _ rows: UnsafeBufferPointer<Int>?,
        _ values: UnsafeBufferPointer<T>, low: Int64, missing: Int32, _ range: Range<Int>
    ) {
        for i in range {
            let x = values[rows?[i] ?? i]
            let rank = x == T.min ? missing : Int32(truncatingIfNeeded: Int64(truncatingIfNeeded: x) &- low)
            out[i] = stride == 0 ? rank : out[i] &* stride &+ rank
        }
    }

    /// A column's rank table and rank count, when it is dense.
    private static func ranks(_ data: ColumnData, limit: Int) -> (Ranks, Int)? {
        switch data {
        case .categorical(let c, _):
            // As `OrderedKeys`: code order (scale or codebook order), missing (code 0) last.
            let levels = c.levels.count
            var table = [Int32](repeating: Int32(levels), count: levels + 1)
            for level in 0..<levels { table[level + 1] = Int32(level) }
            return (.codes(c.codes, table), levels + 1)
        case .integer(let values):
            let (low, high) = range(of: values)
            if low > high { return (.integers(values, low: 0, missing: 0), 1) }
            let (span, overflow) = high.subtractingReportingOverflow(low)
            guard !overflow, span < Int64(limit) else { return nil }
            return (.integers(values, low: low, missing: Int32(span + 1)), Int(span) + 2)
        default:
            return nil
        }
    }

    /// The smallest and largest present value (low > high when there is none), the halves of a
    /// long column on their own cores.
    static func range(of values: IntegerValues) -> (low: Int64, high: Int64) {
        values.withBuffer { buffer in
            switch buffer {
            case .i8(let v): range(of: v)
            case .i16(let v): range(of: v)
            case .i32(let v): range(of: v)
            case .i64(let v): range(of: v)
            }
        }
    }

    /// `range(of:)` at one stored width, whose sentinel `T.min` is below every value.
    static func range<T: FixedWidthInteger & SignedInteger>(of v: UnsafeBufferPointer<T>) -> (low: Int64, high: Int64) {
        let parts = Parallel.ranges(v.count)
        let found = Parallel.map(parts.count) { k -> (T, T) in
            var low = T.max, high = T.min
            for i in parts[k] {
                let x = v[i]
                low = min(low, x == T.min ? .max : x)
                high = max(high, x)
            }
            return (low, high)
        }
        let low = found.map(\.0).min() ?? .max, high = found.map(\.1).max() ?? .min
        guard low <= high, high != T.min else { return (.max, .min) }
        return (Int64(low), Int64(high))
    }
}

/// The dense id of a combination of categorical codes, filled a block of rows at a time into a
/// small buffer the caller reuses: `DenseKeys`' ids (level order, missing last, the first
/// column most significant) without an array of them per row. A part may rank its codes by a
/// table of its own (a phase's side of each code).
struct CodeCombination {
    /// One column: its codes, each code's rank, and how many ranks there are.
    struct Part {
        var codes: Codes
        var ranks: [Int32]
        var count: Int
        /// Whether the ranks are level order, missing last: code − 1, and code 0 last, which
        /// is worked out rather than looked up (a unit column's table would not stay in cache).
        var levelOrder = false

        /// Ranks as `DenseKeys` takes them: level order, missing (code 0) last.
        init(_ c: CategoricalData) {
            let levels = c.levels.count
            var ranks = [Int32](repeating: Int32(levels), count: levels + 1)
            for level in 0..<levels { ranks[level + 1] = Int32(level) }
            self.init(codes: c.codes, ranks: ranks, count: levels + 1)
            levelOrder = true
        }

        /// A part with ranks of its own, each below `count`.
        init(codes: Codes, ranks: [Int32], count: Int) {
            self.codes = codes
            self.ranks = ranks
            self.count = count
        }

        /// The rank of `code` in level order, missing last.
        @inline(__always)
        static func levelRank(_ code: Int, missing: Int) -> Int {
            code == 0 ? missing : code &- 1
        }
    }

    let parts: [Part]
    /// How many ids there are (the product of the parts' rank counts).
    let count: Int

    /// The combination of `parts`, or nil when its ids would pass `limit` (or `Int32`).
    init?(_ parts: [Part], limit: Int) {
        var product = 1
        for part in parts {
            let (next, overflow) = product.multipliedReportingOverflow(by: part.count)
            guard !overflow, next <= limit, next < Int(Int32.max) else { return nil }
            product = next
        }
        self.parts = parts
        count = product
    }

    /// `out[i]` = the id of frame row `range.lowerBound + i` (its table row through `rows`).
    func fill(_ out: UnsafeMutableBufferPointer<Int32>, rows: UnsafeBufferPointer<Int>?, _ range: Range<Int>) {
        if parts.isEmpty {
            for i in 0..<range.count { out[i] = 0 }
            return
        }
        for (index, part) in parts.enumerated() {
            let stride: Int32 = index == 0 ? 0 : Int32(part.count)
            if part.levelOrder {
                let missing = Int32(part.count - 1)
                part.codes.withBuffer { buffer in
                    switch buffer {
                    case .u8(let b): Self.combine(out, stride, rows, b, missing: missing, range)
                    case .u16(let b): Self.combine(out, stride, rows, b, missing: missing, range)
                    case .u32(let b): Self.combine(out, stride, rows, b, missing: missing, range)
                    }
                }
                continue
            }
            part.ranks.withUnsafeBufferPointer { ranks in
                part.codes.withBuffer { buffer in
                    switch buffer {
                    case .u8(let b): Self.combine(out, stride, rows, b, ranks, range)
                    case .u16(let b): Self.combine(out, stride, rows, b, ranks, range)
                    case .u32(let b): Self.combine(out, stride, rows, b, ranks, range)
                    }
                }
            }
        }
    }

    /// The same with ranks in level order, missing last.
    @inline(__always)
    private static func combine<C: FixedWidthInteger>(_ out: UnsafeMutableBufferPointer<Int32>, _ stride: Int32,
                                                      _ rows: UnsafeBufferPointer<Int>?, _ codes: UnsafeBufferPointer<C>,
                                                      missing: Int32, _ range: Range<Int>) {
        let base = range.lowerBound, n = range.count
        @inline(__always) func rank(_ code: C) -> Int32 { code == 0 ? missing : Int32(truncatingIfNeeded: code) &- 1 }
        switch (rows, stride) {
        case (let rows?, 0): for i in 0..<n { out[i] = rank(codes[rows[base + i]]) }
        case (let rows?, _): for i in 0..<n { out[i] = out[i] &* stride &+ rank(codes[rows[base + i]]) }
        case (nil, 0): for i in 0..<n { out[i] = rank(codes[base + i]) }
        case (nil, _): for i in 0..<n { out[i] = out[i] &* stride &+ rank(codes[base + i]) }
        }
    }

    /// `out[i] = out[i] * stride + rank of row range.lowerBound + i` (stride 0: only writes).
    @inline(__always)
    private static func combine<C: FixedWidthInteger>(_ out: UnsafeMutableBufferPointer<Int32>, _ stride: Int32,
                                                      _ rows: UnsafeBufferPointer<Int>?, _ codes: UnsafeBufferPointer<C>,
                                                      _ ranks: UnsafeBufferPointer<Int32>, _ range: Range<Int>) {
        let base = range.lowerBound, n = range.count
        switch (rows, stride) {
        case (let rows?, 0): for i in 0..<n { out[i] = ranks[Int(codes[rows[base + i]])] }
        case (let rows?, _): for i in 0..<n { out[i] = out[i] &* stride &+ ranks[Int(codes[rows[base + i]])] }
        case (nil, 0): for i in 0..<n { out[i] = ranks[Int(codes[base + i])] }
        case (nil, _): for i in 0..<n { out[i] = out[i] &* stride &+ ranks[Int(codes[base + i])] }
        }
    }
}
