import ArvioData

/// What a statement is evaluated against: the workspace as it was when the statement began,
/// the display language for messages, and the user's cancel button.
public struct EvaluationContext: Sendable {
    /// The tables and relations.
    public let workspace: Workspace
    /// The language messages and notes prefer.
    public let language: Language
    /// Returns true once the user has asked to stop (Ctrl-C).
    public let isCancelled: (@Sendable () -> Bool)?

    /// Creates a context.
    public init(workspace: Workspace, language: Language, isCancelled: (@Sendable () -> Bool)? = nil) {
        self.workspace = workspace
        self.language = language
        self.isCancelled = isCancelled
    }
    /// Whether a plan is being bound: the frames have no rows, and an aggregate of the whole
    /// table stands for a value of its type rather than for missing (`Binder`).
    var isBinding = false
    /// How many rows a long loop handles between looks at `isCancelled`.
    static let chunk = 1 << 16

    /// Throws a cancellation diagnostic at `position` if the user has asked to stop.
    public func checkCancelled(at position: SourcePosition) throws(Diagnostic) {
        if let isCancelled, isCancelled() {
            throw Diagnostic(position, "stopped: the statement was cancelled", isCancellation: true)
        }
    }

    /// The workspace table `token` names, or a diagnostic with the closest name.
    func table(_ token: Token) throws(Diagnostic) -> Table {
        if let table = workspace.table(named: token.text) { return table }
        if let hint = Habits.lineHint(token.text, tables: workspace.tableNames) {
            throw Diagnostic(token.position, "there is no table \"\(token.text)\"; \(hint)")
        }
        let message = workspace.tables.isEmpty
            ? "there is no table \"\(token.text)\"; no tables are loaded"
            : "there is no table \"\(token.text)\""
        throw Diagnostic(token.position, message,
                         suggestion: Suggestion.quoted(token.text, among: workspace.tableNames))
    }

    /// The column `name` of `table`, or a diagnostic at `position` with the closest name.
    func column(_ name: String, in table: Table, at position: SourcePosition) throws(Diagnostic) -> Column {
        if let column = table.column(named: name) { return column }
        throw Diagnostic(position, "there is no column \"\(name)\" in \(table.name)",
                         suggestion: Suggestion.quoted(name, among: table.columnNames))
    }
}

extension EvaluationContext {
    /// The columns an `on K, …` names, each checked to exist, none of them `excluded` (the phase
    /// that pairs or the item that is scored cannot also identify the unit; `message` says which).
    func onColumns(_ on: [Token], in frame: Frame, excluding excluded: Token,
                   _ message: String) throws(Diagnostic) -> [String] {
        for token in on {
            _ = try column(token.text, in: frame.table, at: token.position)
            if token.text == excluded.text { throw Diagnostic(token.position, message) }
        }
        return on.map(\.text)
    }
}
