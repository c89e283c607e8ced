import ArvioData
import ArvioQuery

/// What a compiled expression is, which decides how the operators around it compile: the same
/// distinctions the in-memory evaluator makes (whole numbers stay whole, a comparison with a
/// category is decided per level, a condition has three values).
enum SQLKind {
    case integer
    case decimal
    case text
    /// A categorical or ordinal column; in SQL its values are the levels' texts.
    case category(levels: [Level], ordered: Bool)
    /// A condition: SQL `boolean`, NULL for unknown.
    case truth
    /// Constants, kept as values so that a comparison with a category can be decided per level
    /// when the statement is compiled, as the evaluator decides it.
    case integerConstant(Int64)
    case decimalConstant(Double)
    case textConstant(String)
    case booleanConstant(Bool)

    /// The kind of a column of the data.
    init(_ data: ColumnData) {
        switch data {
        case .integer: self = .integer
        case .decimal: self = .decimal
        case .text: self = .text
        case .categorical(let c, let ordered): self = .category(levels: c.levels, ordered: ordered)
        }
    }

    var isNumber: Bool {
        switch self {
        case .integer, .decimal, .integerConstant, .decimalConstant: true
        default: false
        }
    }

    var isWhole: Bool {
        switch self {
        case .integer, .integerConstant: true
        default: false
        }
    }

    var isCondition: Bool {
        switch self {
        case .truth, .booleanConstant: true
        default: false
        }
    }

    /// Whether the value is text in SQL (a text column or a category).
    var isTextual: Bool {
        switch self {
        case .text, .category, .textConstant: true
        default: false
        }
    }
}

/// A compiled expression: its SQL and its kind.
struct SQLValue {
    var sql: String
    var kind: SQLKind
}

/// Why part of a plan cannot run as SQL; `.explain` shows it.
struct NotCompilable: Error {
    let reason: String
}

/// Compiles expressions of the language to SQL over the columns of one input, with the
/// evaluator's meaning: comparisons with a missing value are unknown (NULL), `and`/`or`/`not`
/// are three-valued (which SQL's are too), `/` gives decimals and a division by zero gives
/// missing, whole numbers stay whole for `+ - * %`. What would mean something different in
/// SQL is refused, so the executor runs it in memory instead.
struct ExpressionCompiler {
    /// The input's columns: how to name each in SQL and its kind.
    var columns: [String: SQLValue]
    var parameters: SQLParameters

    mutating func compile(_ expression: Expression) throws(NotCompilable) -> SQLValue {
        switch expression.kind {
        case .integer(let value):
            return SQLValue(sql: SQLText.integer(value), kind: .integerConstant(value))
        case .decimal(let value):
            return SQLValue(sql: SQLText.decimal(value), kind: .decimalConstant(value))
        case .string(let text):
            // Sent as a parameter only where it is used in the SQL: a comparison with a category
            // is decided now, and a parameter the statement never mentions has no type.
            return SQLValue(sql: "", kind: .textConstant(text))
        case .boolean(let value):
            return SQLValue(sql: value ? "true" : "false", kind: .booleanConstant(value))
        case .missing:
            throw NotCompilable(reason: "\"missing\" as a value")
        case .list:
            throw NotCompilable(reason: "a list outside \"in\"")
        case .column(let name):
            guard let column = columns[name] else { throw NotCompilable(reason: "the column \"\(name)\" is not known here") }
            return column
        case .unary(.not, let operand):
            let value = try compile(operand)
            guard value.kind.isCondition else { throw NotCompilable(reason: "\"not\" of a value that is not a condition") }
            return SQLValue(sql: "(NOT \(value.sql))", kind: .truth)
        case .unary(.negate, let operand):
            let value = try compile(operand)
            switch value.kind {
            case .integerConstant(let v) where v != .min: return SQLValue(sql: SQLText.integer(-v), kind: .integerConstant(-v))
            case .decimalConstant(let v): return SQLValue(sql: SQLText.decimal(-v), kind: .decimalConstant(-v))
            case .integer, .decimal: return SQLValue(sql: "(- \(value.sql))", kind: value.kind)
            default: throw NotCompilable(reason: "\"-\" of a value that is not a number")
            }
        case .binary(let op, let left, let right):
            return try compare(op, try compile(left), try compile(right))
        case .chain(let first, let links):
            var value = try compile(first)
            for link in links {
                let next = try compile(link.operand)
                value = try combine(link.op, value, next)
            }
            return value
        case .membership(let subject, let items, let negated):
            let value = try membership(try compile(subject), items)
            return negated ? SQLValue(sql: "(NOT \(value.sql))", kind: .truth) : value
        case .missingTest(let subject, let negated):
            let value = try compile(subject)
            switch value.kind {
            case .integer, .decimal, .text, .category, .truth:
                return SQLValue(sql: "(\(value.sql) IS \(negated ? "NOT " : "")NULL)", kind: .truth)
            default:
                throw NotCompilable(reason: "\"is missing\" of a constant")
            }
        case .between(let subject, let low, let high):
            let value = try compile(subject)
            let atLeast = try compare(.greaterOrEqual, value, try compile(low))
            let atMost = try compare(.lessOrEqual, value, try compile(high))
            return SQLValue(sql: "(\(atLeast.sql) AND \(atMost.sql))", kind: .truth)
        case .call(let name, let arguments):
            return try call(name, arguments)
        }
    }

