/// An expression in a verb: a literal, a column, an operator applied to expressions, or a call.
public struct Expression: Sendable {
    /// What the expression is.
    public indirect enum Kind: Sendable {
        /// A whole number as written (`2`), exact.
        case integer(Int64)
        /// A number written with a fraction (`3.5`).
        case decimal(Double)
        /// A string in quotes.
        case string(String)
        /// `true` or `false`.
        case boolean(Bool)
        /// The word `missing` used as a value.
        case missing
        /// `[a, b, c]`.
        case list([Expression])
        /// A column name.
        case column(String)
        /// `-x` or `not x`.
        case unary(UnaryOperator, Expression)
        /// A comparison: `a == b`, `a < b`, ...
        case binary(BinaryOperator, Expression, Expression)
        /// Operands of one precedence level joined left to right: `a or b or c`, `a + b - c`,
        /// `a * b / c`. Kept flat, so a generated chain of thousands of operands is one node
        /// deep and nothing that walks the tree recurses once per operand.
        case chain(Expression, [Link])
        /// `x in [..]` / `x not in [..]`.
        case membership(Expression, [Expression], negated: Bool)
        /// `x is missing` / `x is not missing`.
        case missingTest(Expression, negated: Bool)
        /// `x between a and b` (both ends included).
        case between(Expression, Expression, Expression)
        /// `mean(score)`.
        case call(String, [Expression])
    }

    /// One operator and the operand after it, in a `.chain`.
    public struct Link: Sendable {
        /// The operator.
        public var op: BinaryOperator
        /// Where the operator is.
        public var operatorPosition: SourcePosition
        /// The operand after it.
        public var operand: Expression
    }

    /// What the expression is.
    public var kind: Kind
    /// The whole expression's span (clipped to its first line).
    public var position: SourcePosition
    /// The operator or function-name token, which errors about the operation point at.
    public var operatorPosition: SourcePosition

    init(_ kind: Kind, _ position: SourcePosition, operatorPosition: SourcePosition? = nil) {
        self.kind = kind
        self.position = position
        self.operatorPosition = operatorPosition ?? position
    }

    /// The column name, when the expression is just a column.
    public var columnName: String? {
        if case .column(let name) = kind { return name }
        return nil
    }
}

/// `-` and `not`.
public enum UnaryOperator: String, Sendable {
    case negate = "-"
    case not
}

/// The binary operators, from arithmetic to logic.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and, or

    /// `+ - * / %`.
    public var isArithmetic: Bool { [.add, .subtract, .multiply, .divide, .remainder].contains(self) }
    /// `== != < <= > >=`.
    public var isComparison: Bool { [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(self) }
    /// `< <= > >=`.
    public var isOrdering: Bool { [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(self) }
}
