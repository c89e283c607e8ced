#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArvioData
import ArvioStats
import Synchronization

/// `delta V by PHASE [per G] on K` counted straight from the columns, for the common case:
/// the key, the phase and the groups categorical, the answers small whole numbers (or scale
/// points that stand for them). One pass over the rows writes each answer, with its group,
/// into a table of one or two bytes per key combination and phase; one pass over that table,
/// unit by unit (the unit is the key's first column, so its combinations are consecutive),
/// counts the (pre, post) pairs per group, each unit's pairs and sums per group straight into
/// the counters of a `UnitChangeTally`, and the unpaired rows. No array per row or per pair is
/// made; both passes are split between the cores.
///
/// It gives what `Pairing`, `Grouping`, `PairedChange.grouped` and `UnitMeans.tallies` give
/// when those count (every group with `PairedChange.tallyThreshold` pairs and units), and
/// nil otherwise (a duplicate, answers out of range, small groups, any error the pairing of
/// rows reports), so that the rows are paired as before and say exactly what they said.
struct PairedCounts {
    /// Whether the counts are tried: tests compare them with the pairing of rows.
    enum Mode: Sendable { case automatic, pairRows }
    @TaskLocal static var mode: Mode = .automatic
    /// Told after each try whether the counts stood for the pairing (for tests).
    @TaskLocal static var report: (@Sendable (Bool) -> Void)?

    var keyNames: [String]
    var phaseNames: (first: String, second: String)
    var orderSource: Localized
    var groupColumns: [Column]
    var changes: [PairedChange]
    var tested: [PairedChange]
    var testsByUnit: Bool
    var single: Bool
    var pairCount: Int
    var preOnly: [Int64]
    var postOnly: [Int64]
    var unitName: String
    var unpaired: [Delta.Unpaired]
    var unitsWithPairs: Int
    /// For the test between the groups: a unit found in several, or each group's unit changes.
    var between: Between?

    enum Between {
        case shared(String)
        case samples([[Double]], units: Int, pairsPerUnit: ClosedRange<Int>)
    }

    /// How many units a note names before "… N more" (as `PairingUnits.listing`).
    static let listingLimit = 20

    /// What `Delta` makes its table, tests and notes of.
    func summary(delta: Delta) -> Delta.Summary {
        let (groupColumns, unitName, between, unpaired, unitsWithPairs) = (groupColumns, unitName, between, unpaired, unitsWithPairs)
        let valueName = delta.spec.valueName
        return Delta.Summary(
            keyNames: keyNames, phaseNames: phaseNames, orderSource: orderSource, groupColumns: groupColumns,
            changes: changes, preOnly: preOnly, postOnly: postOnly, tested: tested, testsByUnit: testsByUnit,
            single: single, pairCount: pairCount, unitName: unitName, unpaired: { unpaired },
            unitsWithPairs: { unitsWithPairs },
            between: { isCancelled in
                switch between {
                case nil: return (nil, nil)
                case .shared(let unit)?:
                    return (nil, BetweenGroupChange.sharedNote(unitName: unitName, unit: unit))
                case .samples(let samples, let units, let pairsPerUnit)?:
                    return (BetweenGroupChange.block(samples: samples, units: units, pairsPerUnit: pairsPerUnit, keyColumns: groupColumns,
                                                     unitName: unitName, valueName: valueName, isCancelled: isCancelled), nil)
                }
            })
    }

    /// The counts for `delta` on `frame`, or nil when the rows must be paired instead. Throws
    /// only the cancellation.
    static func make(delta: Delta, frame: Frame, context: EvaluationContext, keyword: Token) throws(Diagnostic) -> PairedCounts? {
        guard mode == .automatic else { return nil }
        let counts = try count(delta: delta, frame: frame, context: context, keyword: keyword)
        report?(counts != nil)
        return counts
    }

    private static func count(delta: Delta, frame: Frame, context: EvaluationContext, keyword: Token) throws(Diagnostic) -> PairedCounts? {
        guard let setup = Setup(delta: delta, frame: frame, context: context, keyword: keyword) else { return nil }
        let poll = CancelPoll(context)
        // A window guessed around the first answer; when an answer falls outside it, once more
        // on the column's range.
        var window = setup.firstWindow
        for _ in 0..<2 {
            guard let current = window else { return nil }
            let outcome: Outcome
            if setup.combos * current.width < Int(UInt8.max) {
                outcome = try Kernel.run(UInt8.self, setup: setup, window: current, poll: poll, keyword: keyword)
            } else if setup.combos * current.width < Int(UInt16.max) {
                outcome = try Kernel.run(UInt16.self, setup: setup, window: current, poll: poll, keyword: keyword)
            } else {
                return nil
            }
            switch outcome {
            case .counted(let counts): return counts
            case .pairRows: return nil
            case .outOfWindow:
                let exact = setup.values.columnWindow()
                guard let exact, exact.low != current.low || exact.width != current.width else { return nil }
                window = exact
            }
        }
        return nil
    }

    enum Outcome {
        case counted(PairedCounts)
        case pairRows
        case outOfWindow
    }

    /// The answers as offsets into a window of whole numbers `low ..< low + width`.
    struct Window {
        var low: Int
        var width: Int
    }

    /// Where the answers come from: whole numbers, or scale points through their numbers.
    enum Values {
        case integers(IntegerValues)
        /// `numbers[code]`: the whole number a code stands for (code 0, missing: unused).
        case scale(Codes, numbers: [Int])