    // MARK: Comparisons

    mutating func compare(_ op: BinaryOperator, _ l: SQLValue, _ r: SQLValue) throws(NotCompilable) -> SQLValue {
        let symbol = op == .equal ? "=" : op == .notEqual ? "<>" : op.rawValue
        switch (l.kind, r.kind) {
        case (.category(let levels, let ordered), _) where Self.isConstant(r.kind):
            return try levelComparison(l.sql, levels, ordered, op, r.kind)
        case (_, .category(let levels, let ordered)) where Self.isConstant(l.kind):
            return try levelComparison(r.sql, levels, ordered, op.flipped, l.kind)
        case (.integer, .integer), (.integer, .integerConstant), (.integerConstant, .integer):
            return SQLValue(sql: "(\(l.sql) \(symbol) \(r.sql))", kind: .truth)
        case _ where l.kind.isNumber && r.kind.isNumber:
            if Self.isConstant(l.kind) && Self.isConstant(r.kind) { throw NotCompilable(reason: "a comparison of two constants") }
            return SQLValue(sql: "(\(l.sql)::float8 \(symbol) \(r.sql)::float8)", kind: .truth)
        case (.text, .text), (.text, .textConstant), (.textConstant, .text):
            let collate = op.isOrdering ? " COLLATE \"C\"" : ""
            return SQLValue(sql: "(\(text(l))\(collate) \(symbol) \(text(r))\(collate))", kind: .truth)
        case (.text, .category), (.category, .text), (.category, .category):
            guard !op.isOrdering else { throw NotCompilable(reason: "an ordering of two columns that are not numbers or text") }
            return SQLValue(sql: "(\(l.sql) \(symbol) \(r.sql))", kind: .truth)
        case (.truth, .truth), (.truth, .booleanConstant), (.booleanConstant, .truth):
            guard !op.isOrdering else { throw NotCompilable(reason: "an ordering of conditions") }
            return SQLValue(sql: "(\(l.sql) \(symbol) \(r.sql))", kind: .truth)
        default:
            throw NotCompilable(reason: "a comparison of these types")
        }
    }

    /// The SQL of a textual value, a constant sent as a parameter.
    private mutating func text(_ value: SQLValue) -> String {
        if case .textConstant(let text) = value.kind { return parameters.add(text) }
        return value.sql
    }

    static func isConstant(_ kind: SQLKind) -> Bool {
        switch kind {
        case .integerConstant, .decimalConstant, .textConstant, .booleanConstant: true
        default: false
        }
    }

