import ArvioData

/// Dense, order-preserving ids for column values: equal values get equal ids, smaller values
/// smaller ids, and missing the largest. Group-by, distinct and sort all work on these, so
/// after one pass over a column no row is compared by its value again.
enum OrderedKeys {
    /// The ids of `data`'s rows and how many distinct ids there can be.
    /// Categories use their codes directly (scale order for ordinal columns; codebook order, or
    /// alphabetical order when `alphabetical`, for unordered ones).
    static func ids(for data: ColumnData, descending: Bool = false, alphabetical: Bool = false) -> (ids: [Int32], count: Int) {
        var result: (ids: [Int32], count: Int)
        switch data {
        case .categorical(let c, let ordered):
            result = categoricalIDs(c, alphabetical: alphabetical && !ordered)
        case .integer(let v):
            result = sortedIDs(v, isMissing: Missing.isMissing)
        case .decimal(let v):
            result = sortedIDs(v.map { $0 == 0 ? 0 : $0 }, isMissing: { $0.isNaN })
        case .text(let v):
            result = sortedIDs(v.map { $0 ?? "" }, isMissing: { _ in false }, missing: v.map { $0 == nil })
        }
        if descending {
            let missingID = Int32(result.count - 1)
            result.ids = result.ids.map { $0 == missingID ? $0 : missingID - 1 - $0 }
        }
        return result
    }

    private static func categoricalIDs(_ c: CategoricalData, alphabetical: Bool) -> (ids: [Int32], count: Int) {
        let levelCount = c.levels.count
        // rank[code]: the id of each code; code 0 (missing) goes last.
        var rank = [Int32](repeating: Int32(levelCount), count: levelCount + 1)
        if alphabetical {
            let order = c.levels.indices.sorted { c.levels[$0].value < c.levels[$1].value }
            for (position, level) in order.enumerated() { rank[level + 1] = Int32(position) }
        } else {
            for level in 0..<levelCount { rank[level + 1] = Int32(level) }
        }
        var ids = [Int32](repeating: 0, count: c.codes.count)
        rank.withUnsafeBufferPointer { rank in
            c.codes.withBuffer { buffer in
                switch buffer {
                case .u8(let b): for i in b.indices { ids[i] = rank[Int(b[i])] }
                case .u16(let b): for i in b.indices { ids[i] = rank[Int(b[i])] }
                case .u32(let b): for i in b.indices { ids[i] = rank[Int(b[i])] }
                }
            }
        }
        return (ids, levelCount + 1)
    }

    private static func sortedIDs<T: Hashable & Comparable>(_ values: [T], isMissing: (T) -> Bool,
                                                           missing: [Bool]? = nil) -> (ids: [Int32], count: Int) {
        var firstSeen: [T: Int32] = [:]
        var distinct: [T] = []
        var provisional = [Int32](repeating: -1, count: values.count)
        for i in values.indices {
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
        let order = distinct.indices.sorted { distinct[$0] < distinct[$1] }
        var rank = [Int32](repeating: 0, count: distinct.count)
        for (position, id) in order.enumerated() { rank[id] = Int32(position) }
        let missingID = Int32(distinct.count)
        let ids = provisional.map { $0 < 0 ? missingID : rank[Int($0)] }
        return (ids, distinct.count + 1)
    }

    /// Combines two id vectors into one, keeping lexicographic order: dense counters when the
    /// product of the counts is small, a hash of the pair otherwise.
    static func combine(_ a: (ids: [Int32], count: Int), _ b: (ids: [Int32], count: Int)) -> (ids: [Int32], count: Int) {
        let n = a.ids.count
        let (product, overflow) = a.count.multipliedReportingOverflow(by: b.count)
        if !overflow && product <= max(4 * n, 1 << 16) {
            var slot = [Int32](repeating: -1, count: product)
            for i in 0..<n { slot[Int(a.ids[i]) * b.count + Int(b.ids[i])] = 0 }
            var next: Int32 = 0
            for s in slot.indices where slot[s] == 0 {
                slot[s] = next
                next += 1
            }
            let ids = (0..<n).map { slot[Int(a.ids[$0]) * b.count + Int(b.ids[$0])] }
            return (ids, Int(next))
        }
        var seen: [Int: Int32] = [:]
        var keys: [Int] = []
        let composite = (0..<n).map { Int(a.ids[$0]) * b.count + Int(b.ids[$0]) }
        for key in composite where seen[key] == nil {
            seen[key] = 0
            keys.append(key)
        }
        keys.sort()
        for (position, key) in keys.enumerated() { seen[key] = Int32(position) }
        return (composite.map { seen[$0] ?? 0 }, keys.count)
    }

    /// Ids over several columns at once, in lexicographic order of the columns.
    static func ids(for columns: [ColumnData], descending: [Bool]? = nil, alphabetical: Bool = false,
                    rowCount: Int) -> (ids: [Int32], count: Int) {
        var result: (ids: [Int32], count: Int) = ([Int32](repeating: 0, count: rowCount), 1)
        for (index, data) in columns.enumerated() {
            let next = ids(for: data, descending: descending?[index] ?? false, alphabetical: alphabetical)
            result = index == 0 ? next : combine(result, next)
        }
        return result
    }
}