        init?(_ data: ColumnData) {
            switch data {
            case .integer(let v): self = .integers(v)
            case .categorical(let c, true):
                // As PairingValues.numbers: a point's number, else its position on the scale.
                var numbers = [0]
                for (i, level) in c.levels.enumerated() {
                    let number = level.number ?? Double(i + 1)
                    guard abs(number) < 1e9, Double(Int(number)) == number else { return nil }
                    numbers.append(Int(number))
                }
                self = .scale(c.codes, numbers: numbers)
            default: return nil
            }
        }

        /// The window of every value the column holds, when it is under 64 wide (the widest
        /// range `PairedTally` counts the pairs in).
        func columnWindow() -> Window? {
            let low: Int, high: Int
            switch self {
            case .integers(let v):
                let range = DenseKeys.range(of: v)
                guard range.low <= range.high, abs(range.low) < 1_000_000_000, abs(range.high) < 1_000_000_000 else { return nil }
                (low, high) = (Int(range.low), Int(range.high))
            case .scale(_, let numbers):
                guard let least = numbers.dropFirst().min(), let most = numbers.dropFirst().max() else { return nil }
                (low, high) = (least, most)
            }
            guard high - low < 64 else { return nil }
            return Window(low: low, width: high - low + 1)
        }

        /// For a scale, each code's offset in `window` (-1 for missing); empty for integers.
        func offsets(_ window: Window) -> [Int32] {
            guard case .scale(_, let numbers) = self else { return [] }
            return numbers.indices.map { code in code == 0 ? -1 : Int32(numbers[code] - window.low) }
        }

        /// `out[i]` = the offset in `window` of frame row `range.lowerBound + i`'s value: -1 when
        /// it is missing, -2 when it falls outside the window.
        func fill(_ out: UnsafeMutableBufferPointer<Int32>, rows: UnsafeBufferPointer<Int>?, _ range: Range<Int>,
                  window: Window, offsets: UnsafeBufferPointer<Int32>) {
            let base = range.lowerBound, n = range.count
            switch self {
            case .integers(let v):
                let low = Int64(window.low), width = UInt64(window.width)
                func read<V: FixedWidthInteger & SignedInteger>(_ v: UnsafeBufferPointer<V>) {
                    @inline(__always) func offset(_ x: V) -> Int32 {
                        let d = Int64(truncatingIfNeeded: x) &- low
                        return x == V.min ? -1 : UInt64(bitPattern: d) < width ? Int32(truncatingIfNeeded: d) : -2
                    }
                    if let rows {
                        for i in 0..<n { out[i] = offset(v[rows[base + i]]) }
                    } else {
                        for i in 0..<n { out[i] = offset(v[base + i]) }
                    }
                }
                v.withBuffer { buffer in
                    switch buffer {
                    case .i8(let b): read(b)
                    case .i16(let b): read(b)
                    case .i32(let b): read(b)
                    case .i64(let b): read(b)
                    }
                }
            case .scale(let codes, _):
                func read<C: FixedWidthInteger>(_ c: UnsafeBufferPointer<C>) {
                    if let rows {
                        for i in 0..<n { out[i] = offsets[Int(c[rows[base + i]])] }
                    } else {
                        for i in 0..<n { out[i] = offsets[Int(c[base + i])] }
                    }
                }
                codes.withBuffer { buffer in
                    switch buffer {
                    case .u8(let b): read(b)
                    case .u16(let b): read(b)
                    case .u32(let b): read(b)
                    }
                }
            }
        }
    }

    /// The columns, and the checks that decide whether counts can stand for the pairing.
    struct Setup {
        var spec: PairedSpec
        var frame: Frame
        var keyNames: [String]
        var phaseNames: (first: String, second: String)
        var orderSource: Localized
        /// The pairing key's combinations (the unit first, so a unit's are consecutive).
        var keys: CodeCombination
        /// How many ranks the unit column has, and how many key combinations each unit spans.
        var unitRanks: Int
        var perUnit: Int
        /// The `per` columns' combinations times the phase's side (first, second, neither), last.
        var tags: CodeCombination
        /// How many combinations of the `per` columns there are (1 without `per`).
        var combos: Int
        var perColumns: [Column]
        var values: Values
        var firstWindow: Window?
        var units: PairingUnits
        var unitLevels: [Level]
        var single: Bool

