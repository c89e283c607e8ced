/// Quoting for the SQL Arvio writes. Names are always quoted identifiers and values are always
/// parameters (`$1`), so a column called `a"; DROP TABLE x; --` is only a name and a value
/// `'; DROP TABLE x; --` only a value; literals appear in the text only for numbers the
/// compiler made itself.
public enum SQLText {
    /// `name` as a quoted identifier: in double quotes, each double quote doubled.
    public static func identifier(_ name: String) -> String {
        "\"" + name.replacingAll("\"", with: "\"\"") + "\"" 
    }

    /// A schema-qualified table name.
    public static func qualified(schema: String, table: String) -> String {
        identifier(schema) + "." + identifier(table)
    }

    /// `values` as the text of a PostgreSQL array (`{"a","b"}`), to send as one parameter:
    /// every element quoted, backslashes and double quotes escaped.
    public static func arrayParameter(_ values: [String]) -> String {
        let elements = values.map { value in
            "\"" + value.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
        }
        return "{" + elements.joined(separator: ",") + "}"
    }

    /// A whole number as SQL text.
    static func integer(_ value: Int64) -> String {
        // -9223372036854775808 is not a literal PostgreSQL reads as bigint in one step.
        value == .min ? "(-9223372036854775807::int8 - 1)" : "\(value)::int8"
    }

    /// A decimal as SQL text that reads back as the same double.
    static func decimal(_ value: Double) -> String {
        if value.isNaN { return "'NaN'::float8" }
        if value.isInfinite { return value > 0 ? "'Infinity'::float8" : "'-Infinity'::float8" }
        return "'\(value)'::float8"
    }
}

/// The parameters of one statement being written: each value gets the next `$n`.
struct SQLParameters {
    private(set) var values: [String?] = []

    /// The placeholder for `value`, with a cast so PostgreSQL knows its type.
    mutating func add(_ value: String, as type: String = "text") -> String {
        values.append(value)
        return "$\(values.count)::\(type)"
    }

    /// The placeholder for a list of texts, as one `text[]` parameter.
    mutating func addArray(_ values: [String]) -> String {
        add(SQLText.arrayParameter(values), as: "text[]")
    }
}
