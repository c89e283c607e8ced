import ArvioData

/// Dense, order-preserving ids for column values: equal values get equal ids, smaller values
/// smaller ids, and missing the largest. Group-by, distinct and sort all work on these, so
/// after one pass over a column no row is compared by its value again.
enum OrderedKeys {
    /// The ids of `data`'s rows and how many distinct ids there can be.
    /// Categories use their codes directly (scale order for ordinal columns; codebook order, or
    /// alphabetical order when `alphabetical`, for unordered ones).
    /// With `poll`, the passes look at the cancel flag between blocks of rows and stop once it
    /// is set, leaving the ids unfinished: the caller throws with `poll.check` before using them.
    static func ids(for data: ColumnData, descending: Bool = false, alphabetical: Bool = false,
                    poll: CancelPoll? = nil) -> (ids: [Int32], count: Int) {
        var result: (ids: [Int32], count: Int)
        switch data {
        case .categorical(let c, let ordered):
            result = categoricalIDs(c, alphabetical: alphabetical && !ordered, poll: poll)
        case .integer(let v):
            // At the stored width, whose order is the values' order; `min` is its missing.
            switch v {
            case .i8(let a): result = sortedIDs(a, isMissing: { $0 == .min }, poll: poll)
            case .i16(let a): result = sortedIDs(a, isMissing: { $0 == .min }, poll: poll)
            case .i32(let a): result = sortedIDs(a, isMissing: { $0 == .min }, poll: poll)
            case .i64(let a): result = sortedIDs(a, isMissing: Missing.isMissing, poll: poll)
            }
        case .decimal(let v):
            result = sortedIDs(CancelPoll.array(poll, v.count) { v[$0] == 0 ? 0 : v[$0] }, isMissing: { $0.isNaN }, poll: poll)
        case .text(let v):
            // Copied in polled blocks: a stopped copy is short, and the ids of a stopped pass are not used.
            var texts: [String] = []
            texts.reserveCapacity(v.count)
            CancelPoll.blocks(poll, v.indices) { for i in $0 { texts.append(v[i] ?? "") } }
            if poll?.stopped == true { return ([], 0) }
            result = sortedIDs(texts, isMissing: { _ in false }, missing: CancelPoll.array(poll, v.count) { v[$0] == nil },
                               poll: poll)
        }
        if descending {
            let missingID = Int32(result.count - 1)
            let ascending = result.ids
            result.ids = CancelPoll.array(poll, ascending.count) { ascending[$0] == missingID ? missingID : missingID - 1 - ascending[$0] }
        }
        return result
    }

    private static func categoricalIDs(_ c: CategoricalData, alphabetical: Bool, poll: CancelPoll?) -> (ids: [Int32], count: Int) {
        let levelCount = c.levels.count
        // rank[code]: the id of each code; code 0 (missing) goes last.
        var rank = [Int32](repeating: Int32(levelCount), count: levelCount + 1)
        if alphabetical {
            let order = c.levels.indices.sorted { c.levels[$0].value < c.levels[$1].value }
            for (position, level) in order.enumerated() { rank[level + 1] = Int32(position) }
        } else {
            for level in 0..<levelCount { rank[level + 1] = Int32(level) }
        }
        var ids = CancelPoll.array(poll, c.codes.count) { _ in Int32(0) }
        rank.withUnsafeBufferPointer { rank in
            c.codes.withBuffer { buffer in
                switch buffer {
                case .u8(let b): CancelPoll.blocks(poll, b.indices) { for i in $0 { ids[i] = rank[Int(b[i])] } }
                case .u16(let b): CancelPoll.blocks(poll, b.indices) { for i in $0 { ids[i] = rank[Int(b[i])] } }
                case .u32(let b): CancelPoll.blocks(poll, b.indices) { for i in $0 { ids[i] = rank[Int(b[i])] } }
                }
            }
        }
        return (ids, levelCount + 1)
    }

    private static func sortedIDs<T: Hashable & Comparable>(_ values: [T], isMissing: (T) -> Bool,
                                                           missing: [Bool]? = nil, poll: CancelPoll?) -> (ids: [Int32], count: Int) {
        var firstSeen: [T: Int32] = [:]
        var distinct: [T] = []
        var provisional = CancelPoll.array(poll, values.count) { _ in Int32(-1) }
        CancelPoll.blocks(poll, values.indices) { block in
            for i in block {
                let value = values[i]
                if isMissing(value) || missing?[i] == true { continue }
                if let id = firstSeen[value] {
                    provisional[i] = id
                } else {
                    let id = Int32(distinct.count)
                    firstSeen[value] = id
                    distinct.append(value)
                    provisional[i] = id
                }
            }
        }
        firstSeen = [:]
        let order = sortedIndices(distinct.count, poll: poll) { distinct[$0] < distinct[$1] }
        var rank = [Int32](repeating: 0, count: distinct.count)
        for (position, id) in order.enumerated() { rank[id] = Int32(position) }
        let missingID = Int32(distinct.count)
        let ids = CancelPoll.array(poll, values.count) { provisional[$0] >= 0 ? rank[Int(provisional[$0])] : missingID }
        return (ids, distinct.count + 1)
    }