        init?(delta: Delta, frame: Frame, context: EvaluationContext, keyword: Token) {
            let spec = delta.spec
            guard spec.second == nil, let phase = spec.phase else { return nil }
            let rowCount = frame.rowCount
            guard rowCount >= 2 * PairedChange.tallyThreshold, rowCount < Int(Int32.max) else { return nil }
            let table = frame.table
            guard let valueColumn = table.column(named: spec.value.text), let values = Values(valueColumn.data),
                  let phaseColumn = table.column(named: phase.text), case .categorical(let phaseData, _) = phaseColumn.data,
                  let split = try? PhaseSplit.sidesOfCodes(frame.data(of: phaseColumn), phase: phase, values: spec.phaseValues),
                  let keyNames = try? Pairing.keyNames(frame: frame, phase: phase, on: spec.on, context: context, keyword: keyword),
                  !keyNames.isEmpty else { return nil }
            var keyParts: [CodeCombination.Part] = []
            for name in keyNames {
                guard let column = table.column(named: name), case .categorical(let c, _) = column.data else { return nil }
                keyParts.append(CodeCombination.Part(c))
            }
            var perParts: [CodeCombination.Part] = []
            var perColumns: [Column] = []
            for (i, token) in spec.per.enumerated() {
                guard !spec.per[..<i].contains(where: { $0.text == token.text }), let column = table.column(named: token.text),
                      case .categorical(let c, _) = column.data else { return nil }
                perParts.append(CodeCombination.Part(c))
                perColumns.append(column)
            }
            // The unit `PairingUnits` picks must be the key's first column.
            let units = PairingUnits.make(frame: frame, keyNames: keyNames, context: context)
            guard units.name == keyNames[0], units.codes != nil,
                  case .categorical(let unitData, _) = table.column(named: keyNames[0])?.data else { return nil }
            // Per the unit itself the tests are over all pairs, and a group is one unit's few pairs.
            let single = delta.testsAllPairs(keyNames: keyNames, unitName: units.name)
            guard single == spec.per.isEmpty,
                  let keys = CodeCombination(keyParts, limit: max(1 << 20, 4 * rowCount)) else { return nil }
            let sides = split.sideOfCode.map { $0 < 0 ? Int32(2) : Int32($0) }
            guard let tags = CodeCombination(perParts + [CodeCombination.Part(codes: phaseData.codes, ranks: sides, count: 3)],
                                             limit: 3 << 12) else { return nil }
            self.spec = spec
            self.frame = frame
            self.keyNames = keyNames
            phaseNames = split.names
            orderSource = split.orderSource
            self.keys = keys
            unitRanks = keyParts[0].count
            perUnit = keys.count / keyParts[0].count
            self.tags = tags
            combos = tags.count / 3
            self.perColumns = perColumns
            self.values = values
            self.units = units
            unitLevels = unitData.levels
            self.single = single
            switch values {
            case .scale: firstWindow = values.columnWindow()
            case .integers(let v):
                // Centred on the first answer and as wide as one-byte entries allow, which
                // Likert answers fit; with many groups, two-byte entries and the widest window.
                let narrow = min(64, (Int(UInt8.max) - 1) / combos)
                let width = narrow >= 16 ? narrow : 64
                let first = frame.rows.map { rows in rows.lazy.map { v[$0] }.first { $0 != Missing.integer } }
                    ?? v.first { $0 != Missing.integer }
                guard let found = first, abs(found) < 1_000_000_000 else { return nil }
                firstWindow = Window(low: Int(found) - width / 2, width: width)
            }
        }
    }
}

/// A flag the cores raise to stop a pass whose result will not be used.
private final class Abandon: Sendable {
    private let raised = Atomic<Bool>(false)
    var isRaised: Bool { raised.load(ordering: .relaxed) }
    func raise() { raised.store(true, ordering: .relaxed) }
}

/// The two passes, with table entries of type `T`: 0 for no answer, else
/// 1 + combo × width + the answer's offset in the window.
private enum Kernel {
    /// Rows (or units' combinations) a block handles at once: its buffers stay in the cache.
    static let block = 4096

    /// What one core's share of the rows gave.
    struct RowShare {
        var written = [0, 0]
        var firstOfTag: [Int]
        var outOfWindow = false
        var duplicate = false
        var low = Int32.max
        var high = Int32.min
    }

    /// What one core's share of the units gave.
    struct UnitShare {
        var pairs = 0
        var pairLow = Int.max
        var pairHigh = Int.min
        var pairTally: [Int]
        var onlyCount: [[Int]]
        var onlySum = [0, 0]
        var unitCounts: [Int32]
        var unitTallies: [UnitChangeTally]
        var mostPairs = 0
        var unitsWithPairs = 0
        var listed: [[(unit: Int, slot: Int, rows: Int)]] = [[], []]
        var listedUnits = [0, 0]
        var many = [false, false]
        var shared: Int?
        var samples: [[Double]]
        var sampleUnits = 0
        var fewestPairs = Int.max
        var mostSamplePairs = 0
    }

