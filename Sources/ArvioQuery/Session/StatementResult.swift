import ArvioData

/// What one statement gives back to be shown.
public enum StatementResult: Sendable {
    /// A table to print, with its notes and statistics.
    case table(Table)
    /// A confirmation that something was kept: `let completers` gives "completers: 12 rows".
    case confirmation(Localized)

    /// The table, when the result is one.
    public var table: Table? {
        if case .table(let table) = self { return table }
        return nil
    }
}
