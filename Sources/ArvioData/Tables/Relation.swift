/// A declared reference from one table's columns to another table's key
/// (`responses.participant` refers to `participants.id`); `join` uses it by default.
public struct Relation: Sendable, Hashable {
    /// The referring table.
    public var table: String
    /// The referring columns.
    public var columns: [String]
    /// The referred-to table.
    public var target: String
    /// The referred-to columns (the target's key).
    public var targetColumns: [String]

    /// Creates a relation.
    public init(table: String, columns: [String], target: String, targetColumns: [String]) {
        self.table = table
        self.columns = columns
        self.target = target
        self.targetColumns = targetColumns
    }
}