    /// `0 ..< count` sorted by `less`, stable: runs sorted whole, then merged in passes that
    /// look at `poll` between blocks, so a sort of millions of distinct texts stops on Ctrl-C
    /// (one run is a few thousand values, well under a millisecond). Without a poll, one sort.
    static func sortedIndices(_ count: Int, poll: CancelPoll?, by less: (Int, Int) -> Bool) -> [Int] {
        guard poll != nil, count > run else { return (0..<count).sorted(by: less) }
        var a = Array(0..<count)
        CancelPoll.blocks(poll, 0..<((count + run - 1) / run), chunk: 1) { runs in
            for r in runs { a[(r * run)..<min(count, (r + 1) * run)].sort(by: less) }
        }
        var b = a
        var width = run
        while width < count {
            if poll?.stopped == true { return a }
            a.withUnsafeBufferPointer { source in
                b.withUnsafeMutableBufferPointer { target in
                    CancelPoll.blocks(poll, 0..<((count + 2 * width - 1) / (2 * width)), chunk: max(1, EvaluationContext.chunk / (2 * width))) { pairs in
                        for p in pairs {
                            let start = p * 2 * width
                            var i = start, j = min(count, start + width), out = start
                            let mid = j, end = min(count, start + 2 * width)
                            while i < mid && j < end {
                                // Stable: the left run wins ties.
                                if less(source[j], source[i]) { target[out] = source[j]; j += 1 } else { target[out] = source[i]; i += 1 }
                                out += 1
                            }
                            while i < mid { target[out] = source[i]; i += 1; out += 1 }
                            while j < end { target[out] = source[j]; j += 1; out += 1 }
                        }
                    }
                }
            }
            swap(&a, &b)
            width *= 2
        }
        return a
    }

    /// The length of the runs `sortedIndices` sorts whole.
    private static let run = 4096

    /// Combines two id vectors into one, keeping lexicographic order: dense counters when the
    /// product of the counts is small, a hash of the pair otherwise.
    static func combine(_ a: (ids: [Int32], count: Int), _ b: (ids: [Int32], count: Int),
                        poll: CancelPoll? = nil) -> (ids: [Int32], count: Int) {
        let n = a.ids.count
        let (product, overflow) = a.count.multipliedReportingOverflow(by: b.count)
        if !overflow && product <= max(4 * n, 1 << 16) {
            var slot = CancelPoll.array(poll, product) { _ in Int32(-1) }
            CancelPoll.blocks(poll, 0..<n) { for i in $0 { slot[Int(a.ids[i]) * b.count + Int(b.ids[i])] = 0 } }
            var next: Int32 = 0
            CancelPoll.blocks(poll, slot.indices) { block in
                for s in block where slot[s] == 0 {
                    slot[s] = next
                    next += 1
                }
            }
            let ids = CancelPoll.array(poll, n) { slot[Int(a.ids[$0]) * b.count + Int(b.ids[$0])] }
            return (ids, Int(next))
        }
        var seen: [Int: Int32] = [:]
        var keys: [Int] = []
        let composite = CancelPoll.array(poll, n) { Int(a.ids[$0]) * b.count + Int(b.ids[$0]) }
        CancelPoll.blocks(poll, 0..<n) { block in
            for i in block where seen[composite[i]] == nil {
                seen[composite[i]] = 0
                keys.append(composite[i])
            }
        }
        if poll?.stopped == true { return ([], 0) }
        keys.sort()
        for (position, key) in keys.enumerated() { seen[key] = Int32(position) }
        let ids = CancelPoll.array(poll, n) { seen[composite[$0]] ?? 0 }
        return (ids, keys.count)
    }

    /// Ids over several columns at once, in lexicographic order of the columns.
    static func ids(for columns: [ColumnData], descending: [Bool]? = nil, alphabetical: Bool = false,
                    rowCount: Int, poll: CancelPoll? = nil) -> (ids: [Int32], count: Int) {
        // No columns: every row in one group. Otherwise the first column's ids replace this.
        var result: (ids: [Int32], count: Int) = columns.isEmpty ? (CancelPoll.array(poll, rowCount) { _ in 0 }, 1) : ([], 1)
        for (index, data) in columns.enumerated() {
            if poll?.stopped == true { return result }
            let next = ids(for: data, descending: descending?[index] ?? false, alphabetical: alphabetical, poll: poll)
            result = index == 0 ? next : combine(result, next, poll: poll)
        }
        return result
    }
}
