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

    private mutating func execute(_ statement: Statement) throws(Diagnostic) -> StatementResult {
        let context = EvaluationContext(workspace: workspace, language: language, isCancelled: isCancelled)
        switch statement.kind {
        case .show(let pipeline):
            let frame = try evaluate(pipeline, context)
            return .table(Self.finish(frame, name: frame.table.name))
        case .bind(let name, let pipeline):
            if VerbRegistry.verb(named: name.text) != nil {
                throw Diagnostic(name.position, "\"\(name.text)\" is a verb; give the table another name")
            }
            let frame = try evaluate(pipeline, context)
            var table = Self.finish(frame, name: name.text)
            table.notes = []
            commit(table, from: frame.origin)
            let rows = table.rowCount
            return .confirmation(Localized(en: "\(name.text): \(rows) row\(rows == 1 ? "" : "s")",
                                           fi: "\(name.text): \(rows) rivi\(rows == 1 ? "" : "ä")"))
        }
    }

    private func evaluate(_ pipeline: Pipeline, _ context: EvaluationContext) throws(Diagnostic) -> Frame {
        guard let pruned = pipeline.pruningJoins else { return try evaluate(pipeline.source, pipeline.steps, context) }
        do {
            return try evaluate(pipeline.source, pruned, context)
        } catch {
            // A failing pipeline runs again unpruned, so its message and suggestions
            // ("did you mean ...") see every column, as they would without pruning.
            return try evaluate(pipeline.source, pipeline.steps, context)
        }
    }

    private func evaluate(_ source: Token, _ steps: [Step], _ context: EvaluationContext) throws(Diagnostic) -> Frame {
        let table = try context.table(source)
        var frame = Frame(table: table, origin: table.name)
        frame.table.notes = []
        frame.table.statistics = []
        for step in steps {
            try context.checkCancelled(at: step.keyword.position)
            frame = try step.verb.apply(to: frame, in: context, keyword: step.keyword)
        }
        return frame
    }

    /// The frame as the table to show, its notes without repeats.
    private static func finish(_ frame: Frame, name: String) -> Table {
        var table = frame.materialized(name: name)
        var seen = Set<Localized>()
        table.notes = table.notes.filter { seen.insert($0).inserted }
        return table
    }

    /// Keeps `table` in the workspace, with the relations of the table its rows came from.
    private mutating func commit(_ table: Table, from origin: String?) {
        let relations = workspace.relations
        workspace.add(table)
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
