import ArvioData

/// `join TABLE`, `join left TABLE`, `join TABLE on a = b, c = d`: adds the columns of another
/// table to each row whose key matches. By default the key is the relation declared between
/// the two tables (`responses.participant` → `participants.id`). An inner join keeps only
/// matched rows; a left join keeps every row, with missing values where nothing matched.
/// Rows with a missing key never match. The right table is indexed once on its key.
struct Join: Verb {
    static let name = "join"
    var isLeft: Bool
    var table: Token
    var on: [(left: Token, right: Token)]
    /// The scan of the right table; nil until bound.
    var right: LogicalPlan? = nil
    /// The key pairs, from `on` or the relation; nil until bound.
    var keys: [JoinKey]? = nil
    /// The names of the right columns in the result, as binding gave them against the whole
    /// input (so a pruned input does not change them); nil until bound.
    var rightNames: [JoinedColumn]? = nil
    /// The columns later operators need (set by `ColumnPruning`); nil keeps every column.
    var keep: Set<String>? = nil

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Join {
        var isLeft = false
        if parser.current.isWord("left") || parser.current.isWord("inner"), parser.following.isName {
            isLeft = parser.current.isWord("left")
            parser.advance()
        }
        let table = try parser.name(expected: "the table to join after \"join\"")
        var on: [(Token, Token)] = []
        if parser.match(word: "on") {
            repeat {
                let left = try parser.name(expected: "a column of this table after \"on\"")
                let right = parser.match(symbol: "=") ? try parser.name(expected: "a column of \(table.text) after \"=\"") : left
                on.append((left, right))
            } while parser.match(symbol: ",")
        }
        return Join(isLeft: isLeft, table: table, on: on)
    }

