import ArvioData

/// Comparisons. A categorical or ordinal column compared with a constant is decided once per
/// level (by value or label in either language, and by scale order for ordinal columns) and
/// then mapped through the codes. Comparisons with a missing value are unknown, never true.
extension ExpressionEvaluator {
    mutating func compare(_ op: BinaryOperator, _ left: Expression, _ right: Expression,
                          at position: SourcePosition) throws(Diagnostic) -> Value {
        let l = try evaluate(left)
        let r = try evaluate(right)
        if case .constant(.missing) = r {
            throw Diagnostic(right.position, "a comparison with missing is never true; write \"is missing\" or \"is not missing\"")
        }
        if case .constant(.missing) = l {
            throw Diagnostic(left.position, "a comparison with missing is never true; write \"is missing\" or \"is not missing\"")
        }
        switch (l, r) {
        case (.vector(.data(.categorical(let c, let ordered))), .constant(let k)):
            let table = try levelTable(c, ordered: ordered, op, k, column: left, constant: right, at: position)
            return .vector(.truth(Logic.map(c.codes, through: table, poll: poll)))
        case (.constant(let k), .vector(.data(.categorical(let c, let ordered)))):
            let table = try levelTable(c, ordered: ordered, op.flipped, k, column: right, constant: left, at: position)
            return .vector(.truth(Logic.map(c.codes, through: table, poll: poll)))
        case (.constant(let a), .constant(let b)):
            return .constant(try compareConstants(op, a, b, left, right, at: position))
        // A number column against a number: without the constant repeated into a column first.
        case (.vector(.data(let d)), .constant(let k)) where d.type.isNumeric && k.number != nil:
            return .vector(.truth(compare(op, d, with: k)))
        case (.constant(let k), .vector(.data(let d))) where d.type.isNumeric && k.number != nil:
            return .vector(.truth(compare(op.flipped, d, with: k)))
        default:
            return .vector(.truth(try compareVectors(op, l.vector(count: count), r.vector(count: count),
                                                     left, right, at: position)))
        }
    }

    /// The truth of `level op constant` for each code (index 0, missing, is unknown).
    private func levelTable(_ c: CategoricalData, ordered: Bool, _ op: BinaryOperator, _ constant: Constant,
                            column: Expression, constant constantExpression: Expression,
                            at position: SourcePosition) throws(Diagnostic) -> [Truth] {
        if op.isOrdering && !ordered {
            throw Diagnostic(position, "\"\(op.rawValue)\" needs an ordered scale, but \(describe(column)) is categorical (its values have no order)")
        }
        var table = [Truth](repeating: .unknown, count: c.levels.count + 1)
        func fill(_ decide: (Int) -> Bool) {
            for code in 1...max(1, c.levels.count) where code <= c.levels.count { table[code] = decide(code) ? .yes : .no }
        }
        switch constant {
        case .text(let text):
            if let code = c.code(matching: text) {
                fill { op.holds(Double($0), Double(code)) }
                return table
            }
            // "NaN" and "inf" parse as numbers but match no scale value: like "zzz", an error.
            if ordered, let number = Double(text), number.isFinite, c.levels.contains(where: { $0.number != nil }) {
                fill { c.levels[$0 - 1].number.map { op.holds($0, number) } ?? false }
                return table
            }
            throw unknownCategory(text, in: c, column: column, at: constantExpression.position)
        case .integer, .decimal:
            let number = constant.number ?? .nan
            if ordered && c.levels.contains(where: { $0.number != nil }) {
                fill { c.levels[$0 - 1].number.map { op.holds($0, number) } ?? false }
                return table
            }
            let text = constant.described
            if !op.isOrdering, let code = c.code(matching: text) {
                fill { op.holds(Double($0), Double(code)) }
                return table
            }
            throw Diagnostic(constantExpression.position,
                             "\(describe(column)) is \(ordered ? "ordinal" : "categorical"); compare it with one of its values in quotes, such as \"\(c.levels.first?.value ?? "")\"")
        case .logical:
            throw Diagnostic(position, "cannot compare \(describe(column)) (\(ordered ? "ordinal" : "categorical")) with true/false")
        case .missing:
            return table
        }
    }