    static func run<T: FixedWidthInteger & UnsignedInteger>(_: T.Type, setup: PairedCounts.Setup, window: PairedCounts.Window,
                                                           poll: CancelPoll, keyword: Token) throws(Diagnostic) -> PairedCounts.Outcome {
        let slots = setup.keys.count
        // calloc: the zero pages come as the row pass first writes them, on whichever core
        // writes, rather than from a memset on one.
        guard let memory = calloc(2 * slots, MemoryLayout<T>.stride) else { return .pairRows }
        defer { free(memory) }
        let table = memory.bindMemory(to: T.self, capacity: 2 * slots)
        let abandon = Abandon()
        let rowShares = fastRowPass(table, setup, window, poll, abandon) ?? rowPass(table, setup, window, poll, abandon)
        try poll.check(at: keyword.position)
        if rowShares.contains(where: \.outOfWindow) { return .outOfWindow }
        if rowShares.contains(where: \.duplicate) { return .pairRows }
        let low = Int(rowShares.map(\.low).min() ?? .max), high = Int(rowShares.map(\.high).max() ?? .min)
        guard low <= high else { return .pairRows }

        // The groups: the combinations of `per` that occur in any row, in combination order
        // (as `Grouping` numbers them), each with its first row.
        let tagCount = setup.tags.count
        var firstOfTag = [Int](repeating: -1, count: tagCount)
        for share in rowShares {
            for t in 0..<tagCount where firstOfTag[t] < 0 { firstOfTag[t] = share.firstOfTag[t] }
        }
        var groupOfCombo = [Int](repeating: -1, count: setup.combos)
        var representatives: [Int] = []
        for c in 0..<setup.combos {
            let firsts = (3 * c..<3 * c + 3).map { firstOfTag[$0] }.filter { $0 >= 0 }
            guard let first = firsts.min() else { continue }
            groupOfCombo[c] = representatives.count
            representatives.append(first)
        }
        let groupCount = setup.spec.per.isEmpty ? 1 : representatives.count
        if setup.spec.per.isEmpty { groupOfCombo = [0] }
        let needsSamples = !setup.single && groupCount >= 2

        guard let shares = unitPass(table, setup, window, low: low, high: high, needsSamples: needsSamples, poll: poll) else {
            return .pairRows
        }
        try poll.check(at: keyword.position)
        guard let counts = assemble(setup: setup, rowShares: rowShares, shares: shares, base: window.low + low, width: high - low + 1,
                                    groupOfCombo: groupOfCombo, groupCount: groupCount, representatives: representatives)
        else { return .pairRows }
        var result = counts
        // The rows the notes name: their entries marked, then found in one pass over the rows.
        var targets: [Int: (side: Int, index: Int)] = [:]
        for side in 0..<2 {
            for (index, entry) in shares.flatMap({ $0.listed[side] }).prefix(PairedCounts.listingLimit).enumerated() {
                targets[2 * entry.slot + side] = (side, index)
                table[2 * entry.slot + side] = T.max
            }
        }
        guard let found = findRows(table, setup, window, targets: targets, poll: poll) else { return .pairRows }
        try poll.check(at: keyword.position)
        var unpaired: [Delta.Unpaired] = []
        for side in 0..<2 {
            let rows = shares.reduce(0) { $0 + $1.onlyCount[side].reduce(0, +) }
            guard rows > 0 else { continue }
            let sum = shares.reduce(0) { $0 + $1.onlySum[side] } + rows * (window.low + low)
            let listed = shares.flatMap { $0.listed[side] }.prefix(PairedCounts.listingLimit)
            var firstRows: [Int] = []
            for index in 0..<listed.count {
                guard let row = found[side][index] else { return .pairRows }
                firstRows.append(row)
            }
            let listing = setup.units.listing(firstRows: firstRows, rowCounts: listed.map(\.rows),
                                              units: shares.reduce(0) { $0 + $1.listedUnits[side] },
                                              many: shares.contains { $0.many[side] }, limit: PairedCounts.listingLimit)
            let names = side == 0 ? (setup.phaseNames.first, setup.phaseNames.second) : (setup.phaseNames.second, setup.phaseNames.first)
            unpaired.append(Delta.Unpaired(count: rows, has: names.0, lacks: names.1, mean: Double(sum) / Double(rows), listing: listing))
        }
        result.unpaired = unpaired
        return .counted(result)
    }

    /// Each row's answer into its key combination's entry for its phase, with its group: the
    /// halves of the rows on their own cores. Two rows of one combination and phase are a
    /// duplicate, which the pairing of rows reports; two in different halves are found by the
    /// count of entries afterwards.
    private static func rowPass<T: FixedWidthInteger & UnsignedInteger>(_ table: UnsafeMutablePointer<T>, _ setup: PairedCounts.Setup,
                                                                         _ window: PairedCounts.Window, _ poll: CancelPoll,
                                                                         _ abandon: Abandon) -> [RowShare] {
        let parts = Parallel.ranges(setup.frame.rowCount)
        let tagCount = setup.tags.count
        let sideOfTag = (0..<tagCount).map { $0 % 3 }
        let entryBase = (0..<tagCount).map { Int32(($0 / 3) * window.width + 1) }
        let offsets = setup.values.offsets(window)
        return DenseKeys.withRows(setup.frame.rows) { rows in
            offsets.withUnsafeBufferPointer { offsets in
                sideOfTag.withUnsafeBufferPointer { sideOfTag in
                    entryBase.withUnsafeBufferPointer { entryBase in
                        Parallel.map(parts.count) { k -> RowShare in
                            let slot = UnsafeMutableBufferPointer<Int32>.allocate(capacity: block)
                            let tag = UnsafeMutableBufferPointer<Int32>.allocate(capacity: block)
                            let off = UnsafeMutableBufferPointer<Int32>.allocate(capacity: block)
                            defer {
                                slot.deallocate()
                                tag.deallocate()
                                off.deallocate()
                            }
                            var firstOfTag = [Int](repeating: -1, count: tagCount)
                            var written0 = 0, written1 = 0
                            var low = Int32.max, high = Int32.min
                            var outOfWindow = false, duplicate = false
                            firstOfTag.withUnsafeMutableBufferPointer { first in
                                poll.blocks(parts[k]) { chunk in
                                    guard !abandon.isRaised else { return }
                                    var start = chunk.lowerBound
                                    rows: while start < chunk.upperBound {
                                        let range = start..<min(start + block, chunk.upperBound)
                                        setup.keys.fill(slot, rows: rows, range)
                                        setup.tags.fill(tag, rows: rows, range)
                                        setup.values.fill(off, rows: rows, range, window: window, offsets: offsets)
                                        for i in 0..<range.count {
                                            let t = Int(tag[i])
                                            if first[t] < 0 { first[t] = range.lowerBound + i }
                                            let side = sideOfTag[t]
                                            if side == 2 { continue }
                                            let o = off[i]
                                            if o < 0 {
                                                if o == -2 {
                                                    outOfWindow = true
                                                    break rows
                                                }
                                                continue
                                            }
                                            let entry = table + (2 * Int(slot[i]) + side)
                                            if entry.pointee != 0 {
                                                duplicate = true
                                                break rows
                                            }
                                            entry.pointee = T(truncatingIfNeeded: entryBase[t] &+ o)
                                            if side == 0 { written0 += 1 } else { written1 += 1 }
                                            low = min(low, o)
                                            high = max(high, o)
                                        }
                                        start = range.upperBound
                                    }
                                    if outOfWindow || duplicate { abandon.raise() }
                                }
                            }
                            return RowShare(written: [written0, written1], firstOfTag: firstOfTag, outOfWindow: outOfWindow,
                                            duplicate: duplicate, low: low, high: high)
                        }
                    }
                }
            }
        }
    }

