import ArvioData

/// Puts the key values of two tables in one id space, so a join matches integers, not values.
/// Categories are translated once per level; other types are hashed once per row.
/// An id of -1 means the row has no key (missing) or, on the left, a key the right lacks.
enum JoinKeys {
    /// The ids of the left and right rows for one pair of key columns, and the id count.
    static func ids(left: ColumnData, right: ColumnData) -> (left: [Int], right: [Int], count: Int) {
        if case .categorical(let l, _) = left, case .categorical(let r, _) = right {
            var rightID: [String: Int] = [:]
            for (i, level) in r.levels.enumerated() { rightID[level.value] = i }
            let leftTable = [-1] + l.levels.map { rightID[$0.value] ?? -1 }
            let rightTable = [-1] + Array(0..<r.levels.count)
            return (l.codes.widened.map { leftTable[Int($0)] }, r.codes.widened.map { rightTable[Int($0)] }, r.levels.count)
        }
        if case .integer(let l) = left, case .integer(let r) = right {
            return hashed(left: l.map { Missing.isMissing($0) ? nil : $0 }, right: r.map { Missing.isMissing($0) ? nil : $0 })
        }
        return hashed(left: strings(left), right: strings(right))
    }

    private static func hashed<T: Hashable>(left: [T?], right: [T?]) -> (left: [Int], right: [Int], count: Int) {
        var index: [T: Int] = [:]
        let rightIDs = right.map { value -> Int in
            guard let value else { return -1 }
            if let id = index[value] { return id }
            let id = index.count
            index[value] = id
            return id
        }
        let leftIDs = left.map { value in value.flatMap { index[$0] } ?? -1 }
        return (leftIDs, rightIDs, index.count)
    }

    /// Values as text, for keys of different types (a number matching a category "3").
    private static func strings(_ data: ColumnData) -> [String?] {
        switch data {
        case .text(let t): return t
        case .integer(let v): return v.map { Missing.isMissing($0) ? nil : String($0) }
        case .decimal(let v): return v.map { $0.isNaN ? nil : NumberFormat.plain($0) }
        case .categorical(let c, _):
            let values = [nil] + c.levels.map { Optional($0.value) }
            return c.codes.widened.map { values[Int($0)] }
        }
    }

    /// Combines the ids of several key pairs into one id per row.
    static func combine(_ pairs: [(left: [Int], right: [Int], count: Int)]) -> (left: [Int], right: [Int], count: Int) {
        guard var result = pairs.first else { return ([], [], 0) }
        for pair in pairs.dropFirst() {
            var index: [Int: Int] = [:]
            func merge(_ a: [Int], _ b: [Int], adding: Bool) -> [Int] {
                zip(a, b).map { x, y in
                    if x < 0 || y < 0 { return -1 }
                    let key = x * pair.count + y
                    if let id = index[key] { return id }
                    guard adding else { return -1 }
                    index[key] = index.count
                    return index.count - 1
                }
            }
            let right = merge(result.right, pair.right, adding: true)
            let left = merge(result.left, pair.left, adding: false)
            result = (left, right, index.count)
        }
        return result
    }
}

extension ColumnData {
    /// The rows in `rows`, where -1 gives a missing value (an unmatched row of a left join).
    func gatheringAllowingMissing(_ rows: [Int]) -> ColumnData {
        switch self {
        case .integer(let v): .integer(rows.map { $0 < 0 ? Missing.integer : v[$0] })
        case .decimal(let v): .decimal(rows.map { $0 < 0 ? Missing.decimal : v[$0] })
        case .text(let v): .text(rows.map { $0 < 0 ? nil : v[$0] })
        case .categorical(let c, let ordered):
            .categorical(CategoricalData(codes: Codes(rows.map { $0 < 0 ? 0 : UInt32(c.codes[$0]) }, levelCount: c.levels.count),
                                         levels: c.levels, scale: c.scale, levelsSortedByValue: c.levelsSortedByValue), ordered: ordered)
        }
    }
}
