import ArvioData
import ArvioQuery

/// Which columns a script's `.load FILE as NAME` must read: those the rest of the script can
/// read of NAME, as DuckDB and polars read only the columns a query names. The statements ahead
/// are bound in order (nothing runs) against the workspace with NAME as a sample of the file's
/// first records, each `let` adding its schema; then, from the last statement back, each plan
/// says which columns of its tables it reads (`LogicalPlan.tableColumns`), a `let` table's
/// needs becoming those of the tables it is made from.
///
/// Whatever cannot be followed reads every column: a statement that does not bind, a
/// meta-command that may show or write a whole table (`.save`, `.schema`, `.tables`, `.run`,
/// `.codebook`, anything not listed in `passive`), NAME loaded again, or a relation that names
/// NAME. The columns the sample guessed are checked once the real ones are loaded
/// (`Interpreter.load`), so a guessed type can cost a second read but never a different output.
enum LoadProjection {
    /// Files smaller than this are read whole: their load is short, and the note `.load` gives
    /// on a table of counts (`CountTableHint`, up to 100,000 rows) looks at every column.
    static let minimumBytes = 1 << 20

    /// Meta-commands that change only how results are written, never what a table holds.
    static let passive: Set<String> = ["format", "lang", "width", "charset", "timer", "help", "show"]

    /// What the statements ahead do, in order, for the pass from the end.
    private enum Step {
        case bound(BoundStatement)
        /// `.load … as NAME` of another table: before it, the name meant another table.
        case loaded(String)
    }

    /// The columns of `name` that the units `ahead` can read when `name` is `table` (a sample,
    /// or the columns loaded) in `workspace`; nil when every column must be read.
    static func demand(of name: String, table: Table, ahead: [StatementAssembler.Unit],
                       workspace: Workspace, language: Language) -> Set<String>? {
        var workspace = workspace
        var named = table
        named.name = name
        workspace.add(named)
        if workspace.relations.contains(where: { $0.table == name || $0.target == name }) { return nil }
        var steps: [Step] = []
        units: for unit in ahead {
            switch unit {
            case .statement(let text, let firstLine):
                guard let bound = try? Session.bindInOrder(text, file: "<ahead>", firstLine: firstLine,
                                                           workspace: &workspace, language: language) else { return nil }
                steps += bound.map(Step.bound)
            case .meta(let text, let line):
                guard let command = try? MetaCommand(parsing: text.trimmingWhitespace, file: "<ahead>", line: line) else { return nil }
                let canonical = MetaCommand.declaration(named: command.name)?.name
                if canonical == "quit" { break units }
                if let canonical, passive.contains(canonical) { continue }
                guard canonical == "load", let other = loadedSample(command, besides: name) else { return nil }
                workspace.add(other)
                steps.append(.loaded(other.name))
            }
        }
        var needs = ColumnDemand()
        for step in steps.reversed() {
            switch step {
            case .loaded(let other):
                needs.remove(other)
            case .bound(let statement):
                var result: Set<String>?
                switch statement.action {
                case .show: result = nil
                // A table no later statement reads is still made, with the reads of its plan.
                case .keep(let kept): result = needs.remove(kept) ?? []
                }
                needs.add(statement.plan.tableColumns(needed: result))
            }
        }
        return needs.tables[name] ?? []
    }

    /// The sample of a later `.load` of another table from a CSV file without a codebook, for
    /// binding the statements after it; nil for anything else.
    private static func loadedSample(_ command: MetaCommand, besides name: String) -> Table? {
        guard let arguments = try? LoadArguments(command), arguments.name != name, arguments.codebook == nil,
              arguments.file.lowercased().hasSuffix(".csv"), !FileIO.exists(Codebook.path(besideCSV: arguments.file)),
              var sample = CSVReader.sample(path: arguments.file, name: arguments.name,
                                            missingTokens: arguments.missingTokens)?.table else { return nil }
        sample.name = arguments.name
        return sample
    }
}

extension Interpreter {
    /// The columns `.load` reads of a CSV file without a codebook, or nil for all: a subset only
    /// when the rest of the input is known (a script, `-c` statements), not connected to a
    /// database, and the file is large enough for the read to matter.
    func projectedColumns(_ arguments: LoadArguments) -> Set<String>? {
        guard let ahead = following, remote == nil,
              let (sample, size) = CSVReader.sample(path: arguments.file, name: arguments.name,
                                                    missingTokens: arguments.missingTokens),
              size >= LoadProjection.minimumBytes, !sample.columns.isEmpty,
              let demand = LoadProjection.demand(of: arguments.name, table: sample, ahead: ahead,
                                                 workspace: session.workspace, language: settings.language)
        else { return nil }
        let wanted = demand.intersection(sample.columnNames)
        // A table nothing later reads is read whole: a load on its own (`arvio -c '.load …'`)
        // is what is measured and compared with DuckDB's CREATE TABLE, and checks every column.
        if wanted.isEmpty || wanted.count == sample.columns.count { return nil }
        return wanted
    }

    /// Whether the columns loaded (`table`) are all the script can read, bound now on their real
    /// types rather than the sample's; and whether the table is too long for the count note,
    /// which looks at every column. Otherwise the file is read again with every column.
    func keepsProjection(_ table: Table, _ arguments: LoadArguments) -> Bool {
        guard table.rowCount > CountTableHint.rowLimit, let ahead = following,
              let demand = LoadProjection.demand(of: arguments.name, table: table, ahead: ahead,
                                                 workspace: session.workspace, language: settings.language)
        else { return false }
        return demand.isSubset(of: Set(table.columnNames))
    }
}
