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

    /// Groups the frame's rows by `keys`, which are checked to exist. Categories and small whole
    /// numbers are grouped on their codes (`DenseKeys`); other keys through `OrderedKeys`.
    static func make(frame: Frame, keys: [Token], context: EvaluationContext) throws(Diagnostic) -> Grouping {
        var columns: [Column] = []
        for (index, key) in keys.enumerated() {
            if keys[..<index].contains(where: { $0.text == key.text }) {
                throw Diagnostic(key.position, "\"\(key.text)\" is listed twice")
            }
            columns.append(try context.column(key.text, in: frame.table, at: key.position))
        }
        let rowCount = frame.rowCount
        let poll = CancelPoll(context)
        // The cancellation is reported at the first key (there is always one when rows are grouped).
        let position = keys.first?.position ?? SourcePosition(file: "<stdin>", line: 1, column: 1)
        var combined = DenseKeys.ids(for: columns.map(\.data), rows: frame.rows, rowCount: rowCount)
            ?? OrderedKeys.ids(for: columns.map { frame.data(of: $0) }, rowCount: rowCount, poll: poll)
        try poll.check(at: position)
        let idCount = combined.count
        // The first row of each id: each core finds the firsts in its part, the earliest part wins.
        let parts = Parallel.ranges(rowCount)
        // With many ids, one table of firsts is cheaper than one per core.
        let firstParts = idCount > 1 << 16 ? [0..<rowCount] : parts
        let firsts = combined.ids.withUnsafeBufferPointer { ids in
            Parallel.map(firstParts.count) { k -> [Int] in
                var first = [Int](repeating: -1, count: idCount)
                first.withUnsafeMutableBufferPointer { first in
                    // Backwards block by block (each block backwards), so each id keeps its first row.
                    var end = firstParts[k].upperBound
                    while end > firstParts[k].lowerBound, !poll.stopped {
                        let start = max(firstParts[k].lowerBound, end - EvaluationContext.chunk)
                        poll.blocks(start..<end) { block in
                            var row = block.upperBound - 1
                            while row >= block.lowerBound {
                                first[Int(ids[row])] = row
                                row -= 1
                            }
                        }
                        end = start
                    }
                }
                return first
            }
        }
        try poll.check(at: position)
        var representatives = firsts.first ?? []
        for later in firsts.dropFirst() {
            for id in 0..<idCount where representatives[id] < 0 { representatives[id] = later[id] }
        }
        // Ids are dense except where a combination does not occur; close the gaps.
        var renumber = [Int32](repeating: -1, count: idCount)
        var compact: [Int] = []
        for id in 0..<idCount where representatives[id] >= 0 {
            renumber[id] = Int32(compact.count)
            compact.append(representatives[id])
        }
        var groupOf = combined.ids
        combined = ([], 0)
        renumber.withUnsafeBufferPointer { renumber in
            groupOf.withUnsafeMutableBufferPointer { ids in
                Parallel.forEach(parts.count) { k in
                    poll.blocks(parts[k]) { for row in $0 { ids[row] = renumber[Int(ids[row])] } }
                }
            }
        }
        try poll.check(at: position)
        let sourceRows = frame.rows.map { rows in compact.map { rows[$0] } } ?? compact
        let keyColumns = columns.map { Column(name: $0.name, data: $0.data.gathering(sourceRows), label: $0.label) }
        return Grouping(groupOf: groupOf, groupCount: compact.count, representatives: compact, keyColumns: keyColumns)
    }

    /// The rows of each group, in frame order.
    func rowsByGroup() -> [[Int]] {
        var result = [[Int]](repeating: [], count: groupCount)
        for row in groupOf.indices { result[Int(groupOf[row])].append(row) }
        return result
    }

    /// `rowsByGroup()`, looking at the cancel flag every block of rows (thrown at `position`).
    func rowsByGroup(context: EvaluationContext, at position: SourcePosition) throws(Diagnostic) -> [[Int]] {
        var result = [[Int]](repeating: [], count: groupCount)
        let poll = CancelPoll(context)
        poll.blocks(0..<groupOf.count) { block in
            for row in block { result[Int(groupOf[row])].append(row) }
        }
        try poll.check(at: position)
        return result
    }
}