    /// The most rows a join may make (documented in docs/language.md).
    static let rowLimit = 100_000_000

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        var bound = self
        bound.right = try Binder.scan(table, in: input.context)
        guard let schema = input.schema, let right = bound.right else {
            // After an operator whose output depends on the data: the keys from `on` are all
            // that is known; the relation and the names are resolved as the join runs.
            bound.keys = on.map { JoinKey(left: $0.left.text, right: $0.right.text) }
            return PlanNode(.join(bound.operation), verb: bound, keyword: input.keyword, reads: nil, produces: [],
                            keepsOtherColumns: true, schema: nil)
        }
        let pairs = try keyPairs(schema.frame, right.sourceSchema.table, input.context)
        bound.keys = pairs.map { JoinKey(left: $0.0.name, right: $0.1.name) }
        bound.rightNames = Self.rightNames(left: schema.table, right: right.sourceSchema.table, rightKeys: pairs.map(\.1.name))
        let output = try bound.join(schema.frame, right.sourceSchema.table, in: input.context, keyword: input.keyword)
        // The left keys and the input's key are kept even when nothing later names them
        // (`combine`), so the join reads them whatever is needed after it.
        return PlanNode(.join(bound.operation), verb: bound, keyword: input.keyword,
                        reads: Set(pairs.map(\.0.name)).union(schema.key), produces: bound.rightNames?.map(\.name) ?? [],
                        keepsOtherColumns: true,
                        schema: PlanSchema(of: output.table, origin: output.origin, workspace: input.context.workspace))
    }

    func narrowed(to names: Set<String>) -> (verb: any Verb, operation: PlanOperator)? {
        guard rightNames != nil else { return nil }
        var narrowed = self
        narrowed.keep = names
        return (narrowed, .join(narrowed.operation))
    }

    /// The plan operator of the bound join.
    private var operation: JoinOperator {
        JoinOperator(right: right!, isLeft: isLeft, keys: keys ?? [], columns: rightNames ?? [], keep: keep)
    }

    /// The name of each right column other than its keys in the result: its own, or
    /// `name_table` when the left side (or an earlier right column) already has that name.
    static func rightNames(left: Table, right: Table, rightKeys: [String]) -> [JoinedColumn] {
        var taken = Set(left.columnNames)
        var result: [JoinedColumn] = []
        for column in right.columns where !rightKeys.contains(column.name) {
            var name = column.name
            // Suffixed again while taken: a right column may already be named `org_m`.
            while taken.contains(name) { name += "_\(right.name)" }
            taken.insert(name)
            result.append(JoinedColumn(source: column.name, name: name))
        }
        return result
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        try join(frame, try context.table(table), in: context, keyword: keyword)
    }

    /// Joins `right` to `frame`.
    private func join(_ frame: Frame, _ right: Table, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let pairs = try keyPairs(frame, right, context)
        if frame.rowCount == 0 {
            // Binding runs here on tables without rows: no index is needed for the schema.
            return try combine(frame, right, pairs.map(\.0.name), pairs.map(\.1.name), [], [], context: context, keyword: keyword)
        }
        if pairs.count == 1, let rows = frame.rows, rows.count * 2 < frame.table.rowCount,
           JoinIndex.mayIndex(left: pairs[0].0.data, right: pairs[0].1.data) {
            // A small selection of a long table is copied first (the columns that are needed),
            // so the right columns are looked up for the selected rows only.
            let needed = keep.map { $0.union([pairs[0].0.name]).union(frame.table.key) }
            var compact: [Column] = []
            for column in frame.table.columns where needed?.contains(column.name) ?? true {
                try context.checkCancelled(at: keyword.position)
                compact.append(column.gathering(rows))
            }
            var copied = frame.replacingColumns(compact, rowCount: rows.count, keepOrigin: true)
            copied.table.notes = frame.table.notes
            return try join(copied, right, in: context, keyword: keyword)
        }
        if pairs.count == 1, let index = JoinIndex.make(left: pairs[0].0.data, right: pairs[0].1.data) {
            return try joinUnique(frame, right, index, leftKey: pairs[0].0.name, rightKey: pairs[0].1.name,
                                  context: context, keyword: keyword)
        }
        var ids: [(left: [Int], right: [Int], count: Int)] = []
        for (l, r) in pairs {
            ids.append(JoinKeys.ids(left: frame.data(of: l), right: r.data))
        }
        let keys = JoinKeys.combine(ids)
        try context.checkCancelled(at: keyword.position)
        // The index: the right rows of each key, as offsets into one array.
        var starts = [Int](repeating: 0, count: keys.count + 1)
        for id in keys.right where id >= 0 { starts[id + 1] += 1 }
        for i in 1..<starts.count { starts[i] += starts[i - 1] }
        var fill = starts
        var rightRows = [Int](repeating: 0, count: starts[keys.count])
        for row in keys.right.indices where keys.right[row] >= 0 {
            rightRows[fill[keys.right[row]]] = row
            fill[keys.right[row]] += 1
        }
        // Keys repeated on both sides multiply: count the rows first, and refuse before
        // allocating a result that memory cannot hold.
        var made = 0
        for id in keys.left {
            made += id >= 0 && starts[id] < starts[id + 1] ? starts[id + 1] - starts[id] : (isLeft ? 1 : 0)
        }
        if made > Self.rowLimit {
            throw Diagnostic(keyword.position, "this join would make \(made) rows (\(keys.left.count) rows here, \(keys.right.count) in \(right.name); keys that repeat on both sides multiply), more than the limit of \(Self.rowLimit); match on more columns (on a = b, c = d) or narrow the tables first")
        }
        var leftOut: [Int] = []
        var rightOut: [Int] = []
        leftOut.reserveCapacity(keys.left.count)
        rightOut.reserveCapacity(keys.left.count)
        // Checked by rows made, not rows read: one left row can match very many right rows.
        var nextCheck = 0
        for row in keys.left.indices {
            if leftOut.count >= nextCheck {
                try context.checkCancelled(at: keyword.position)
                nextCheck = leftOut.count + EvaluationContext.chunk
            }
            let id = keys.left[row]
            if id >= 0 && starts[id] < starts[id + 1] {
                for match in starts[id]..<starts[id + 1] {
                    leftOut.append(row)
                    rightOut.append(rightRows[match])
                }
            } else if isLeft {
                leftOut.append(row)
                rightOut.append(-1)
            }
        }
        return try combine(frame, right, pairs.map(\.0.name), pairs.map(\.1.name), leftOut, rightOut, context: context, keyword: keyword)
    }

    /// A join whose right key is unique: no left column is copied. The left table stays as it
    /// is, the frame's selection keeps the matched rows (all of them in a left join, and the
    /// selection is unchanged when every row matches), and each right column that later
    /// operators read is looked up through the index for every table row.
    private func joinUnique(_ frame: Frame, _ right: Table, _ index: JoinIndex, leftKey: String, rightKey: String,
                            context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let table = frame.table
        let rows = isLeft ? frame.rows
            : try index.matchedRows(frame.rows, rowCount: table.rowCount, context: context, at: keyword.position)
        let needed = keep.map { $0.union([leftKey]).union(table.key) }
        var columns = table.columns.filter { needed?.contains($0.name) ?? true }
        let names = rightNames ?? Self.rightNames(left: table, right: right, rightKeys: [rightKey])
        for joined in names {
            if let needed, !needed.contains(joined.name) { continue }
            guard let column = right.column(named: joined.source) else { continue }
            let data = try index.gather(column.data, rowCount: table.rowCount, context: context, at: keyword.position)
            columns.append(Column(name: joined.name, data: data, label: column.label))
        }
        var next = frame.replacingColumns(columns, rowCount: table.rowCount, keepOrigin: true)
        next.rows = rows
        next.table.notes = table.notes
        return next
    }

    private func combine(_ frame: Frame, _ right: Table, _ leftKeys: [String], _ rightKeys: [String],
                         _ leftRows: [Int], _ rightRows: [Int],
                         context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let sourceRows = frame.rows.map { rows in leftRows.map { rows[$0] } } ?? leftRows
        // The keys stay even when unnamed: the frame's key (`Table.key`) is what later verbs
        // such as `delta` pair rows by, and the join keys are cheap to keep.
        let needed = keep.map { $0.union(leftKeys).union(frame.table.key) }
        var columns: [Column] = []
        for column in frame.table.columns where needed?.contains(column.name) ?? true {
            try context.checkCancelled(at: keyword.position)
            columns.append(Column(name: column.name, data: column.data.gathering(sourceRows), label: column.label))
        }
        // The names binding gave against the whole input, so a right column is called the same
        // (`org_participants`) whether or not an earlier join left the clashing column out.
        let names = rightNames ?? Self.rightNames(left: frame.table, right: right, rightKeys: rightKeys)
        for joined in names {
            if let needed, !needed.contains(joined.name) { continue }
            guard let column = right.column(named: joined.source) else { continue }
            try context.checkCancelled(at: keyword.position)
            columns.append(Column(name: joined.name, data: column.data.gatheringAllowingMissing(rightRows), label: column.label))
        }
        var next = frame.replacingColumns(columns, rowCount: leftRows.count, keepOrigin: true)
        next.table.notes = frame.table.notes
        return next
    }

    /// The key columns: from `on`, or from the relation declared between the two tables.
    private func keyPairs(_ frame: Frame, _ right: Table, _ context: EvaluationContext) throws(Diagnostic) -> [(Column, Column)] {
        if !on.isEmpty {
            var pairs: [(Column, Column)] = []
            for (l, r) in on {
                pairs.append((try context.column(l.text, in: frame.table, at: l.position),
                              try context.column(r.text, in: right, at: r.position)))
            }
            return pairs
        }
        guard let origin = frame.origin, let relation = context.workspace.relation(between: origin, and: right.name) else {
            let from = frame.origin.map { "between \($0) and \(right.name)" } ?? "for this result and \(right.name)"
            throw Diagnostic(table.position, "no relation is declared \(from); say which columns match, as in join \(right.name) on <column> = <column of \(right.name)>")
        }
        let (leftNames, rightNames) = relation.table == origin
            ? (relation.columns, relation.targetColumns) : (relation.targetColumns, relation.columns)
        var pairs: [(Column, Column)] = []
        for (l, r) in zip(leftNames, rightNames) {
            guard let leftColumn = frame.table.column(named: l) else {
                throw Diagnostic(table.position, "the relation between \(origin) and \(right.name) uses the column \"\(l)\", which this result no longer has; keep it in select, or use join \(right.name) on ...")
            }
            guard let rightColumn = right.column(named: r) else {
                throw Diagnostic(table.position, "the relation between \(origin) and \(right.name) uses the column \"\(r)\", which \(right.name) does not have")
            }
            pairs.append((leftColumn, rightColumn))
        }
        return pairs
    }
}