    /// "not a value of" with the values and their labels (when there are few), and the value
    /// or label closest to `text`: by spelling among the values and both languages' labels, or
    /// else the one label or value that starts with it, named with its code (`"vastasi"` finds
    /// `"vastasi loppuarviointiin" ("responded")`). Either can be typed in a comparison.
    func unknownCategory(_ text: String, in c: CategoricalData, column: Expression,
                         at position: SourcePosition) -> Diagnostic {
        func listing(_ language: Language) -> String {
            c.levels.map { level in
                guard let label = level.label?.text(language), label != level.value else { return "\"\(level.value)\"" }
                return level.number != nil ? "\(level.value) = \"\(label)\"" : "\"\(level.value)\" (\(label))"
            }.joined(separator: ", ")
        }
        let few = c.levels.count <= 12
        let name = column.columnName.map { "\"\($0)\"" }
        let message = Localized(
            en: "\"\(text)\" is not a value of \(name ?? "this column")\(few ? " (its values are \(listing(.en)))" : "")",
            fi: "\"\(text)\" ei ole \(name.map { "sarakkeen \($0)" } ?? "tämän sarakkeen") arvo\(few ? " (sen arvot ovat \(listing(.fi)))" : "")")
        var diagnostic = Diagnostic(position, message)
        diagnostic.suggestion = Self.suggestion(for: text, in: c.levels)
        diagnostic.finnishSuggestion = diagnostic.suggestion
        return diagnostic
    }

    /// The value or label closest to `text` by spelling (case and Finnish letters folded), or
    /// else the one label or value that starts with it, with the level's code when that differs.
    static func suggestion(for text: String, in levels: [Level]) -> String? {
        var names: [(String, Int)] = []
        for (i, level) in levels.enumerated() {
            names.append((level.value, i))
            if let label = level.label { names += [(label.en, i), (label.fi, i)] }
        }
        if let closest = Suggestion.closest(to: text, among: names.map(\.0)) { return "\"\(closest)\"" }
        let starting = names.filter { Suggestion.starts($0.0, with: text) }
        guard let first = starting.first, starting.allSatisfy({ $0.1 == first.1 }) else { return nil }
        let code = levels[first.1].value
        return first.0 == code ? "\"\(code)\"" : "\"\(first.0)\" (\"\(code)\")"
    }

    private func compareConstants(_ op: BinaryOperator, _ a: Constant, _ b: Constant, _ left: Expression,
                                  _ right: Expression, at position: SourcePosition) throws(Diagnostic) -> Constant {
        if case .integer(let x) = a, case .integer(let y) = b { return .logical(op.holds(x, y)) }
        if let x = a.number, let y = b.number { return .logical(op.holds(x, y)) }
        if case .text(let x) = a, case .text(let y) = b { return .logical(op.holds(x, y)) }
        if case .logical(let x) = a, case .logical(let y) = b, !op.isOrdering { return .logical(op == .equal ? x == y : x != y) }
        // NaN never equals itself, so `== .decimal(.nan)` cannot find it: a number with no
        // value (1/0, the mean of nothing) makes the comparison unknown, as in a column.
        if case .decimal(let x) = a, x.isNaN { return .missing }
        if case .decimal(let y) = b, y.isNaN { return .missing }
        throw Diagnostic(position, "cannot compare \(a.typeName) with \(b.typeName)")
    }

    /// `value op k` for every value of a number column, as `compareVectors` decides it with `k`
    /// repeated: whole with whole exactly, else as decimals.
    private func compare(_ op: BinaryOperator, _ d: ColumnData, with k: Constant) -> [Truth] {
        // A whole-number constant at the missing marker is missing once repeated.
        var q = k.number ?? .nan
        if case .integer(let y) = k, Missing.isMissing(y) { q = .nan }
        switch (d, k) {
        case (.integer(let x), .integer(let y)):
            // At the column's stored width (`IntegerValues.comparing`).
            if Missing.isMissing(y) { return poll.array(x.count) { _ in .unknown } }
            return x.comparing(op, y, poll)
        case (.integer(let x), _):
            return poll.array(x.count) { i in
                let v = x[i]
                let p = Missing.isMissing(v) ? Double.nan : Double(v)
                return p.isNaN || q.isNaN ? .unknown : (op.holds(p, q) ? .yes : .no)
            }
        case (.decimal(let x), _):
            return x.withUnsafeBufferPointer { x in
                poll.array(x.count) { x[$0].isNaN || q.isNaN ? .unknown : (op.holds(x[$0], q) ? .yes : .no) }
            }
        default:
            return []
        }
    }

