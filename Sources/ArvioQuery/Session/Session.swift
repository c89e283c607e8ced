import ArvioData

/// A running session of the language: the workspace statements read and `let` adds to, and the
/// language of messages. The shell, the script runner and the notebook runner each hold one.
///
/// Meta-commands (lines starting with `.`) are the shell's: callers split the text with
/// `StatementSplitter.split` and hand only statements to `run`; a meta-command given to `run`
/// is reported as a diagnostic.
public struct Session: Sendable {
    /// The tables and relations statements work on.
    public var workspace: Workspace
    /// The language of notes and confirmations.
    public var language: Language
    /// Returns true once the user has asked to stop the running statement (Ctrl-C).
    public var isCancelled: (@Sendable () -> Bool)?
    /// What runs the bound plans: the in-memory engine unless told otherwise.
    public var executor: any PlanExecutor = InMemoryExecutor()

    /// Creates a session on `workspace`.
    public init(workspace: Workspace, language: Language = .en, isCancelled: (@Sendable () -> Bool)? = nil) {
        self.workspace = workspace
        self.language = language
        self.isCancelled = isCancelled
    }

    /// Runs every statement in `source`, in order, and returns what each gives.
    /// The whole source is parsed first, so a syntax error runs nothing. A statement that fails
    /// throws and leaves the workspace as the statements before it left it; `let` keeps its table
    /// only when its statement completes.
    public mutating func run(_ source: String, file: String = "<stdin>",
                             firstLine: Int = 1) throws(Diagnostic) -> [StatementResult] {
        do {
            let statements = try Parser.statements(in: source, file: file, firstLine: firstLine)
            var results: [StatementResult] = []
            for statement in statements {
                results.append(try execute(statement))
            }
            return results
        } catch {
            throw Self.attachingLine(error, source: source, file: file, firstLine: firstLine)
        }
    }

    /// Checks `source` for syntax errors without running it.
    public static func check(_ source: String, file: String = "<stdin>", firstLine: Int = 1) throws(Diagnostic) {
        do {
            _ = try Parser.statements(in: source, file: file, firstLine: firstLine)
        } catch {
            throw attachingLine(error, source: source, file: file, firstLine: firstLine)
        }
    }

    /// Binds every statement in `source` against the workspace as it is, without running
    /// anything: the plans an executor would be given. A statement that uses a table an earlier
    /// `let` in `source` would make is bound only once that `let` has run, so here it fails.
    public func plans(_ source: String, file: String = "<stdin>", firstLine: Int = 1) throws(Diagnostic) -> [BoundStatement] {
        do {
            let statements = try Parser.statements(in: source, file: file, firstLine: firstLine)
            var result: [BoundStatement] = []
            for statement in statements { result.append(try Binder.bind(statement, in: context)) }
            return result
        } catch {
            throw Self.attachingLine(error, source: source, file: file, firstLine: firstLine)
        }
    }

    private var context: EvaluationContext {
        EvaluationContext(workspace: workspace, language: language, isCancelled: isCancelled)
    }

    /// Binds the statement (every name and type checked, no row read), then runs its plan.
    private mutating func execute(_ statement: Statement) throws(Diagnostic) -> StatementResult {
        let context = self.context
        let bound = try Binder.bind(statement, in: context)
        let result = try executor.execute(bound.plan, in: context)
        switch bound.action {
        case .show:
            return .table(Self.finish(result.table, name: result.table.name))
        case .keep(let name):
            var table = Self.finish(result.table, name: name)
            table.notes = []
            // Replacing a table (`let replace`, or a let made again) is said, so that a later
            // answer from the new rows is never mistaken for one from the old table.
            let replaced = workspace.table(named: name)?.rowCount
            commit(table, from: result.origin)
            let rows = table.rowCount
            let en = replaced.map { "; replaces the earlier \(name) (\($0) row\($0 == 1 ? "" : "s"))" } ?? ""
            let fi = replaced.map { "; korvaa aiemman taulun \(name) (\($0) rivi\($0 == 1 ? "" : "ä"))" } ?? ""
            return .confirmation(Localized(en: "\(name): \(rows) row\(rows == 1 ? "" : "s")\(en)",
                                           fi: "\(name): \(rows) rivi\(rows == 1 ? "" : "ä")\(fi)"))
        }
    }

    /// The result as the table to show, named `name`, its notes without repeats.
    private static func finish(_ result: Table, name: String) -> Table {
        var table = result
        table.name = name
        var seen = Set<Localized>()
        table.notes = table.notes.filter { seen.insert($0).inserted }
        return table
    }

    /// Keeps `table` in the workspace, with the relations of the table its rows came from.
    private mutating func commit(_ table: Table, from origin: String?) {
        let relations = workspace.relations
        workspace.add(table, madeByLet: true)
        guard let origin else { return }
        let names = Set(table.columnNames)
        for relation in relations {
            if relation.table == origin, relation.columns.allSatisfy(names.contains) {
                workspace.add(Relation(table: table.name, columns: relation.columns,
                                       target: relation.target, targetColumns: relation.targetColumns))
            }
            if relation.target == origin, relation.table != table.name, relation.targetColumns.allSatisfy(names.contains) {
                workspace.add(Relation(table: relation.table, columns: relation.columns,
                                       target: table.name, targetColumns: relation.targetColumns))
            }
        }
    }

    /// The diagnostic with the text of its line, so it can be shown with a caret.
    static func attachingLine(_ diagnostic: Diagnostic, source: String, file: String, firstLine: Int) -> Diagnostic {
        guard diagnostic.sourceLine == nil, diagnostic.position.file == file else { return diagnostic }
        var result = diagnostic
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let index = diagnostic.position.line - firstLine
        if lines.indices.contains(index) {
            let line = lines[index]
            result.sourceLine = String(line.hasSuffix("\r") ? line.dropLast() : line)
        }
        return result
    }
}
