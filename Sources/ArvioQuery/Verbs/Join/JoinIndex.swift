import ArvioData

/// The index of a join on one key column whose right values are unique (one row per
/// participant): each left row's key is a *slot* (its category code, or a whole number's offset
/// from the smallest right key), and each slot's right row is found once. A left row's match is
/// then one lookup in a table no larger than the key's levels, no key is hashed per row, and a
/// right column is gathered through a per-slot table of its values (the "late" lookup of a
/// group key: no per-row array of right rows is built).
struct JoinIndex {
    /// How a left row's slot is read.
    enum Slots {
        /// The left key's category codes: the slot is the code (0, missing, never matches).
        case codes(Codes)
        /// Whole numbers: the slot is `value - low` when that is in `0..<count`, else `count`,
        /// the slot that never matches (missing values land there too).
        case integers(IntegerValues, low: Int64, count: Int)
    }

    /// The left key column's slots.
    let slots: Slots
    /// The right row of each slot, -1 for none; one entry more than there are slots so the
    /// "no match" slot of `.integers` has its own entry.
    let rightRowOfSlot: [Int32]

    /// Whether the two key columns' types can have an index (the right key may still repeat).
    static func mayIndex(left: ColumnData, right: ColumnData) -> Bool {
        switch (left, right) {
        case (.categorical, .categorical), (.categorical, .text), (.integer, .integer): true
        default: false
        }
    }

    /// The index for the left key `left` and the right key `right`, or nil when the right key
    /// repeats a value, the types differ, or the key is not dense enough for a direct table.
    static func make(left: ColumnData, right: ColumnData) -> JoinIndex? {
        guard right.count < Int(Int32.max) else { return nil }
        switch (left, right) {
        case (.categorical(let l, _), .categorical(let r, _)):
            // The right row of each right code; a code seen twice means the key is not unique.
            var rowOfRightCode = [Int32](repeating: -1, count: r.levels.count + 1)
            let unique: Bool = rowOfRightCode.withUnsafeMutableBufferPointer { rows in
                r.codes.withBuffer { buffer in
                    switch buffer {
                    case .u8(let b): return fillRows(rows, b)
                    case .u16(let b): return fillRows(rows, b)
                    case .u32(let b): return fillRows(rows, b)
                    }
                }
            }
            guard unique else { return nil }
            let rightCode = JoinKeys.translate(l.levels, to: r.levels)
            var table = [Int32](repeating: -1, count: l.levels.count + 2)
            for code in 1..<(l.levels.count + 1) where rightCode[code] > 0 {
                table[code] = rowOfRightCode[Int(rightCode[code])]
            }
            return JoinIndex(slots: .codes(l.codes), rightRowOfSlot: table)
        case (.categorical(let l, _), .text(let r)):
            // A table of one row per participant often reads its id as text (every value
            // distinct): its values are matched to the left levels once.
            guard let position = JoinKeys.match(l.levels.map(\.value), r, requireUnique: true) else { return nil }
            var table = [Int32](repeating: -1, count: l.levels.count + 2)
            for code in 1..<(l.levels.count + 1) where position[code - 1] > 0 {
                table[code] = Int32(position[code - 1] - 1)
            }
            return JoinIndex(slots: .codes(l.codes), rightRowOfSlot: table)
        case (.integer(let l), .integer(let r)):
            let (low, high) = DenseKeys.range(of: r)
            guard low <= high else { return nil }
            let (span, overflow) = high.subtractingReportingOverflow(low)
            // A table up to four times the right rows (and at least 64k) stays within the
            // memory the right table itself takes.
            guard !overflow, span < Int64(max(4 * r.count, 1 << 16)) else { return nil }
            let count = Int(span) + 1
            var table = [Int32](repeating: -1, count: count + 1)
            for (row, value) in r.enumerated() where !Missing.isMissing(value) {
                let slot = Int(value - low)
                guard table[slot] < 0 else { return nil }
                table[slot] = Int32(row)
            }
            return JoinIndex(slots: .integers(l, low: low, count: count), rightRowOfSlot: table)
        default:
            return nil
        }
    }

    /// `rows[code] = row` for each right row with a present code; false at a repeated code.
    private static func fillRows<C: FixedWidthInteger>(_ rows: UnsafeMutableBufferPointer<Int32>,
                                                       _ codes: UnsafeBufferPointer<C>) -> Bool {
        for row in codes.indices {
            let code = Int(codes[row])
            guard code != 0 else { continue }
            if rows[code] >= 0 { return false }
            rows[code] = Int32(row)
        }
        return true
    }

