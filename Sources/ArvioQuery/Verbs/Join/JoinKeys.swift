import ArvioData

/// Puts the key values of two tables in one id space, so a join matches integers, not values.
/// Categories are translated once per level; other types are hashed once per row.
/// An id of -1 means the row has no key (missing) or, on the left, a key the right lacks.
enum JoinKeys {
    /// The ids of the left and right rows for one pair of key columns, and the id count.
    static func ids(left: ColumnData, right: ColumnData) -> (left: [Int], right: [Int], count: Int) {
        if case .categorical(let l, _) = left, case .categorical(let r, _) = right {
            let rightCode = translate(l.levels, to: r.levels)
            let leftTable = rightCode.map { Int($0) - 1 }
            return (l.codes.widened.map { leftTable[Int($0)] }, r.codes.widened.map { Int($0) - 1 }, r.levels.count)
        }
        if case .integer(let l) = left, case .integer(let r) = right {
            return hashed(left: l.map { Missing.isMissing($0) ? nil : $0 }, right: r.map { Missing.isMissing($0) ? nil : $0 })
        }
        return hashed(left: strings(left), right: strings(right))
    }

    /// The right code (1-based; 0 for none) of each left code, from the two dictionaries: once
    /// per level, never per row (`match`).
    static func translate(_ left: [Level], to right: [Level]) -> [UInt32] {
        [0] + (match(left.map(\.value), right.map { Optional($0.value) }, requireUnique: false) ?? [])
    }

    /// For each of `left` (distinct values), the position + 1 of the value equal to it in
    /// `right` (0 for none); nil when `requireUnique` and a present right value repeats. Two
    /// tables read from files of the same people usually list the same values in the same
    /// order, which is checked first (short values compare as machine words); values that both
    /// sides keep sorted are merged; otherwise one side is hashed.
    static func match(_ left: [String], _ right: [String?], requireUnique: Bool) -> [UInt32]? {
        var result = [UInt32](repeating: 0, count: left.count)
        var same = 0
        while same < left.count, same < right.count, let value = right[same], left[same] == value {
            result[same] = UInt32(same + 1)
            same += 1
        }
        if same == left.count && same == right.count { return result }
        if isSorted(left, from: same), let present = sortedPresent(right, from: same) {
            var i = same
            for j in present {
                let b = right[j]!
                while i < left.count, left[i] < b { i += 1 }
                guard i < left.count else { break }
                if left[i] == b {
                    result[i] = UInt32(j + 1)
                    i += 1
                }
            }
            return result
        }
        var positionOf: [String: UInt32] = [:]
        positionOf.reserveCapacity(right.count)
        for j in right.indices {
            guard let value = right[j] else { continue }
            if positionOf[value] != nil {
                if requireUnique { return nil }
                continue
            }
            positionOf[value] = UInt32(j + 1)
        }
        for i in same..<left.count { result[i] = positionOf[left[i]] ?? 0 }
        return result
    }

    /// Whether the values from `start - 1` on are strictly increasing (so a merge of the rest
    /// finds each value once, and none of it equals a value of the common prefix).
    private static func isSorted(_ values: [String], from start: Int) -> Bool {
        var i = max(start, 1)
        while i < values.count {
            if !(values[i - 1] < values[i]) { return false }
            i += 1
        }
        return true
    }

    /// The positions from `start` on that hold a value, when the present values from `start - 1`
    /// on are strictly increasing (so each is there once); else nil.
    private static func sortedPresent(_ values: [String?], from start: Int) -> [Int]? {
        var previous: String? = start > 0 ? values[start - 1] : nil
        var positions: [Int] = []
        positions.reserveCapacity(values.count - start)
        for j in start..<values.count {
            guard let value = values[j] else { continue }
            if let previous, !(previous < value) { return nil }
            previous = value
            positions.append(j)
        }
        return positions
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
        case .integer(let v): .integer(v.gathering(orMissing: rows))
        case .decimal(let v): .decimal(rows.map { $0 < 0 ? Missing.decimal : v[$0] })
        case .text(let v): .text(rows.map { $0 < 0 ? nil : v[$0] })
        case .categorical(let c, let ordered):
            .categorical(CategoricalData(codes: Codes(rows.map { $0 < 0 ? 0 : UInt32(c.codes[$0]) }, levelCount: c.levels.count),
                                         levels: c.levels, scale: c.scale, levelsSortedByValue: c.levelsSortedByValue), ordered: ordered)
        }
    }
}
