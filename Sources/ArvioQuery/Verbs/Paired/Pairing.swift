import ArvioData
import ArvioStats

/// Pre/post pairs found in a frame: for each pair the frame rows of its two values, and the
/// rows that have only one of them. What `delta` and `attrition` share.
///
/// Long data (`delta score by phase`) pairs rows whose key columns are equal, one row in each
/// phase; the key columns become dense integer ids (dictionary codes for categories, see
/// `OrderedKeys`), so pairing is two passes over integer arrays and never builds a string per
/// row. Wide data (`delta pre_motiv -> post_motiv`) pairs the two columns of each row.
struct Pairing {
    /// The value before (pre) and after (post) of each pair, in key order.
    var pre: [Double] = []
    var post: [Double] = []
    /// The frame rows of each pair's values.
    var preRows: [Int] = []
    var postRows: [Int] = []
    /// Frame rows with a value in the first phase and none in the second, in key order.
    var preOnlyRows: [Int] = []
    /// Frame rows with a value in the second phase and none in the first.
    var postOnlyRows: [Int] = []
    /// The columns that identify a pair (empty: the row itself, in wide data).
    var keyNames: [String] = []
    /// How the two phases read in output: `pre` and `post`, or the two column names.
    var phaseNames: (first: String, second: String) = ("", "")
    /// Where the phase order came from, for the note ("codebook order", "as written").
    var orderSource: Localized = Localized("")
    /// The values (as numbers) of every frame row, for means of unpaired values.
    var values: [Double] = []
    /// Wide data: the first column's values of every row (the second are in `secondValues`).
    var secondValues: [Double]?

    /// The whole-number range of `pre` and `post` when the pairing knew its values to be whole
    /// (an integer column): taken while the pairs were gathered, so no pass over them is made
    /// again to find it. `rangeKnown` false: not known, ask `PairedTally.range`.
    var rangeKnown = false
    var pairRange: (low: Int, width: Int)?

    /// `pairRange`, or the range found by a pass over the pairs when the pairing did not know it.
    var wholeRange: (low: Int, width: Int)? { rangeKnown ? pairRange : PairedTally.range(pre, post) }

    /// The differences post − pre.
    var differences: [Double] { zip(post, pre).map { $0 - $1 } }
}

