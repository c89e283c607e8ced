import ArvioData

/// Evaluates an expression a column at a time: every node yields a typed vector (or a
/// constant) for all rows at once, so no row is interpreted through the tree.
///
/// In row mode a column is its values for the frame's rows and an aggregate is one value for
/// the whole frame. In group mode (inside `group ... aggregate`) a value is one per group: a key
/// column is its group values and an aggregate is computed per group.
struct ExpressionEvaluator {
    let frame: Frame
    let context: EvaluationContext
    /// The groups, in group mode.
    let grouping: Grouping?
    /// Notes for the result (values skipped by aggregates).
    var notes: [Localized] = []
    /// The counts and sums per group of the columns aggregated so far, shared by `count`, `mean`
    /// and `sum` of the same column.
    var sumsByColumn: [String: (n: [Int64], sum: [Double])] = [:]
    /// How deep the evaluation is in the expression tree, and whether the stack has room for more.
    private var depth = 0
    private var stack = StackGuard()
    /// The cancel flag, looked at before each node and between blocks of a node's rows.
    let poll: CancelPoll

    init(frame: Frame, context: EvaluationContext, grouping: Grouping? = nil) {
        self.frame = frame
        self.context = context
        self.grouping = grouping
        poll = CancelPoll(context)
    }

    /// How many values a vector has here: rows, or groups in group mode.
    var count: Int { grouping?.groupCount ?? frame.rowCount }

    /// Evaluates `expression`.
    mutating func evaluate(_ expression: Expression) throws(Diagnostic) -> Value {
        depth += 1
        defer { depth -= 1 }
        if depth > StackGuard.checkedFromDepth, !stack.hasRoom() {
            throw Diagnostic(expression.position, "this expression nests too deeply (\(depth) levels) for the stack available here; compute parts of it in earlier steps with derive")
        }
        try poll.check(at: expression.position)
        switch expression.kind {
        case .integer(let value):
            return .constant(.integer(value))
        case .decimal(let value):
            return .constant(.decimal(value))
        case .string(let text):
            return .constant(.text(text))
        case .boolean(let value):
            return .constant(.logical(value))
        case .missing:
            return .constant(.missing)
        case .list:
            throw Diagnostic(expression.position, "a list [...] can only follow \"in\"")
        case .column(let name):
            return try column(name, at: expression.position)
        case .unary(let op, let operand):
            return try unary(op, operand, expression)
        case .binary(let op, let left, let right):
            return try compare(op, left, right, at: expression.operatorPosition)
        case .chain(let first, let links):
            return try chain(first, links)
        case .membership(let subject, let items, let negated):
            return try membership(subject, items, negated: negated, expression)
        case .missingTest(let subject, let negated):
            return try missingTest(subject, negated: negated)
        case .between(let subject, let low, let high):
            let atLeast = try compare(.greaterOrEqual, subject, low, at: expression.operatorPosition)
            let atMost = try compare(.lessOrEqual, subject, high, at: expression.operatorPosition)
            return .vector(.truth(Logic.and(truths(atLeast), truths(atMost), poll)))
        case .call(let name, let arguments):
            return try call(name, arguments, expression)
        }
    }

    /// Evaluates a condition, for `where`: true/false per row.
    mutating func condition(_ expression: Expression, verb: String) throws(Diagnostic) -> [Truth] {
        let value = try evaluate(expression)
        switch value {
        case .vector(.truth(let t)): return t
        case .constant(.logical), .constant(.missing): return truths(value)
        default:
            throw Diagnostic(expression.position,
                             "\(verb) needs a condition that is true or false, but \(describe(expression)) is \(value.typeName)")
        }
    }

    private func column(_ name: String, at position: SourcePosition) throws(Diagnostic) -> Value {
        if let grouping {
            if let key = grouping.keyColumns.first(where: { $0.name == name }) { return .vector(.data(key.data)) }
            let column = try context.column(name, in: frame.table, at: position)
            let remedy = grouping.keyColumns.isEmpty ? "group by it, as in group \(name) aggregate ..." : "add it after \"group\""
            throw Diagnostic(position, "\"\(column.name)\" is not a group key; use it inside an aggregate such as count(\(name)) or n_distinct(\(name)), or \(remedy)")
        }
        let column = try context.column(name, in: frame.table, at: position)
        return .vector(.data(frame.data(of: column)))
    }

    /// The truth values of a condition value, constants repeated.
    func truths(_ value: Value) -> [Truth] {
        switch value {
        case .vector(.truth(let t)): return t
        case .constant(.logical(let b)): return poll.array(count) { _ in b ? .yes : .no }
        default: return poll.array(count) { _ in .unknown }
        }
    }

    private mutating func unary(_ op: UnaryOperator, _ operand: Expression, _ whole: Expression) throws(Diagnostic) -> Value {
        let value = try evaluate(operand)
        switch op {
        case .not:
            guard isCondition(value) else {
                throw Diagnostic(whole.operatorPosition, "\"not\" needs a condition, but \(describe(operand)) is \(value.typeName)")
            }
            return .vector(.truth(Logic.not(truths(value), poll)))
        case .negate:
            switch value {
            case .constant(.integer(let v)): return .constant(.integer(v == .min ? v : -v))
            case .constant(.decimal(let v)): return .constant(.decimal(-v))
            case .vector(.data(.integer(let v))): return .vector(.data(.integer(v.map { Missing.isMissing($0) ? $0 : -$0 })))
            case .vector(.data(.decimal(let v))): return .vector(.data(.decimal(v.map { -$0 })))
            default:
                throw Diagnostic(whole.operatorPosition, "\"-\" needs a number, but \(describe(operand)) is \(value.typeName)")
            }
        }
    }

