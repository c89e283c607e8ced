/// The sentinels that mark a missing number, as R marks `NA`: one value of each numeric type
/// is reserved, so numeric columns need no separate validity mask and loops stay branch-light.
public enum Missing {
    /// A missing integer.
    public static let integer: Int64 = .min
    /// A missing decimal. Arithmetic with no value (0/0) also yields it.
    public static let decimal: Double = .nan

    /// Whether `value` is the missing integer.
    @inlinable public static func isMissing(_ value: Int64) -> Bool { value == .min }
    /// Whether `value` is missing (NaN).
    @inlinable public static func isMissing(_ value: Double) -> Bool { value.isNaN }
}