    /// `rowPass` for the usual shape in one loop per row, without buffers between the columns:
    /// a unit and one more key column, at most one `per` column, whole-number answers, no
    /// selection, the columns other than the unit in one byte a code. nil for other shapes.
    private static func fastRowPass<T: FixedWidthInteger & UnsignedInteger>(_ table: UnsafeMutablePointer<T>, _ setup: PairedCounts.Setup,
                                                                             _ window: PairedCounts.Window, _ poll: CancelPoll,
                                                                             _ abandon: Abandon) -> [RowShare]? {
        guard setup.frame.rows == nil, case .integers(let values) = setup.values, setup.keys.parts.count == 2 else { return nil }
        let unit = setup.keys.parts[0], item = setup.keys.parts[1]
        let tagParts = setup.tags.parts
        guard unit.levelOrder, item.levelOrder, case .u8(let itemCodes) = item.codes, tagParts.count <= 2,
              case .u8(let phaseCodes) = tagParts[tagParts.count - 1].codes else { return nil }
        // By code: the phase's side, and the group's rank times 3 (the tag is that plus the side).
        var sideOf = [Int32](repeating: 2, count: 256)
        for (code, rank) in tagParts[tagParts.count - 1].ranks.enumerated() { sideOf[code] = rank }
        var groupOf = [Int32](repeating: 0, count: 256)
        var groupCodes = phaseCodes
        if tagParts.count == 2 {
            guard tagParts[0].levelOrder, case .u8(let codes) = tagParts[0].codes else { return nil }
            groupCodes = codes
            for code in 0..<tagParts[0].count {
                groupOf[code] = 3 * Int32(CodeCombination.Part.levelRank(code, missing: tagParts[0].count - 1))
            }
        }
        let tagCount = setup.tags.count
        let entryBase = (0..<tagCount).map { ($0 / 3) * window.width + 1 }
        let parts = Parallel.ranges(setup.frame.rowCount)
        let low = Int64(window.low), width = UInt64(window.width)
        let unitMissing = unit.count - 1, itemMissing = item.count - 1, itemStride = item.count
        func pass<C: FixedWidthInteger, V: FixedWidthInteger & SignedInteger>(_ unitCodes: UnsafeBufferPointer<C>,
                                                                             _ values: UnsafeBufferPointer<V>) -> [RowShare] {
            itemCodes.withUnsafeBufferPointer { itemCodes in
            phaseCodes.withUnsafeBufferPointer { phaseCodes in
            groupCodes.withUnsafeBufferPointer { groupCodes in
            sideOf.withUnsafeBufferPointer { sideOf in
            groupOf.withUnsafeBufferPointer { groupOf in
            entryBase.withUnsafeBufferPointer { entryBase in
                Parallel.map(parts.count) { k -> RowShare in
                    var firstOfTag = [Int](repeating: -1, count: tagCount)
                    var written = 0, second = 0
                    var lowest = Int64.max, highest = Int64.min
                    var outOfWindow = false, duplicate = false
                    firstOfTag.withUnsafeMutableBufferPointer { first in
                        poll.blocks(parts[k]) { chunk in
                            guard !abandon.isRaised else { return }
                            for row in chunk {
                                let side = Int(sideOf[Int(phaseCodes[row])])
                                let t = Int(groupOf[Int(groupCodes[row])]) &+ side
                                if first[t] < 0 { first[t] = row }
                                if side == 2 { continue }
                                let x = values[row]
                                if x == V.min { continue }
                                let d = Int64(truncatingIfNeeded: x) &- low
                                if UInt64(bitPattern: d) >= width {
                                    outOfWindow = true
                                    break
                                }
                                let u = Int(unitCodes[row]), i = Int(itemCodes[row])
                                let slot = (u == 0 ? unitMissing : u &- 1) &* itemStride &+ (i == 0 ? itemMissing : i &- 1)
                                let entry = table + (2 &* slot &+ side)
                                if entry.pointee != 0 {
                                    duplicate = true
                                    break
                                }
                                entry.pointee = T(truncatingIfNeeded: entryBase[t] &+ Int(d))
                                written &+= 1
                                second &+= side
                                lowest = min(lowest, d)
                                highest = max(highest, d)
                            }
                            if outOfWindow || duplicate { abandon.raise() }
                        }
                    }
                    return RowShare(written: [written - second, second], firstOfTag: firstOfTag, outOfWindow: outOfWindow,
                                    duplicate: duplicate, low: Int32(clamping: lowest), high: Int32(clamping: highest))
                }
            }
            }
            }
            }
            }
            }
        }
        func pass<C: FixedWidthInteger>(_ unitCodes: UnsafeBufferPointer<C>) -> [RowShare] {
            values.withBuffer { buffer in
                switch buffer {
                case .i8(let v): pass(unitCodes, v)
                case .i16(let v): pass(unitCodes, v)
                case .i32(let v): pass(unitCodes, v)
                case .i64(let v): pass(unitCodes, v)
                }
            }
        }
        return unit.codes.withBuffer { buffer in
            switch buffer {
            case .u8(let b): pass(b)
            case .u16(let b): pass(b)
            case .u32(let b): pass(b)
            }
        }
    }