extension Pairing {
    /// Pairs the rows of `frame` in long form: `value` measured in the two phases of `phase`,
    /// pairs identified by `on` or by the table's key minus the phase column. `values` replaces
    /// the column's numbers (NaN = missing), as the category ids of a paired cross-tab.
    static func long(frame: Frame, value: Token, phase: Token, phaseValues: (Token, Token)?,
                     on: [Token], context: EvaluationContext, keyword: Token,
                     values: [Double]? = nil) throws(Diagnostic) -> Pairing {
        let valueColumn = try context.column(value.text, in: frame.table, at: value.position)
        let phaseColumn = try context.column(phase.text, in: frame.table, at: phase.position)
        var result = Pairing()
        if let values {
            result.values = values
        } else {
            result.values = try PairingValues.numbers(frame.data(of: valueColumn), name: value)
        }
        let phases = try PhaseSplit.make(frame.data(of: phaseColumn), phase: phase, values: phaseValues)
        result.phaseNames = phases.names
        result.orderSource = phases.orderSource
        result.keyNames = try keyNames(frame: frame, phase: phase, on: on, context: context, keyword: keyword)
        let keyColumns = result.keyNames.map { frame.table.column(named: $0)! }
        let rowCount = frame.rowCount
        // The pair slot of each row: dictionary codes and small whole numbers straight into
        // dense ids on both cores (`DenseKeys`); else ids off the codes or `OrderedKeys`. All are
        // in key order, missing last, so the pairs come out in the same order whichever is used.
        let poll = CancelPoll(context)
        let slotOf: [Int32]
        let slotCount: Int
        if let dense = DenseKeys.ids(for: keyColumns.map(\.data), rows: frame.rows, rowCount: rowCount) {
            (slotOf, slotCount) = dense
        } else {
            let keyData = keyColumns.map { frame.data(of: $0) }
            let ids = CategoryKeys(keyData, rowCount: rowCount)
                ?? CategoryKeys(ordered: OrderedKeys.ids(for: keyData, rowCount: rowCount, poll: poll))
            try poll.check(at: keyword.position)
            slotCount = ids.count
            var slots = [Int32](repeating: 0, count: rowCount)
            for row in 0..<rowCount { slots[row] = Int32(ids.id(row)) }
            slotOf = slots
        }
        try context.checkCancelled(at: keyword.position)
        var preRow = [Int32](repeating: -1, count: slotCount)
        var postRow = [Int32](repeating: -1, count: slotCount)
        let rowValues = result.values
        // Row r is in phase side[r]; a second row of one slot in one phase is a duplicate. The two
        // phases fill their own tables, so on a long table each phase takes a core.
        let jobs = rowCount >= Parallel.minimumRows ? 2 : 1
        var outcome = [(duplicate: Int?, count: Int)](repeating: (nil, 0), count: 2)
        preRow.withUnsafeMutableBufferPointer { preRow in
            postRow.withUnsafeMutableBufferPointer { postRow in
                slotOf.withUnsafeBufferPointer { slotOf in
                    rowValues.withUnsafeBufferPointer { values in
                        phases.sideOf.withUnsafeBufferPointer { side in
                            outcome.withUnsafeMutableBufferPointer { outcome in
                                Parallel.forEach(jobs) { job in
                                    for phase in jobs == 2 ? [job] : [0, 1] {
                                        let table = phase == 0 ? preRow : postRow
                                        let wanted = Int8(phase)
                                        var count = 0
                                        var start = 0
                                        scan: while start < rowCount {
                                            if poll.look() { break }
                                            let end = min(start + EvaluationContext.chunk, rowCount)
                                            for row in start..<end where side[row] == wanted && !values[row].isNaN {
                                                let slot = Int(slotOf[row])
                                                if table[slot] >= 0 {
                                                    outcome[phase].duplicate = row
                                                    break scan
                                                }
                                                table[slot] = Int32(row)
                                                count += 1
                                            }
                                            start = end
                                        }
                                        outcome[phase].count = count
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        try poll.check(at: keyword.position)
        // The first duplicate in row order, as one pass over the rows would have met it.
        switch (outcome[0].duplicate, outcome[1].duplicate) {
        case let (a?, b?): throw duplicate(frame, result, min(a, b), a < b ? phases.names.first : phases.names.second, keyword)
        case let (a?, nil): throw duplicate(frame, result, a, phases.names.first, keyword)
        case let (nil, b?): throw duplicate(frame, result, b, phases.names.second, keyword)
        case (nil, nil): break
        }
        let found = (pre: outcome[0].count, post: outcome[1].count)
        let pairs = min(found.pre, found.post)
        result.preRows.reserveCapacity(pairs)
        result.postRows.reserveCapacity(pairs)
        result.pre.reserveCapacity(pairs)
        result.post.reserveCapacity(pairs)
        result.preOnlyRows.reserveCapacity(found.pre - pairs)
        result.postOnlyRows.reserveCapacity(found.post - pairs)
        var lo = Double.infinity, hi = -Double.infinity
        preRow.withUnsafeBufferPointer { preRow in
            postRow.withUnsafeBufferPointer { postRow in
                rowValues.withUnsafeBufferPointer { values in
                    poll.blocks(0..<slotCount) { block in
                    for slot in block {
                        let a = Int(preRow[slot]), b = Int(postRow[slot])
                        if a >= 0 && b >= 0 {
                            let x = values[a], y = values[b]
                            lo = min(lo, min(x, y))
                            hi = max(hi, max(x, y))
                            result.preRows.append(a)
                            result.postRows.append(b)
                            result.pre.append(x)
                            result.post.append(y)
                        } else if a >= 0 {
                            result.preOnlyRows.append(a)
                        } else if b >= 0 {
                            result.postOnlyRows.append(b)
                        }
                    }
                    }
                }
            }
        }
        try poll.check(at: keyword.position)
        // An integer column's values are whole: the range is the pairs' smallest and largest.
        if values == nil, case .integer = valueColumn.data {
            result.rangeKnown = true
            if lo.isFinite, hi.isFinite, hi - lo < 64, abs(lo) < 1e9, abs(hi) < 1e9 {
                result.pairRange = (Int(lo), Int(hi - lo) + 1)
            }
        }
        return result
    }

    /// Pairs two columns of each row (wide data): `first` before, `second` after.
    static func wide(frame: Frame, first: Token, second: Token, on: [Token],
                     context: EvaluationContext) throws(Diagnostic) -> Pairing {
        let a = try context.column(first.text, in: frame.table, at: first.position)
        let b = try context.column(second.text, in: frame.table, at: second.position)
        var result = Pairing()
        result.values = try PairingValues.numbers(frame.data(of: a), name: first)
        let after = try PairingValues.numbers(frame.data(of: b), name: second)
        result.secondValues = after
        result.phaseNames = (first.text, second.text)
        result.orderSource = Localized(en: "as written", fi: "kirjoitetussa järjestyksessä")
        for token in on { _ = try context.column(token.text, in: frame.table, at: token.position) }
        result.keyNames = on.isEmpty ? frame.table.key : on.map(\.text)
        for row in 0..<frame.rowCount {
            let x = result.values[row], y = after[row]
            switch (x.isNaN, y.isNaN) {
            case (false, false):
                result.preRows.append(row)
                result.postRows.append(row)
                result.pre.append(x)
                result.post.append(y)
            case (false, true): result.preOnlyRows.append(row)
            case (true, false): result.postOnlyRows.append(row)
            case (true, true): break
            }
        }
        return result
    }

    /// The pairing key: `on`, or the table's key without the phase column.
    static func keyNames(frame: Frame, phase: Token, on: [Token], context: EvaluationContext,
                                 keyword: Token) throws(Diagnostic) -> [String] {
        if !on.isEmpty {
            return try context.onColumns(on, in: frame, excluding: phase,
                                         "the phase column \"\(phase.text)\" cannot also pair the rows; name the columns that identify a person (and item)")
        }
        let key = frame.table.key
        guard !key.isEmpty else {
            let name = frame.origin ?? frame.table.name
            throw Diagnostic(keyword.position, "\(name) has no declared key, so \(keyword.text) cannot tell which rows belong together; say which columns identify a pair, as in \(keyword.text) ... by \(phase.text) on <id column>")
        }
        guard key.contains(phase.text) else {
            throw Diagnostic(phase.position, "the key of \(frame.table.name) (\(key.joined(separator: ", "))) does not include \"\(phase.text)\", so no two rows of one key differ in phase; say which columns pair the rows with on <column>")
        }
        let rest = key.filter { $0 != phase.text }
        guard !rest.isEmpty else {
            throw Diagnostic(keyword.position, "the key of \(frame.table.name) is only \"\(phase.text)\"; say which columns pair the rows with on <column>")
        }
        return rest
    }

    private static func duplicate(_ frame: Frame, _ pairing: Pairing, _ row: Int, _ phase: String, _ keyword: Token) -> Diagnostic {
        let key = pairing.keyNames.map { name in
            "\(name) \(PairingValues.text(frame.data(of: frame.table.column(named: name)!), row))"
        }.joined(separator: ", ")
        return Diagnostic(keyword.position, "two rows have \(key) in phase \(phase), so they cannot be paired; pair on more columns with on <column>, ...")
    }
}

/// The pairing key of each row as one integer, in the order of `OrderedKeys` (lexicographic,
/// missing last). When every key column is categorical (and the product of their level counts
/// is small), the id is read off the codes: no per-row id arrays and no compaction.
struct CategoryKeys {
    var count: Int
    private var codes: [Codes] = []
    private var strides: [Int] = []
    private var ranks: [[Int]] = []
    private var ordered: [Int32]?

    init(ordered: (ids: [Int32], count: Int)) {
        count = ordered.count
        self.ordered = ordered.ids
    }

    init?(_ columns: [ColumnData], rowCount: Int) {
        guard !columns.isEmpty, rowCount < Int(Int32.max) else { return nil }
        var product = 1
        for data in columns {
            guard case .categorical(let c, _) = data else { return nil }
            let levels = c.levels.count
            // OrderedKeys' ids: level order, missing (code 0) last.
            ranks.append([levels] + Array(0..<levels))
            codes.append(c.codes)
            let (next, overflow) = product.multipliedReportingOverflow(by: levels + 1)
            guard !overflow, next <= max(4 * rowCount, 1 << 16) else { return nil }
            product = next
        }
        var stride = 1
        strides = Array(repeating: 0, count: columns.count)
        for i in columns.indices.reversed() {
            strides[i] = stride
            stride *= ranks[i].count
        }
        count = product
    }

    @inline(__always)
    func id(_ row: Int) -> Int {
        if let ordered { return Int(ordered[row]) }
        var id = 0
        for i in codes.indices { id += ranks[i][codes[i][row]] * strides[i] }
        return id
    }
}

/// Which side of the comparison each row is on: the two phase values and their order.
struct PhaseSplit {
    /// 0 for the first phase, 1 for the second, -1 for any other value or missing.
    var sideOf: [Int8]
    /// The two values as they read.
    var names: (first: String, second: String)
    /// Where the order came from.
    var orderSource: Localized

    /// Splits `data` by the two phase values given, or by its only two values: in codebook order;
    /// without one, in a known order of their names (pre -> post), else alphabetical or ascending.
    static func make(_ data: ColumnData, phase: Token, values: (Token, Token)?) throws(Diagnostic) -> PhaseSplit {
        let choice = try choose(data, phase: phase, values: values)
        let side: [Int8]
        switch choice.idOf {
        case .codes(let codes):
            // Through a table by code: no per-row array of ids.
            side = choice.sideOfCode.withUnsafeBufferPointer { table in
                codes.withBuffer { buffer in
                    switch buffer {
                    case .u8(let b): b.map { table[Int($0)] }
                    case .u16(let b): b.map { table[Int($0)] }
                    case .u32(let b): b.map { table[Int($0)] }
                    }
                }
            }
        case .ids(let ids):
            side = ids.map { $0 == choice.chosen.0 ? 0 : $0 == choice.chosen.1 ? 1 : -1 }
        }
        return PhaseSplit(sideOf: side, names: choice.names, orderSource: choice.orderSource)
    }

    /// For a categorical phase, the split as a table by code (0 first phase, 1 second, -1 any
    /// other code or missing) instead of an array by row; the same errors as `make`.
    static func sidesOfCodes(_ data: ColumnData, phase: Token,
                             values: (Token, Token)?) throws(Diagnostic) -> (sideOfCode: [Int8], names: (first: String, second: String), orderSource: Localized)? {
        guard case .categorical = data else { return nil }
        let choice = try choose(data, phase: phase, values: values)
        return (choice.sideOfCode, choice.names, choice.orderSource)
    }

    /// The two phase values chosen and where their order came from.
    private struct Choice {
        var idOf: RowIDs
        var chosen: (Int, Int)
        var names: (first: String, second: String)
        var orderSource: Localized
        /// By code (categorical data): the side of each code.
        var sideOfCode: [Int8]
    }

    private static func choose(_ data: ColumnData, phase: Token, values: (Token, Token)?) throws(Diagnostic) -> Choice {
        let (distinct, idOf) = distinctValues(data)
        var chosen: (Int, Int)
        let source: Localized
        if let (a, b) = values {
            chosen = (try locate(a, in: distinct, phase: phase), try locate(b, in: distinct, phase: phase))
            if chosen.0 == chosen.1 {
                throw Diagnostic(b.position, "the two phases to compare are the same value \"\(b.text)\"")
            }
            source = Localized(en: "as written", fi: "kirjoitetussa järjestyksessä")
        } else {
            let present = distinct.indices.filter { distinct[$0].present }
            guard present.count == 2 else {
                let list = present.prefix(8).map { "\"\(distinct[$0].value)\"" }.joined(separator: ", ")
                let example = present.count >= 2 ? "\"\(distinct[present[0]].value)\" -> \"\(distinct[present[1]].value)\"" : "\"before\" -> \"after\""
                throw Diagnostic(phase.position, "\(phase.text) has \(present.count) value\(present.count == 1 ? "" : "s") (\(list)); delta compares two: say which, as in by \(phase.text) \(example)")
            }
            chosen = (present[0], present[1])
            if case .categorical(let c, _) = data, !c.levelsSortedByValue {
                source = Localized(en: "codebook order", fi: "koodikirjan järjestyksessä")
            } else if let named = knownOrder(distinct[chosen.0].value, distinct[chosen.1].value) {
                chosen = named ? chosen : (chosen.1, chosen.0)
                source = Localized(en: "recognised by name", fi: "nimestä tunnistettu järjestys")
            } else if case .categorical = data {
                source = Localized(en: "alphabetical order, as no codebook gives one", fi: "aakkosjärjestyksessä, koska koodikirja ei anna järjestystä")
            } else {
                source = Localized(en: "ascending order", fi: "nousevassa järjestyksessä")
            }
        }
        var sideOfCode: [Int8] = []
        if case .codes = idOf {
            sideOfCode = [Int8](repeating: -1, count: distinct.count + 1)
            sideOfCode[chosen.0 + 1] = 0
            sideOfCode[chosen.1 + 1] = 1
        }
        return Choice(idOf: idOf, chosen: chosen, names: (distinct[chosen.0].value, distinct[chosen.1].value),
                      orderSource: source, sideOfCode: sideOfCode)
    }

    /// Phase names whose order everyone knows, so a file read without a codebook still
    /// compares pre -> post rather than alphabetically post -> pre.
    private static let namedOrders: [(String, String)] = [
        ("pre", "post"), ("before", "after"), ("baseline", "followup"), ("baseline", "follow-up"),
        ("start", "end"), ("first", "second"), ("alku", "loppu"), ("ennen", "jälkeen"), ("t0", "t1"), ("t1", "t2"),
    ]

    /// true when `a` -> `b` is a known order, false when `b` -> `a` is, nil when neither.
    private static func knownOrder(_ a: String, _ b: String) -> Bool? {
        let (x, y) = (a.lowercased(), b.lowercased())
        if namedOrders.contains(where: { $0 == (x, y) }) { return true }
        if namedOrders.contains(where: { $0 == (y, x) }) { return false }
        return nil
    }

    /// Each row's index among a column's distinct values: a category's code - 1, or an index.
    private enum RowIDs {
        case codes(Codes)
        case ids([Int])
    }

    /// The column's distinct values in level order (with whether each occurs) and each row's
    /// index among them (-1 for missing). Categories map codes, so no row is read as text.
    private static func distinctValues(_ data: ColumnData) -> ([(value: String, label: Localized?, present: Bool)], RowIDs) {
        switch data {
        case .categorical(let c, _):
            var present = [Bool](repeating: false, count: c.levels.count + 1)
            present.withUnsafeMutableBufferPointer { present in
                // Block by block, until every level has been seen (a phase's two, at once).
                func mark<C: FixedWidthInteger>(_ codes: UnsafeBufferPointer<C>) {
                    var start = 0
                    while start < codes.count {
                        let end = min(start + 4096, codes.count)
                        for i in start..<end { present[Int(codes[i])] = true }
                        if !present[1...].contains(false) { return }
                        start = end
                    }
                }
                c.codes.withBuffer { buffer in
                    switch buffer {
                    case .u8(let b): mark(b)
                    case .u16(let b): mark(b)
                    case .u32(let b): mark(b)
                    }
                }
            }
            let distinct = c.levels.enumerated().map { ($0.element.value, $0.element.label, present[$0.offset + 1]) }
            return (distinct, .codes(c.codes))
        default:
            let ids = OrderedKeys.ids(for: data)
            var first = [Int](repeating: -1, count: ids.count)
            for row in ids.ids.indices where first[Int(ids.ids[row])] < 0 { first[Int(ids.ids[row])] = row }
            let missingID = ids.count - 1
            var distinct: [(value: String, label: Localized?, present: Bool)] = []
            for id in 0..<missingID where first[id] >= 0 {
                distinct.append((PairingValues.text(data, first[id]), nil, true))
            }
            return (distinct, .ids(ids.ids.map { Int($0) == missingID ? -1 : Int($0) }))
        }
    }

    private static func locate(_ token: Token, in distinct: [(value: String, label: Localized?, present: Bool)],
                               phase: Token) throws(Diagnostic) -> Int {
        let folded = token.text.lowercased()
        if let i = distinct.firstIndex(where: { $0.value == token.text })
            ?? distinct.firstIndex(where: { $0.label?.en.lowercased() == folded || $0.label?.fi.lowercased() == folded }) {
            return i
        }
        throw Diagnostic(token.position, "\(phase.text) has no value \"\(token.text)\"; its values are \(distinct.map { "\"\($0.value)\"" }.joined(separator: ", "))",
                         suggestion: Suggestion.quoted(token.text, among: distinct.map(\.value)))
    }
}

/// Reading column values as numbers or text for the analysis verbs.
enum PairingValues {
    /// The numbers of `data` (NaN for missing): numbers as themselves, scale points as their
    /// number (or their position on the scale when the codebook gives none).
    static func numbers(_ data: ColumnData, name: Token) throws(Diagnostic) -> [Double] {
        switch data {
        case .integer(let v):
            // Both cores on a long column: the doubles are fresh pages, and faulting them in is
            // most of the work.
            return v.decimals(CancelPoll(isCancelled: nil))
        case .decimal(let v): return v
        case .categorical(let c, true):
            let table = [Double.nan] + c.levels.enumerated().map { $0.element.number ?? Double($0.offset + 1) }
            return c.codes.widened.map { table[Int($0)] }
        case .categorical(_, false):
            throw Diagnostic(name.position, "\"\(name.text)\" is categorical; a change needs numbers or an ordinal scale")
        case .text:
            throw Diagnostic(name.position, "\"\(name.text)\" is text; a change needs numbers or an ordinal scale")
        }
    }

    /// Numbers of any ordered column, nil for unordered ones.
    static func numbersIfOrdered(_ data: ColumnData) -> [Double]? {
        switch data {
        case .integer, .decimal, .categorical(_, true):
            return try? numbers(data, name: Token(.identifier, "", SourcePosition(file: "", line: 0, column: 0)))
        default: return nil
        }
    }

    /// The value of `row` as text (the raw value, not the label); "NA" when missing.
    static func text(_ data: ColumnData, _ row: Int) -> String {
        switch data {
        case .integer(let v): return Missing.isMissing(v[row]) ? "NA" : String(v[row])
        case .decimal(let v): return v[row].isNaN ? "NA" : String(v[row])
        case .text(let v): return v[row] ?? "NA"
        case .categorical(let c, _): return c.level(at: row)?.value ?? "NA"
        }
    }
}