    /// How many slots there are, the no-match slot included.
    var slotCount: Int { rightRowOfSlot.count }

    /// Calls `body` with the slot reader of the left key: `slot(row)` for a table row.
    @inline(__always)
    func withSlots<R>(_ body: (SlotReader) -> R) -> R {
        switch slots {
        case .codes(let codes):
            codes.withBuffer { buffer in
                switch buffer {
                case .u8(let b): body(.u8(b))
                case .u16(let b): body(.u16(b))
                case .u32(let b): body(.u32(b))
                }
            }
        case .integers(let values, let low, let count):
            values.withBuffer { buffer in
                switch buffer {
                case .i8(let b): body(.i8(b, low: low, none: UInt64(count)))
                case .i16(let b): body(.i16(b, low: low, none: UInt64(count)))
                case .i32(let b): body(.i32(b, low: low, none: UInt64(count)))
                case .i64(let b): body(.i64(b, low: low, none: UInt64(count)))
                }
            }
        }
    }

    /// A borrowed view of the left key's slots.
    enum SlotReader {
        case u8(UnsafeBufferPointer<UInt8>)
        case u16(UnsafeBufferPointer<UInt16>)
        case u32(UnsafeBufferPointer<UInt32>)
        /// Whole numbers at their stored width; a missing value (`min`) falls below `low`.
        case i8(UnsafeBufferPointer<Int8>, low: Int64, none: UInt64)
        case i16(UnsafeBufferPointer<Int16>, low: Int64, none: UInt64)
        case i32(UnsafeBufferPointer<Int32>, low: Int64, none: UInt64)
        case i64(UnsafeBufferPointer<Int64>, low: Int64, none: UInt64)

        @inline(__always)
        func slot(_ row: Int) -> Int {
            switch self {
            case .u8(let b): return Int(b[row])
            case .u16(let b): return Int(b[row])
            case .u32(let b): return Int(b[row])
            case .i8(let v, let low, let none): return Self.slot(v[row], low, none)
            case .i16(let v, let low, let none): return Self.slot(v[row], low, none)
            case .i32(let v, let low, let none): return Self.slot(v[row], low, none)
            case .i64(let v, let low, let none): return Self.slot(v[row], low, none)
            }
        }

        @inline(__always)
        private static func slot<T: FixedWidthInteger & SignedInteger>(_ value: T, _ low: Int64, _ none: UInt64) -> Int {
            // Below `low` wraps to a huge offset, so one unsigned comparison checks both ends;
            // the sentinel is `min`, which is below `low` (or, for Int64, wraps past `none`).
            guard value != T.min else { return Int(truncatingIfNeeded: none) }
            let offset = UInt64(bitPattern: Int64(truncatingIfNeeded: value) &- low)
            return Int(truncatingIfNeeded: offset < none ? offset : none)
        }
    }
}

extension JoinIndex {
    /// Whether each slot has a match, as 0 or 1, for branch-free counting.
    private var matchOfSlot: [UInt8] { rightRowOfSlot.map { $0 >= 0 ? 1 : 0 } }