    /// The table unit by unit, the units' ranges on their own cores: the pairs into (pre, post)
    /// counts per group, each unit's pairs and sums per group into the counters of the unit
    /// tallies, the unpaired entries counted, the first units with them noted. nil when a
    /// unit's sums could pass the 20 bits each has in its accumulator.
    private static func unitPass<T: FixedWidthInteger & UnsignedInteger>(_ table: UnsafeMutablePointer<T>, _ setup: PairedCounts.Setup,
                                                                          _ window: PairedCounts.Window, low: Int, high: Int,
                                                                          needsSamples: Bool, poll: CancelPoll) -> [UnitShare]? {
        let combos = setup.combos, perUnit = setup.perUnit, units = setup.unitRanks
        let w = high - low + 1
        // A unit's pairs in a group, and their sums: k ≤ perUnit, sums ≤ (w − 1) k; the three
        // go into one word (k above bit 40, Σpre above bit 20, Σpost below), one add a pair.
        let span = (w - 1) * perUnit + 1
        guard span < 1 << 20, perUnit < 1 << 22 else { return nil }
        let (cells, overflow) = (perUnit + 1).multipliedReportingOverflow(by: span * span)
        let dense = !overflow && combos * cells <= 1 << 20
        // By entry: its group combination, its offset from the lowest answer, where its pairs'
        // (pre, post) counters start (as the first phase's), and its add to the accumulator.
        let entries = combos * window.width + 1
        let comboOf = (0..<entries).map { e in e == 0 ? 0 : (e - 1) / window.width }
        let offsetOf = (0..<entries).map { e in e == 0 ? 0 : (e - 1) % window.width - low }
        let pairBase = (0..<entries).map { e in (comboOf[e] * w + offsetOf[e]) * w }
        let accOf = (0..<entries).map { e in 1 << 40 | offsetOf[e] << 20 }
        let pieces = units * perUnit >= Parallel.minimumRows ? Parallel.coreCount : 1
        let parts = (0..<pieces).map { k in units * k / pieces..<units * (k + 1) / pieces }
        let unitsPerPoll = max(1, EvaluationContext.chunk / perUnit)
        let base = window.low + low
        let mask = (1 << 20) - 1
        return comboOf.withUnsafeBufferPointer { comboOf in
        offsetOf.withUnsafeBufferPointer { offsetOf in
        pairBase.withUnsafeBufferPointer { pairBase in
        accOf.withUnsafeBufferPointer { accOf in
            Parallel.map(parts.count) { k -> UnitShare in
                // Four copies of the counters, by slot: consecutive pairs of one cell (Likert
                // answers repeat) then add to different words instead of waiting on each other.
                let cellCount = combos * w * w
                var pairTally = [Int](repeating: 0, count: 4 * cellCount)
                var only0 = [Int](repeating: 0, count: 4 * combos), only1 = only0
                var unitCounts = [Int32](repeating: 0, count: dense ? combos * cells : 0)
                var unitTallies = [UnitChangeTally](repeating: UnitChangeTally(), count: dense ? 0 : combos)
                var samples = [[Double]](repeating: [], count: needsSamples ? combos : 0)
                var acc = [Int](repeating: 0, count: combos)
                var touched = [Int](repeating: 0, count: combos)
                var pairs = 0, pairLow = Int.max, pairHigh = Int.min, sum0 = 0, sum1 = 0
                var mostPairs = 0, unitsWithPairs = 0
                var listed0: [(unit: Int, slot: Int, rows: Int)] = [], listed1 = listed0
                var listedUnits0 = 0, listedUnits1 = 0, many0 = false, many1 = false
                var shared: Int?
                var sampleUnits = 0, fewest = Int.max, most = 0
                pairTally.withUnsafeMutableBufferPointer { pairTally in
                only0.withUnsafeMutableBufferPointer { only0 in
                only1.withUnsafeMutableBufferPointer { only1 in
                unitCounts.withUnsafeMutableBufferPointer { unitCounts in
                acc.withUnsafeMutableBufferPointer { acc in
                touched.withUnsafeMutableBufferPointer { touched in
                    poll.blocks(parts[k], chunk: unitsPerPoll) { chunk in
                        for u in chunk {
                            var touchedCount = 0
                            var here0 = 0, here1 = 0, slot0 = -1, slot1 = -1
                            let first = u &* perUnit
                            for s in first..<(first &+ perUnit) {
                                let a = Int(table[2 &* s]), b = Int(table[2 &* s &+ 1])
                                if a == 0 {
                                    if b == 0 { continue }
                                    only1[(s & 3) &* combos &+ comboOf[b]] &+= 1
                                    sum1 &+= offsetOf[b]
                                    if here1 == 0 { slot1 = s }
                                    here1 &+= 1
                                    continue
                                }
                                let c = comboOf[a]
                                if b == 0 {
                                    only0[(s & 3) &* combos &+ c] &+= 1
                                    sum0 &+= offsetOf[a]
                                    if here0 == 0 { slot0 = s }
                                    here0 &+= 1
                                    continue
                                }
                                let y = offsetOf[b]
                                pairTally[(s & 3) &* cellCount &+ pairBase[a] &+ y] &+= 1
                                pairs &+= 1
                                pairLow = min(pairLow, min(offsetOf[a], y))
                                pairHigh = max(pairHigh, max(offsetOf[a], y))
                                if acc[c] == 0 {
                                    touched[touchedCount] = c
                                    touchedCount &+= 1
                                }
                                acc[c] &+= accOf[a] &+ y
                            }
                            if touchedCount > 0 {
                                unitsWithPairs &+= 1
                                if needsSamples, shared == nil, touchedCount > 1 { shared = u }
                                for i in 0..<touchedCount {
                                    let c = touched[i]
                                    let packed = acc[c]
                                    acc[c] = 0
                                    let n = packed >> 40, x = packed >> 20 & mask, y = packed & mask
                                    mostPairs = max(mostPairs, n)
                                    if dense {
                                        unitCounts[c &* cells &+ (n &* span &+ x) &* span &+ y] &+= 1
                                    } else {
                                        unitTallies[c].add(pairs: n, preSum: x + n * base, postSum: y + n * base)
                                    }
                                    if needsSamples, shared == nil {
                                        // As BetweenGroupChange: the unit's summed change over its pairs.
                                        samples[c].append(Double(y - x) / Double(n))
                                        sampleUnits += 1
                                        fewest = min(fewest, n)
                                        most = max(most, n)
                                    }
                                }
                            }
                            if here0 > 0 {
                                listedUnits0 &+= 1
                                if here0 > 1 { many0 = true }
                                if listed0.count < PairedCounts.listingLimit { listed0.append((u, slot0, here0)) }
                            }
                            if here1 > 0 {
                                listedUnits1 &+= 1
                                if here1 > 1 { many1 = true }
                                if listed1.count < PairedCounts.listingLimit { listed1.append((u, slot1, here1)) }
                            }
                        }
                    }
                }
                }
                }
                }
                }
                }
                func folded(_ copies: [Int], _ count: Int) -> [Int] {
                    (0..<count).map { copies[$0] + copies[count + $0] + copies[2 * count + $0] + copies[3 * count + $0] }
                }
                return UnitShare(pairs: pairs, pairLow: pairLow, pairHigh: pairHigh, pairTally: folded(pairTally, cellCount),
                                 onlyCount: [folded(only0, combos), folded(only1, combos)],
                                 onlySum: [sum0, sum1], unitCounts: unitCounts, unitTallies: unitTallies, mostPairs: mostPairs,
                                 unitsWithPairs: unitsWithPairs, listed: [listed0, listed1], listedUnits: [listedUnits0, listedUnits1],
                                 many: [many0, many1], shared: shared, samples: samples, sampleUnits: sampleUnits,
                                 fewestPairs: fewest, mostSamplePairs: most)
            }
        }
        }
        }
        }
    }