    /// `category op constant`, decided per level now (by value or label, scale order for an
    /// ordinal, scale numbers for a number) as the evaluator decides it, and sent as the list of
    /// level values for which it holds.
    private mutating func levelComparison(_ column: String, _ levels: [Level], _ ordered: Bool, _ op: BinaryOperator,
                                          _ constant: SQLKind) throws(NotCompilable) -> SQLValue {
        if op.isOrdering && !ordered { throw NotCompilable(reason: "an ordering of a categorical column") }
        let data = CategoricalData(codes: Codes([], levelCount: levels.count), levels: levels)
        var holds: [Bool]
        switch constant {
        case .textConstant(let text):
            if let code = data.code(matching: text) {
                holds = levels.indices.map { op.holds(Double($0 + 1), Double(code)) }
            } else if ordered, let number = Double(text), number.isFinite, levels.contains(where: { $0.number != nil }) {
                holds = levels.map { $0.number.map { op.holds($0, number) } ?? false }
            } else {
                throw NotCompilable(reason: "\"\(text)\" is not a value of the column")
            }
        case .integerConstant, .decimalConstant:
            let number: Double
            if case .integerConstant(let v) = constant { number = Double(v) } else if case .decimalConstant(let v) = constant { number = v } else { number = .nan }
            if ordered && levels.contains(where: { $0.number != nil }) {
                holds = levels.map { $0.number.map { op.holds($0, number) } ?? false }
            } else {
                let text: String
                if case .integerConstant(let v) = constant { text = "\(v)" } else { text = "\(number)" }
                guard !op.isOrdering, let code = data.code(matching: text) else {
                    throw NotCompilable(reason: "a category compared with a number")
                }
                holds = levels.indices.map { op.holds(Double($0 + 1), Double(code)) }
            }
        default:
            throw NotCompilable(reason: "a category compared with true/false")
        }
        return levelSet(column, levels.indices.filter { holds[$0] }.map { levels[$0].value })
    }

    /// True where `column` is one of `values`, false where it is another value, unknown where
    /// it is missing (`= ANY` of an empty array is false even for NULL, hence the CASE).
    private mutating func levelSet(_ column: String, _ values: [String]) -> SQLValue {
        let array = parameters.addArray(values)
        return SQLValue(sql: "(CASE WHEN \(column) IS NULL THEN NULL::boolean ELSE \(column) = ANY (\(array)) END)", kind: .truth)
    }

    private mutating func membership(_ subject: SQLValue, _ items: [Expression]) throws(NotCompilable) -> SQLValue {
        var constants: [SQLKind] = []
        for item in items {
            let value = try compile(item)
            guard Self.isConstant(value.kind) else { throw NotCompilable(reason: "a list after \"in\" that holds columns") }
            constants.append(value.kind)
        }
        switch subject.kind {
        case .category(let levels, let ordered):
            var values = Set<String>()
            for constant in constants {
                values.formUnion(try matchingLevels(levels, ordered, constant))
            }
            return levelSet(subject.sql, levels.map(\.value).filter(values.contains))
        case .text:
            var texts: [String] = []
            for constant in constants {
                guard case .textConstant(let text) = constant else { throw NotCompilable(reason: "a text column in a list of numbers") }
                texts.append(text)
            }
            return levelSet(subject.sql, texts)
        case .integer, .decimal:
            var numbers: [String] = []
            for constant in constants {
                switch constant {
                case .integerConstant(let v): numbers.append(SQLText.decimal(Double(v)))
                case .decimalConstant(let v): numbers.append(SQLText.decimal(v))
                default: throw NotCompilable(reason: "a number column in a list of text")
                }
            }
            let list = numbers.isEmpty ? "'{}'::float8[]" : "ARRAY[\(numbers.joined(separator: ", "))]"
            return SQLValue(sql: "(CASE WHEN \(subject.sql) IS NULL THEN NULL::boolean ELSE \(subject.sql)::float8 = ANY (\(list)) END)", kind: .truth)
        default:
            throw NotCompilable(reason: "\"in\" of a value that is not a column")
        }
    }

    /// The level values equal to `constant` (the evaluator's `levelTable` for `==`).
    private func matchingLevels(_ levels: [Level], _ ordered: Bool, _ constant: SQLKind) throws(NotCompilable) -> Set<String> {
        let data = CategoricalData(codes: Codes([], levelCount: levels.count), levels: levels)
        switch constant {
        case .textConstant(let text):
            if let code = data.code(matching: text) { return [levels[code - 1].value] }
            if ordered, let number = Double(text), number.isFinite, levels.contains(where: { $0.number != nil }) {
                return Set(levels.filter { $0.number == number }.map(\.value))
            }
        case .integerConstant, .decimalConstant:
            let number: Double
            if case .integerConstant(let v) = constant { number = Double(v) } else if case .decimalConstant(let v) = constant { number = v } else { number = .nan }
            if ordered && levels.contains(where: { $0.number != nil }) {
                return Set(levels.filter { $0.number == number }.map(\.value))
            }
            let text: String
            if case .integerConstant(let v) = constant { text = "\(v)" } else { text = "\(number)" }
            if let code = data.code(matching: text) { return [levels[code - 1].value] }
        default:
            break
        }
        throw NotCompilable(reason: "a list value that is not a value of the column")
    }

