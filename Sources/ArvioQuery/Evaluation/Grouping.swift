import ArvioData

/// Which group each row of a frame belongs to, and the group keys: what `group`, `count by`
/// and `distinct` share. Groups are numbered in key order (scale order for ordinal keys,
/// missing last).
struct Grouping {
    /// The group of each frame row, from 0.
    var groupOf: [Int32]
    /// How many groups there are.
    var groupCount: Int
    /// The first frame row of each group.
    var representatives: [Int]
    /// The key columns, one value per group.
    var keyColumns: [Column]

    /// Every row in one group (for aggregates outside `group`).
    static func single(rowCount: Int) -> Grouping {
        Grouping(groupOf: [Int32](repeating: 0, count: rowCount), groupCount: 1,
                 representatives: [0], keyColumns: [])
    }

    /// Groups the frame's rows by `keys`, which are checked to exist.
    static func make(frame: Frame, keys: [Token], context: EvaluationContext) throws(Diagnostic) -> Grouping {
        var columns: [Column] = []
        for (index, key) in keys.enumerated() {
            if keys[..<index].contains(where: { $0.text == key.text }) {
                throw Diagnostic(key.position, "\"\(key.text)\" is listed twice")
            }
            let column = try context.column(key.text, in: frame.table, at: key.position)
            columns.append(Column(name: column.name, data: frame.data(of: column), label: column.label))
        }
        let rowCount = frame.rowCount
        let combined = OrderedKeys.ids(for: columns.map(\.data), rowCount: rowCount)
        var representatives = [Int](repeating: -1, count: combined.count)
        var used = 0
        for row in 0..<rowCount where representatives[Int(combined.ids[row])] < 0 {
            representatives[Int(combined.ids[row])] = row
            used += 1
        }
        // Ids are dense except that a column's missing id may be unused; close the gaps.
        var renumber = [Int32](repeating: -1, count: combined.count)
        var compact: [Int] = []
        for id in 0..<combined.count where representatives[id] >= 0 {
            renumber[id] = Int32(compact.count)
            compact.append(representatives[id])
        }
        let groupOf = combined.ids.map { renumber[Int($0)] }
        let keyColumns = columns.map { Column(name: $0.name, data: $0.data.gathering(compact), label: $0.label) }
        return Grouping(groupOf: groupOf, groupCount: compact.count, representatives: compact, keyColumns: keyColumns)
    }

    /// The rows of each group, in frame order.
    func rowsByGroup() -> [[Int]] {
        var result = [[Int]](repeating: [], count: groupCount)
        for row in groupOf.indices { result[Int(groupOf[row])].append(row) }
        return result
    }
}