    /// The counts from the cores' shares, with the thresholds the pairing of rows applies
    /// before it counts; nil where it would take arrays (or the entries show a duplicate).
    private static func assemble(setup: PairedCounts.Setup, rowShares: [RowShare], shares: [UnitShare], base: Int, width w: Int,
                                 groupOfCombo: [Int], groupCount: Int, representatives: [Int]) -> PairedCounts? {
        let spec = setup.spec
        let combos = setup.combos
        let pairs = shares.reduce(0) { $0 + $1.pairs }
        // Every answer written has its entry: fewer entries mean two rows of one combination and
        // phase in the two halves of the rows, a duplicate.
        for side in 0..<2 {
            let written = rowShares.reduce(0) { $0 + $1.written[side] }
            let entries = pairs + shares.reduce(0) { $0 + $1.onlyCount[side].reduce(0, +) }
            guard written == entries else { return nil }
        }
        // PairedChange.grouped: tallies when every group has enough pairs of whole numbers.
        let threshold = PairedChange.tallyThreshold
        guard pairs > 0, pairs >= threshold * max(groupCount, 1) else { return nil }
        let pairLow = shares.map(\.pairLow).min()!, pairHigh = shares.map(\.pairHigh).max()!
        let low = base + pairLow, high = base + pairHigh
        guard abs(low) < 1_000_000_000, abs(high) < 1_000_000_000, high - low < 64 else { return nil }
        let width = high - low + 1
        var tallies = [PairedTally](repeating: PairedTally(low: low, width: width), count: groupCount)
        for c in 0..<combos where groupOfCombo[c] >= 0 {
            let g = groupOfCombo[c]
            for x in pairLow...pairHigh {
                for y in pairLow...pairHigh {
                    let count = shares.reduce(0) { $0 + $1.pairTally[(c * w + x) * w + y] }
                    tallies[g].counts[(x - pairLow) * width + y - pairLow] += count
                }
            }
        }
        guard tallies.allSatisfy({ $0.total >= threshold }) else { return nil }
        let changes = tallies.map { PairedChange(tally: $0, zeroHandling: spec.zeroHandling) }

        // UnitMeans.tallies: one mean pair per unit and group when a unit has several pairs.
        let single = setup.single
        let testedGroups = single ? 1 : groupCount
        let mostPairs = shares.map(\.mostPairs).max() ?? 0
        let tested: [PairedChange]
        let byUnit: Bool
        if spec.itemPairs || setup.keyNames.count < 2 || mostPairs <= 1 {
            (tested, byUnit) = (changes, false)
        } else {
            let slots = testedGroups.multipliedReportingOverflow(by: setup.units.idCount)
            guard pairs >= threshold * testedGroups, pairs < Int(Int32.max),
                  !slots.overflow, slots.partialValue <= max(1 << 20, 4 * pairs) else { return nil }
            var unitTallies = [UnitChangeTally](repeating: UnitChangeTally(), count: testedGroups)
            let perUnit = setup.perUnit
            let span = (w - 1) * perUnit + 1
            let cells = (perUnit + 1) * span * span
            for c in 0..<combos where groupOfCombo[c] >= 0 {
                let g = single ? 0 : groupOfCombo[c]
                for share in shares {
                    if share.unitCounts.isEmpty {
                        for (entry, count) in share.unitTallies[c].counts {
                            unitTallies[g].add(pairs: entry.pairs, preSum: entry.preSum, postSum: entry.postSum, count: count)
                        }
                        continue
                    }
                    share.unitCounts.withUnsafeBufferPointer { counts in
                        for cell in 0..<cells where counts[c * cells + cell] > 0 {
                            let n = cell / (span * span), x = cell / span % span, y = cell % span
                            unitTallies[g].add(pairs: n, preSum: x + n * base, postSum: y + n * base, count: Int(counts[c * cells + cell]))
                        }
                    }
                }
            }
            guard unitTallies.allSatisfy({ $0.total >= threshold }) else { return nil }
            (tested, byUnit) = (unitTallies.map { PairedChange(unitTally: $0, zeroHandling: spec.zeroHandling) }, true)
        }

        var preOnly = [Int64](repeating: 0, count: groupCount), postOnly = preOnly
        for c in 0..<combos where groupOfCombo[c] >= 0 {
            for share in shares {
                preOnly[groupOfCombo[c]] += Int64(share.onlyCount[0][c])
                postOnly[groupOfCombo[c]] += Int64(share.onlyCount[1][c])
            }
        }
        // Grouping's key columns: each group's first row.
        let frame = setup.frame
        let sourceRows = frame.rows.map { rows in representatives.map { rows[$0] } } ?? representatives
        let groupColumns = setup.perColumns.map { Column(name: $0.name, data: $0.data.gathering(sourceRows), label: $0.label) }

        var between: PairedCounts.Between?
        if !single, groupCount >= 2 {
            if let unit = shares.lazy.compactMap(\.shared).first {
                between = .shared(unit < setup.unitLevels.count ? setup.unitLevels[unit].value : "NA")
            } else {
                var samples = [[Double]](repeating: [], count: groupCount)
                for share in shares {
                    for c in 0..<combos where groupOfCombo[c] >= 0 { samples[groupOfCombo[c]].append(contentsOf: share.samples[c]) }
                }
                let units = shares.reduce(0) { $0 + $1.sampleUnits }
                let fewest = shares.map(\.fewestPairs).min() ?? 0, most = shares.map(\.mostSamplePairs).max() ?? 0
                between = .samples(samples, units: units, pairsPerUnit: units == 0 ? 0...0 : fewest...most)
            }
        }
        return PairedCounts(
            keyNames: setup.keyNames, phaseNames: setup.phaseNames, orderSource: setup.orderSource, groupColumns: groupColumns,
            changes: changes, tested: tested, testsByUnit: byUnit, single: single, pairCount: pairs,
            preOnly: preOnly, postOnly: postOnly, unitName: setup.keyNames[0], unpaired: [],
            unitsWithPairs: shares.reduce(0) { $0 + $1.unitsWithPairs }, between: between)
    }