    private func isCondition(_ value: Value) -> Bool {
        switch value {
        case .vector(.truth), .constant(.logical), .constant(.missing): true
        default: false
        }
    }

    /// A chain folded left to right, one operand at a time, so its length costs no stack.
    private mutating func chain(_ first: Expression, _ links: [Expression.Link]) throws(Diagnostic) -> Value {
        var value = try evaluate(first)
        var left = Operand(first, describe(first))
        for link in links {
            if link.op == .and || link.op == .or {
                try requireCondition(value, left, link.op)
                let right = try evaluate(link.operand)
                try requireCondition(right, Operand(link.operand, describe(link.operand)), link.op)
                value = .vector(.truth(link.op == .and ? Logic.and(truths(value), truths(right), poll)
                                                       : Logic.or(truths(value), truths(right), poll)))
            } else {
                let right = try evaluate(link.operand)
                value = try arithmetic(link.op, value, left, right, Operand(link.operand, describe(link.operand)),
                                       at: link.operatorPosition)
            }
            left = Operand(position: left.position.through(link.operand.position), described: "this value")
        }
        return value
    }

    private func requireCondition(_ value: Value, _ operand: Operand, _ op: BinaryOperator) throws(Diagnostic) {
        guard isCondition(value) else {
            throw Diagnostic(operand.position, "\"\(op.rawValue)\" joins conditions, but \(operand.described) is \(value.typeName)")
        }
    }

    /// How an expression is named in a message: `"org"` for a column, "this value" otherwise.
    func describe(_ expression: Expression) -> String {
        if let name = expression.columnName { return "\"\(name)\"" }
        if case .string(let s) = expression.kind { return "\"\(s)\"" }
        return "this value"
    }

    private mutating func missingTest(_ subject: Expression, negated: Bool) throws(Diagnostic) -> Value {
        let value = try evaluate(subject)
        let vector = value.vector(count: count)
        var result = [Truth](repeating: .no, count: vector.count)
        switch vector {
        case .truth(let t): for i in t.indices where t[i] == .unknown { result[i] = .yes }
        case .data(let d):
            switch d {
            case .integer(let v): result = v.missingTruths()
            case .decimal(let v): for i in v.indices where v[i].isNaN { result[i] = .yes }
            case .text(let v): for i in v.indices where v[i] == nil { result[i] = .yes }
            case .categorical(let c, _):
                result = Logic.map(c.codes, through: [.yes] + [Truth](repeating: .no, count: c.levels.count), poll: poll)
            }
        }
        return .vector(.truth(negated ? Logic.not(result, poll) : result))
    }
}

/// Where an operand is and how a message names it; for the running result of a chain, the
/// span so far and "this value".
struct Operand {
    var position: SourcePosition
    var described: String

    init(position: SourcePosition, described: String) {
        self.position = position
        self.described = described
    }

    init(_ expression: Expression, _ described: String) {
        self.init(position: expression.position, described: described)
    }
}

/// Three-valued logic on truth vectors, and mapping dictionary codes through a per-level table.
enum Logic {
    // Split between the cores in blocks that look at `poll` (a stopped pass is thrown away).
    static func not(_ a: [Truth], _ poll: CancelPoll) -> [Truth] {
        a.withUnsafeBufferPointer { a in poll.array(a.count) { a[$0] == .unknown ? .unknown : 1 - a[$0] } }
    }

    static func and(_ a: [Truth], _ b: [Truth], _ poll: CancelPoll) -> [Truth] {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                poll.array(min(a.count, b.count)) { i in
                    let x = a[i], y = b[i]
                    if x == .no || y == .no { return .no }
                    return x == .yes && y == .yes ? .yes : .unknown
                }
            }
        }
    }

    static func or(_ a: [Truth], _ b: [Truth], _ poll: CancelPoll) -> [Truth] {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                poll.array(min(a.count, b.count)) { i in
                    let x = a[i], y = b[i]
                    if x == .yes || y == .yes { return .yes }
                    return x == .no && y == .no ? .no : .unknown
                }
            }
        }
    }

    /// `table[code]` for every row: a condition on a categorical column is decided once per
    /// level and then looked up per row.
    static func map(_ codes: Codes, through table: [Truth], poll: CancelPoll? = nil) -> [Truth] {
        let parts = Parallel.ranges(codes.count)
        return [Truth](unsafeUninitializedCapacity: codes.count) { result, initialized in
            table.withUnsafeBufferPointer { table in
                codes.withBuffer { buffer in
                    Parallel.forEach(parts.count) { k in
                        switch buffer {
                        case .u8(let b): CancelPoll.blocks(poll, parts[k]) { for i in $0 { result[i] = table[Int(b[i])] } }
                        case .u16(let b): CancelPoll.blocks(poll, parts[k]) { for i in $0 { result[i] = table[Int(b[i])] } }
                        case .u32(let b): CancelPoll.blocks(poll, parts[k]) { for i in $0 { result[i] = table[Int(b[i])] } }
                        }
                    }
                }
            }
            initialized = codes.count
        }
    }
}