    /// The table rows among `rows` (all `rowCount` table rows when nil) that have a match, or
    /// nil when every one does; split between the cores, polling `context` for Ctrl-C.
    func matchedRows(_ rows: [Int]?, rowCount: Int, context: EvaluationContext,
                     at position: SourcePosition) throws(Diagnostic) -> [Int]? {
        let n = rows?.count ?? rowCount
        let parts = Parallel.ranges(n)
        let matches = matchOfSlot
        let cancel = CancelPoll(context)
        let counts: [Int] = withSlots { reader in
            matches.withUnsafeBufferPointer { m in
                withOptionalRows(rows) { rows in
                    Parallel.map(parts.count) { k -> Int in
                        var total = 0
                        cancel.blocks(parts[k]) { block in
                            if let rows {
                                for i in block { total &+= Int(m[reader.slot(rows[i])]) }
                            } else {
                                for i in block { total &+= Int(m[reader.slot(i)]) }
                            }
                        }
                        return total
                    }
                }
            }
        }
        try cancel.check(at: position)
        let total = counts.reduce(0, +)
        if total == n { return rows }
        // Each part writes its matched rows from where the parts before it end.
        var starts = [0]
        for c in counts { starts.append(starts[starts.count - 1] + c) }
        // Every row is written at the next place and kept by moving on only when it matched,
        // so the last part may write one place past its end: one spare place at the end.
        let out = [Int](unsafeUninitializedCapacity: total + 1) { buffer, initialized in
            let box = UncheckedBox(buffer)
            withSlots { reader in
                matches.withUnsafeBufferPointer { m in
                    withOptionalRows(rows) { rows in
                        Parallel.forEach(parts.count) { k in
                            var next = starts[k]
                            cancel.blocks(parts[k]) { block in
                                // A branch-free store would write one past a part's last match:
                                // into the next part's first slot (a race) or past the end.
                                for i in block {
                                    let row = rows?[i] ?? i
                                    if m[reader.slot(row)] != 0 {
                                        box.value[next] = row
                                        next &+= 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // A cancelled pass leaves slots unwritten; they are never read (the caller throws).
            initialized = total
        }
        try cancel.check(at: position)
        return out
    }

    /// `column` of the right table for every left table row (`rowCount` of them): each slot's
    /// value is looked up once, then copied to the rows through their slots. Rows without a
    /// match get a missing value.
    func gather(_ column: ColumnData, rowCount: Int, context: EvaluationContext,
                at position: SourcePosition) throws(Diagnostic) -> ColumnData {
        let cancel = CancelPoll(context)
        let rightRows = rightRowOfSlot
        func perSlot<T>(_ missing: T, _ value: (Int) -> T) -> [T] {
            rightRows.map { $0 < 0 ? missing : value(Int($0)) }
        }
        let result: ColumnData
        switch column {
        case .integer(let v):
            let values: IntegerValues
            switch v {
            case .i8(let a): values = .i8(spread(perSlot(.min) { a[$0] }, rowCount, cancel))
            case .i16(let a): values = .i16(spread(perSlot(.min) { a[$0] }, rowCount, cancel))
            case .i32(let a): values = .i32(spread(perSlot(.min) { a[$0] }, rowCount, cancel))
            case .i64(let a): values = .i64(spread(perSlot(.min) { a[$0] }, rowCount, cancel))
            }
            result = .integer(values)
        case .decimal(let v):
            result = .decimal(spread(perSlot(Missing.decimal) { v[$0] }, rowCount, cancel))
        case .text(let v):
            result = .text(spread(perSlot(nil) { v[$0] }, rowCount, cancel))
        case .categorical(let c, let ordered):
            let codes: Codes
            switch c.codes {
            case .u8(let a): codes = .u8(spread(perSlot(0) { a[$0] }, rowCount, cancel))
            case .u16(let a): codes = .u16(spread(perSlot(0) { a[$0] }, rowCount, cancel))
            case .u32(let a): codes = .u32(spread(perSlot(0) { a[$0] }, rowCount, cancel))
            }
            result = .categorical(CategoricalData(codes: codes, levels: c.levels, scale: c.scale,
                                                  levelsSortedByValue: c.levelsSortedByValue), ordered: ordered)
        }
        try cancel.check(at: position)
        return result
    }

    /// `out[row] = valueOfSlot[slot(row)]` for every table row, split between the cores.
    private func spread<T>(_ valueOfSlot: [T], _ rowCount: Int, _ cancel: CancelPoll) -> [T] {
        let parts = Parallel.ranges(rowCount)
        // Plain values (codes, numbers) are written into fresh memory; a cancelled pass leaves
        // some unwritten, which is harmless for them, and the caller throws the array away.
        // Text needs every element made, so it starts from missing values.
        guard _isPOD(T.self) else {
            var out = [T](repeating: valueOfSlot[valueOfSlot.count - 1], count: rowCount)
            withSlots { reader in
                for row in 0..<rowCount { out[row] = valueOfSlot[reader.slot(row)] }
            }
            return out
        }
        return [T](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
            let box = UncheckedBox(buffer)
            withSlots { reader in
                valueOfSlot.withUnsafeBufferPointer { values in
                    Parallel.forEach(parts.count) { k in
                        cancel.blocks(parts[k]) { block in
                            for row in block { box.value[row] = values[reader.slot(row)] }
                        }
                    }
                }
            }
            initialized = rowCount
        }
    }
}

/// `rows` as a buffer, or nil.
@inline(__always)
func withOptionalRows<R>(_ rows: [Int]?, _ body: (UnsafeBufferPointer<Int>?) -> R) -> R {
    guard let rows else { return body(nil) }
    return rows.withUnsafeBufferPointer { body($0) }
}