    /// The frame row of each marked entry (`targets`: entry index → side and place in its
    /// listing), in one pass over the rows that stops when all are found; nil if one is not.
    private static func findRows<T: FixedWidthInteger & UnsignedInteger>(_ table: UnsafeMutablePointer<T>, _ setup: PairedCounts.Setup,
                                                                          _ window: PairedCounts.Window,
                                                                          targets: [Int: (side: Int, index: Int)],
                                                                          poll: CancelPoll) -> [[Int?]]? {
        var found: [[Int?]] = [[Int?](repeating: nil, count: PairedCounts.listingLimit), [Int?](repeating: nil, count: PairedCounts.listingLimit)]
        guard !targets.isEmpty else { return found }
        var left = targets.count
        let offsets = setup.values.offsets(window)
        let slot = UnsafeMutableBufferPointer<Int32>.allocate(capacity: block)
        let tag = UnsafeMutableBufferPointer<Int32>.allocate(capacity: block)
        let off = UnsafeMutableBufferPointer<Int32>.allocate(capacity: block)
        defer {
            slot.deallocate()
            tag.deallocate()
            off.deallocate()
        }
        DenseKeys.withRows(setup.frame.rows) { rows in
            offsets.withUnsafeBufferPointer { offsets in
                poll.blocks(0..<setup.frame.rowCount) { chunk in
                    guard left > 0 else { return }
                    var start = chunk.lowerBound
                    while start < chunk.upperBound, left > 0 {
                        let range = start..<min(start + block, chunk.upperBound)
                        setup.keys.fill(slot, rows: rows, range)
                        setup.tags.fill(tag, rows: rows, range)
                        setup.values.fill(off, rows: rows, range, window: window, offsets: offsets)
                        for i in 0..<range.count where off[i] >= 0 {
                            let side = Int(tag[i]) % 3
                            guard side < 2 else { continue }
                            let entry = 2 * Int(slot[i]) + side
                            guard table[entry] == T.max, let target = targets[entry] else { continue }
                            table[entry] = 0
                            found[target.side][target.index] = range.lowerBound + i
                            left -= 1
                        }
                        start = range.upperBound
                    }
                }
            }
        }
        return left == 0 || poll.stopped ? found : nil
    }
}