    private func compareVectors(_ op: BinaryOperator, _ a: Vector, _ b: Vector, _ left: Expression,
                                _ right: Expression, at position: SourcePosition) throws(Diagnostic) -> [Truth] {
        // Whole numbers compare exactly: as decimals, 2^53 + 1 would equal 2^53.
        if case .data(.integer(let x)) = a, case .data(.integer(let y)) = b {
            return poll.array(min(x.count, y.count)) { i in
                let p = x[i], q = y[i]
                return Missing.isMissing(p) || Missing.isMissing(q) ? .unknown : (op.holds(p, q) ? .yes : .no)
            }
        }
        if let x = a.decimals, let y = b.decimals {
            return poll.array(min(x.count, y.count)) { i in
                let p = x[i], q = y[i]
                return p.isNaN || q.isNaN ? .unknown : (op.holds(p, q) ? .yes : .no)
            }
        }
        if let x = strings(a), let y = strings(b), !op.isOrdering || (a.isText && b.isText) {
            return zip(x, y).map { p, q in
                guard let p, let q else { return .unknown }
                return op.holds(p, q) ? .yes : .no
            }
        }
        if case .data(.categorical(let c, true)) = a, case .data(.categorical(let d, true)) = b {
            let x = c.codes.widened.map { $0 == 0 ? Double.nan : c.levels[Int($0) - 1].number ?? Double($0) }
            let y = d.codes.widened.map { $0 == 0 ? Double.nan : d.levels[Int($0) - 1].number ?? Double($0) }
            return zip(x, y).map { p, q in p.isNaN || q.isNaN ? .unknown : (op.holds(p, q) ? .yes : .no) }
        }
        if case .truth(let x) = a, case .truth(let y) = b, !op.isOrdering {
            return zip(x, y).map { p, q in
                if p == .unknown || q == .unknown { return .unknown }
                return (p == q) == (op == .equal) ? .yes : .no
            }
        }
        throw Diagnostic(position, "cannot compare \(describe(left)) (\(a.typeName)) with \(describe(right)) (\(b.typeName)) using \"\(op.rawValue)\"")
    }

    /// Text values, or category values as their raw text; nil for other types.
    private func strings(_ v: Vector) -> [String?]? {
        switch v {
        case .data(.text(let t)): return t
        case .data(.categorical(let c, _)):
            let values = [nil] + c.levels.map { Optional($0.value) }
            return c.codes.widened.map { values[Int($0)] }
        default: return nil
        }
    }

    /// `x in [..]`: for categories, each list value is resolved once and the codes are looked up.
    mutating func membership(_ subject: Expression, _ items: [Expression], negated: Bool,
                             _ whole: Expression) throws(Diagnostic) -> Value {
        let value = try evaluate(subject)
        var constants: [(Constant, Expression)] = []
        for item in items {
            guard case .constant(let c) = try evaluate(item) else {
                throw Diagnostic(item.position, "the list after \"in\" must hold values such as \"pre\" or 3, not columns")
            }
            constants.append((c, item))
        }
        var result: [Truth]
        switch value.vector(count: count) {
        case .data(.categorical(let c, let ordered)):
            var table = [Truth](repeating: .no, count: c.levels.count + 1)
            table[0] = .unknown
            for (constant, item) in constants {
                let hit = try levelTable(c, ordered: ordered, .equal, constant, column: subject, constant: item,
                                         at: whole.operatorPosition)
                for code in hit.indices where hit[code] == .yes { table[code] = .yes }
            }
            result = Logic.map(c.codes, through: table, poll: poll)
        case .data(.text(let t)):
            let set = try textSet(constants, subject)
            result = t.map { $0.map { set.contains($0) ? .yes : .no } ?? .unknown }
        case .data(.integer(let x)):
            // Whole numbers against whole numbers, exactly: through decimals every value within
            // one unit of 2^53 would match its neighbour.
            var set = Set<Int64>()
            for (constant, item) in constants {
                guard let number = constant.number else {
                    throw Diagnostic(item.position, "\(describe(subject)) holds numbers, but this is \(constant.typeName)")
                }
                if case .integer(let whole) = constant { set.insert(whole) } else if let whole = Int64(exactly: number) { set.insert(whole) }
            }
            result = x.membership(set)
        case .data(let d) where d.type.isNumeric:
            var set = Set<Double>()
            for (constant, item) in constants {
                guard let number = constant.number else {
                    throw Diagnostic(item.position, "\(describe(subject)) holds numbers, but this is \(constant.typeName)")
                }
                set.insert(number)
            }
            let x = Vector.data(d).decimals ?? []
            result = x.map { $0.isNaN ? .unknown : (set.contains($0) ? .yes : .no) }
        default:
            throw Diagnostic(whole.operatorPosition, "\"in\" needs a column of values, but \(describe(subject)) is \(value.typeName)")
        }
        return .vector(.truth(negated ? Logic.not(result, poll) : result))
    }

    private func textSet(_ constants: [(Constant, Expression)], _ subject: Expression) throws(Diagnostic) -> Set<String> {
        var set = Set<String>()
        for (constant, item) in constants {
            guard case .text(let text) = constant else {
                throw Diagnostic(item.position, "\(describe(subject)) holds text, but this is \(constant.typeName)")
            }
            set.insert(text)
        }
        return set
    }
}

extension Vector {
    var isText: Bool {
        if case .data(.text) = self { return true }
        return false
    }
}

extension BinaryOperator {
    /// The operator with its sides swapped (`3 < x` is `x > 3`).
    public var flipped: BinaryOperator {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        default: self
        }
    }

    /// Whether `a op b` holds, for a comparison operator (the in-memory engine and the SQL
    /// compiler decide a comparison with a category level by the same rule).
    public func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        default: false
        }
    }
}
