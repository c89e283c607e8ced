/// The named tables of a session and the relations between them.
/// A value type: a statement works on a copy and commits it only when it completes.
public struct Workspace: Sendable {
    /// The tables, in the order they were added.
    public private(set) var tables: [Table] = []
    /// Declared references between tables.
    public private(set) var relations: [Relation] = []
    /// The description of the data loaded at start-up, for the welcome line.
    public var title: Localized?
    /// The tables a `let` made; the others were built in or loaded.
    public private(set) var madeByLet: Set<String> = []

    /// Creates an empty workspace.
    public init() {}

    /// The table named `name`, if there is one.
    public func table(named name: String) -> Table? {
        tables.first { $0.name == name }
    }

    /// The table names, in order.
    public var tableNames: [String] { tables.map(\.name) }

    /// Adds `table`, replacing any table of the same name (and the relations from it);
    /// `madeByLet` records that a statement made it rather than a file.
    public mutating func add(_ table: Table, madeByLet: Bool = false) {
        if madeByLet { self.madeByLet.insert(table.name) } else { self.madeByLet.remove(table.name) }
        if let i = tables.firstIndex(where: { $0.name == table.name }) {
            tables[i] = table
            relations.removeAll { $0.table == table.name }
        } else {
            tables.append(table)
        }
    }

    /// Declares a relation between two tables already in the workspace.
    public mutating func add(_ relation: Relation) {
        if !relations.contains(relation) { relations.append(relation) }
    }

    /// Removes the table named `name` and every relation that mentions it.
    public mutating func remove(named name: String) {
        tables.removeAll { $0.name == name }
        madeByLet.remove(name)
        relations.removeAll { $0.table == name || $0.target == name }
    }

    /// Whether the table named `name` was made by a `let` (not built in, not loaded).
    public func isMadeByLet(_ name: String) -> Bool { madeByLet.contains(name) }

    /// The relation from `table` to `target`, in either direction, if one is declared.
    public func relation(between table: String, and target: String) -> Relation? {
        relations.first { $0.table == table && $0.target == target }
            ?? relations.first { $0.table == target && $0.target == table }
    }
}
