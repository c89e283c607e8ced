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

    /// Runs `pass` with the left key's slots at their stored type: the width is switched on
    /// once here, and the pass's loop is specialised for it, with no switch per row.
    @inline(__always)
    func withSlots<P: SlotPass>(_ pass: P) -> P.Result {
        switch slots {
        case .codes(let codes):
            codes.withBuffer { buffer in
                switch buffer {
                case .u8(let b): pass.run(CodeSlots(codes: b))
                case .u16(let b): pass.run(CodeSlots(codes: b))
                case .u32(let b): pass.run(CodeSlots(codes: b))
                }
            }
        case .integers(let values, let low, let count):
            values.withBuffer { buffer in
                switch buffer {
                case .i8(let b): pass.run(IntegerSlots(values: b, low: low, none: UInt64(count)))
                case .i16(let b): pass.run(IntegerSlots(values: b, low: low, none: UInt64(count)))
                case .i32(let b): pass.run(IntegerSlots(values: b, low: low, none: UInt64(count)))
                case .i64(let b): pass.run(IntegerSlots(values: b, low: low, none: UInt64(count)))
                }
            }
        }
    }
}

/// The slot of each left table row, read at the key's stored type.
protocol SlotSource {
    /// The slot of table row `row`.
    func slot(_ row: Int) -> Int
}

/// A loop over the left key's slots, written once and specialised per key type by `withSlots`.
protocol SlotPass {
    associatedtype Result
    /// The loop over `slots`.
    func run<S: SlotSource>(_ slots: S) -> Result
}

/// Category codes as slots.
struct CodeSlots<C: FixedWidthInteger>: SlotSource {
    let codes: UnsafeBufferPointer<C>
    @inline(__always) func slot(_ row: Int) -> Int { Int(codes[row]) }
}

/// Whole numbers at their stored width as slots: `value - low`, or `none` when that is outside
/// the table or the value is missing (`T.min`).
struct IntegerSlots<T: FixedWidthInteger & SignedInteger>: SlotSource {
    let values: UnsafeBufferPointer<T>
    let low: Int64
    let none: UInt64

    @inline(__always)
    func slot(_ row: Int) -> Int {
        let value = values[row]
        guard value != T.min else { return Int(truncatingIfNeeded: none) }
        // Below `low` wraps to a huge offset, so one unsigned comparison checks both ends.
        let offset = UInt64(bitPattern: Int64(truncatingIfNeeded: value) &- low)
        return Int(truncatingIfNeeded: offset < none ? offset : none)
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
        let counts: [Int] = matches.withUnsafeBufferPointer { m in
            withOptionalRows(rows) { rows in
                withSlots(CountMatches(matches: m, rows: rows, parts: parts, cancel: cancel))
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
            matches.withUnsafeBufferPointer { m in
                withOptionalRows(rows) { rows in
                    withSlots(WriteMatches(matches: m, rows: rows, parts: parts, starts: starts, out: box, cancel: cancel))
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
            out.withUnsafeMutableBufferPointer { out in
                valueOfSlot.withUnsafeBufferPointer { values in
                    withSlots(Spread(values: values, out: UncheckedBox(out), parts: [0..<rowCount], cancel: nil))
                }
            }
            return out
        }
        return [T](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
            valueOfSlot.withUnsafeBufferPointer { values in
                withSlots(Spread(values: values, out: UncheckedBox(buffer), parts: parts, cancel: cancel))
            }
            initialized = rowCount
        }
    }
}

/// How many of each part's rows have a match.
private struct CountMatches: SlotPass {
    let matches: UnsafeBufferPointer<UInt8>
    let rows: UnsafeBufferPointer<Int>?
    let parts: [Range<Int>]
    let cancel: CancelPoll

    func run<S: SlotSource>(_ slots: S) -> [Int] {
        Parallel.map(parts.count) { k -> Int in
            var total = 0
            cancel.blocks(parts[k]) { block in
                if let rows {
                    for i in block { total &+= Int(matches[slots.slot(rows[i])]) }
                } else {
                    for i in block { total &+= Int(matches[slots.slot(i)]) }
                }
            }
            return total
        }
    }
}

/// Each part's matched rows, written from `starts[part]` on.
private struct WriteMatches: SlotPass {
    let matches: UnsafeBufferPointer<UInt8>
    let rows: UnsafeBufferPointer<Int>?
    let parts: [Range<Int>]
    let starts: [Int]
    let out: UncheckedBox<UnsafeMutableBufferPointer<Int>>
    let cancel: CancelPoll

    func run<S: SlotSource>(_ slots: S) {
        Parallel.forEach(parts.count) { k in
            var next = starts[k]
            cancel.blocks(parts[k]) { block in
                // A branch-free store would write one past a part's last match:
                // into the next part's first slot (a race) or past the end.
                for i in block {
                    let row = rows?[i] ?? i
                    if matches[slots.slot(row)] != 0 {
                        out.value[next] = row
                        next &+= 1
                    }
                }
            }
        }
    }
}

/// `out[row] = values[slot(row)]` over `parts`, split between the cores (one part: one core);
/// `out` must be initialised when `T` is not plain, for the assignment to release the old value.
private struct Spread<T>: SlotPass {
    let values: UnsafeBufferPointer<T>
    let out: UncheckedBox<UnsafeMutableBufferPointer<T>>
    let parts: [Range<Int>]
    let cancel: CancelPoll?

    func run<S: SlotSource>(_ slots: S) {
        Parallel.forEach(parts.count) { k in
            CancelPoll.blocks(cancel, parts[k]) { block in
                for row in block { out.value[row] = values[slots.slot(row)] }
            }
        }
    }
}

/// `rows` as a buffer, or nil.
@inline(__always)
func withOptionalRows<R>(_ rows: [Int]?, _ body: (UnsafeBufferPointer<Int>?) -> R) -> R {
    guard let rows else { return body(nil) }
    return rows.withUnsafeBufferPointer { body($0) }
}