    // MARK: Logic and arithmetic

    private mutating func combine(_ op: BinaryOperator, _ l: SQLValue, _ r: SQLValue) throws(NotCompilable) -> SQLValue {
        if op == .and || op == .or {
            guard l.kind.isCondition, r.kind.isCondition else { throw NotCompilable(reason: "\"\(op.rawValue)\" of values that are not conditions") }
            return SQLValue(sql: "(\(l.sql) \(op == .and ? "AND" : "OR") \(r.sql))", kind: .truth)
        }
        guard l.kind.isNumber, r.kind.isNumber else { throw NotCompilable(reason: "arithmetic on values that are not numbers") }
        if Self.isConstant(l.kind) && Self.isConstant(r.kind) { throw NotCompilable(reason: "arithmetic on two constants") }
        if l.kind.isWhole && r.kind.isWhole && op != .divide {
            switch op {
            case .remainder: return SQLValue(sql: "(\(l.sql) % NULLIF(\(r.sql), 0))", kind: .integer)
            default: return SQLValue(sql: "(\(l.sql) \(op.rawValue) \(r.sql))", kind: .integer)
            }
        }
        switch op {
        case .divide: return SQLValue(sql: "(\(l.sql)::float8 / NULLIF(\(r.sql)::float8, 0))", kind: .decimal)
        // + and - of decimals on their decimal digits, as in memory (ExpressionEvaluator.decimals):
        // float8 to numeric keeps the value's 15 significant digits, so 0.04 + 0.2 is 0.24.
        case .add, .subtract: return SQLValue(sql: "((\(l.sql)::float8::numeric \(op.rawValue) \(r.sql)::float8::numeric)::float8)", kind: .decimal)
        case .multiply: return SQLValue(sql: "(\(l.sql)::float8 \(op.rawValue) \(r.sql)::float8)", kind: .decimal)
        default: throw NotCompilable(reason: "\"%\" of decimals")
        }
    }

    private mutating func call(_ name: String, _ arguments: [Expression]) throws(NotCompilable) -> SQLValue {
        switch name {
        case "abs" where arguments.count == 1:
            let value = try compile(arguments[0])
            switch value.kind {
            case .integer: return SQLValue(sql: "abs(\(value.sql))", kind: .integer)
            case .decimal: return SQLValue(sql: "abs(\(value.sql))", kind: .decimal)
            default: throw NotCompilable(reason: "abs() of a value that is not a number column")
            }
        case "round" where (1...2).contains(arguments.count):
            let value = try compile(arguments[0])
            switch value.kind {
            case .integer, .decimal: return try round(value, arguments)
            default: throw NotCompilable(reason: "round() of a value that is not a number column")
            }
        default:
            throw NotCompilable(reason: "\(name)() in a row expression")
        }
    }

    /// `round(x, d)` as the evaluator computes it: x times 10^d, rounded half away from zero,
    /// divided by 10^d, all in doubles. PostgreSQL's `round(float8)` rounds half to even, so the
    /// rounding is spelled out with `trunc`, whose fraction is exact.
    private mutating func round(_ value: SQLValue, _ arguments: [Expression]) throws(NotCompilable) -> SQLValue {
        var digits = 0
        if arguments.count == 2 {
            guard case .integer(let d) = arguments[1].kind, (0...15).contains(d) else {
                throw NotCompilable(reason: "round() with digits that are not a whole number from 0 to 15")
            }
            digits = Int(d)
        }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let s = SQLText.decimal(scale)
        let p = "(\(value.sql)::float8 * \(s))"
        let sql = "((trunc(\(p)) + CASE WHEN \(p) - trunc(\(p)) >= 0.5 THEN 1 WHEN \(p) - trunc(\(p)) <= -0.5 THEN -1 ELSE 0 END) / \(s))"
        return SQLValue(sql: sql, kind: .decimal)
    }
}
