import ArvioData

/// Three-valued truth for conditions: a comparison with a missing value is `unknown`, and
/// `where` keeps only rows that are `true`.
typealias Truth = UInt8

extension Truth {
    static let no: Truth = 0
    static let yes: Truth = 1
    static let unknown: Truth = 2
}

/// The result of evaluating an expression: one value for every row (a typed vector), or a
/// constant that stands for every row.
enum Value {
    /// The same value in every row.
    case constant(Constant)
    /// One value per row.
    case vector(Vector)
}

/// A single value.
enum Constant: Equatable {
    case integer(Int64)
    case decimal(Double)
    case text(String)
    case logical(Bool)
    case missing

    /// The value as a number, when it is one.
    var number: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .decimal(let v): v.isNaN ? nil : v
        default: nil
        }
    }

    /// How the value reads in a message.
    var described: String {
        switch self {
        case .integer(let v): "\(v)"
        // As a number reads as a category's name (`NumberFormat.plain`): 3.0 is "3", since
        // comparisons with a category match this text against its values.
        case .decimal(let v): NumberFormat.plain(v)
        case .text(let s): "\"\(s)\""
        case .logical(let b): b ? "true" : "false"
        case .missing: "missing"
        }
    }

    /// What kind of value it is, for type errors.
    var typeName: String {
        switch self {
        case .integer, .decimal: "a number"
        case .text: "text"
        case .logical: "true/false"
        case .missing: "missing"
        }
    }
}

/// A typed vector: column data, or the truth values of a condition.
enum Vector {
    /// Stored column data (numbers, text, categories, a scale).
    case data(ColumnData)
    /// The result of a condition.
    case truth([Truth])

    /// The number of rows.
    var count: Int {
        switch self {
        case .data(let d): d.count
        case .truth(let t): t.count
        }
    }

    /// What kind of values these are, for type errors.
    var typeName: String {
        switch self {
        case .data(let d):
            switch d.type {
            case .integer, .decimal: "a number"
            case .text: "text"
            case .categorical: "categorical"
            case .ordinal: "ordinal"
            }
        case .truth: "true/false"
        }
    }

    /// The values as decimals (NaN for missing), when they are numbers.
    var decimals: [Double]? {
        guard case .data(let d) = self else { return nil }
        switch d {
        case .integer(let v): return v.decimals(CancelPoll(isCancelled: nil))
        case .decimal(let v): return v
        default: return nil
        }
    }
}

extension Value {
    /// The value as a vector of `count` rows; constants are repeated.
    func vector(count: Int) -> Vector {
        switch self {
        case .vector(let v): return v
        case .constant(let c):
            switch c {
            case .integer(let v): return .data(.integer(IntegerValues(repeating: v, count: count)))
            case .decimal(let v): return .data(.decimal(Array(repeating: v, count: count)))
            case .text(let s): return .data(.text(Array(repeating: s, count: count)))
            case .logical(let b): return .truth(Array(repeating: b ? .yes : .no, count: count))
            case .missing: return .truth(Array(repeating: .unknown, count: count))
            }
        }
    }

    /// What kind of value it is, for type errors.
    var typeName: String {
        switch self {
        case .constant(let c): c.typeName
        case .vector(let v): v.typeName
        }
    }
}

extension Vector {
    /// The vector as column data: conditions become a `false`/`true` category.
    var columnData: ColumnData {
        switch self {
        case .data(let d): return d
        case .truth(let t):
            let levels = [Level(value: "false"), Level(value: "true")]
            let codes = t.map { $0 == .unknown ? UInt32(0) : UInt32($0) + 1 }
            return .categorical(CategoricalData(codes: Codes(codes, levelCount: 2), levels: levels), ordered: false)
        }
    }
}
