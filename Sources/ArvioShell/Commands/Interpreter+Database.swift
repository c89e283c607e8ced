import ArvioData
import ArvioQuery
import ArvioRemote

/// `.connect`, `.explain` and what a connection changes: remote tables stand in the workspace
/// with their columns and no rows, the session's executor sends what compiles to the server,
/// and nothing Arvio does writes to the database (the session is read-only, and a `let`, a
/// `.load` or a `.scale` that would replace a remote table is refused).
extension Interpreter {
    /// The executor of the open connection, if there is one.
    var remote: RemoteExecutor? { session.executor as? RemoteExecutor }

    /// Connects to the database `connectionString` names and puts its tables in the workspace,
    /// replacing the tables of an earlier connection, with the codebook of the database's
    /// `codebook` table and then the codebook file `codebook` applied (a file's entry wins).
    /// False (with the error written, and the session as it was) if anything fails.
    @discardableResult
    public func connect(_ connectionString: String, codebook file: String? = nil) -> Bool {
        do {
            let connection = try PostgresConnection(connectionString)
            var catalog = try RemoteCatalog.read(from: connection, isCancelled: session.isCancelled)
            var described: [String] = []
            if let book = try catalog.databaseCodebook(connection, isCancelled: session.isCancelled) {
                let applied = try catalog.applying(book, connection, isCancelled: session.isCancelled)
                catalog = applied.catalog
                described.append("the codebook table to \(applied.tables.joined(separator: ", "))")
            }
            catalog = catalog.removingCodebookTable()
            if let file {
                let book = try Codebook.parse(try FileIO.read(file), file: file)
                let applied = try catalog.applying(book, connection, isCancelled: session.isCancelled)
                catalog = applied.catalog
                described.append("\(file) to \(applied.tables.joined(separator: ", "))")
            }
            let executor = RemoteExecutor(connection: connection, catalog: catalog)
            var workspace = session.workspace
            if let previous = remote {
                for name in previous.catalog.tableNames where workspace.table(named: name)?.rowCount == 0 {
                    workspace.remove(named: name)
                }
            }
            let (connected, skipped) = executor.adding(to: workspace)
            session.workspace = connected
            session.executor = executor
            let names = catalog.tableNames.filter { !skipped.contains($0) }
            var text = "connected to \(connection.displayName) (read-only): \(names.count) table\(names.count == 1 ? "" : "s")"
            if !names.isEmpty { text += ", " + names.joined(separator: ", ") }
            if !described.isEmpty { text += "; codebook: " + described.joined(separator: "; ") }
            if !skipped.isEmpty {
                text += "; left out, since loaded tables have their names: \(skipped.joined(separator: ", "))"
            }
            confirm(text)
            return true
        } catch let error as RemoteError {
            console.err("error: \(error.message)\n")
            return false
        } catch {
            report(error)
            return false
        }
    }

    /// `.connect URL [--codebook FILE]`, or `.connect` alone to say what the session is
    /// connected to.
    func connectCommand(_ c: MetaCommand) throws(Diagnostic) -> Outcome {
        guard let target = c.arguments.first else {
            console.out((remote.map { "connected to \($0.connection.displayName)" } ?? "not connected; .connect URL connects to a PostgreSQL database") + "\n")
            return .succeeded
        }
        if c.arguments.count > 1 {
            guard c.arguments[1] == "--codebook" else {
                throw c.error(at: 1, "expected --codebook FILE after the connection string, as in .connect postgresql:///survey --codebook codebook.csv; a connection string with spaces goes in double quotes")
            }
            guard c.arguments.count == 3 else {
                throw c.error(at: c.arguments.count == 2 ? 2 : 3, c.arguments.count == 2 ? "--codebook needs a codebook file, as in --codebook codebook.csv" : "one codebook file after --codebook; nothing else follows it")
            }
            return connect(target, codebook: c.arguments[2]) ? .succeeded : .failed
        }
        return connect(target) ? .succeeded : .failed
    }

    /// `.explain PIPELINE`: the SQL each statement sends, its parameters, and what runs in
    /// memory after it.
    func explain(_ source: String, file: String, line: Int) -> Outcome {
        do {
            let plans = try session.plans(source, file: file, firstLine: line)
            guard !plans.isEmpty else {
                console.err("error: .explain needs a pipeline, such as .explain responses | count by phase\n")
                return .failed
            }
            for bound in plans {
                guard let remote else {
                    console.out(settings.language == .fi ? "lasketaan muistissa: ei tietokantayhteyttä\n"
                                : "runs in memory: not connected to a database\n")
                    continue
                }
                console.out(remote.explain(bound.plan, in: session.workspace) + "\n")
            }
            return .succeeded
        } catch {
            report(error)
            return .failed
        }
    }

    /// Refuses a statement that would replace a remote table with `let`.
    func refuseRemoteWrites(_ source: String, file: String, firstLine: Int) throws(Diagnostic) {
        guard let remote else { return }
        // Binding needs the tables earlier statements make; those that fail to bind here
        // fail the same way when they run.
        guard let plans = try? session.plans(source, file: file, firstLine: firstLine) else { return }
        for bound in plans {
            if case .keep(let name) = bound.action, remote.isRemote(name), session.workspace.table(named: name)?.rowCount == 0 {
                throw Diagnostic(bound.plan.sourcePosition, "\"\(name)\" is a table in the database, which Arvio only reads; keep the result under another name")
            }
        }
    }

    /// Refuses a command that would change the remote table `name`.
    func refuseRemoteChange(_ name: String, _ c: MetaCommand, at index: Int) throws(Diagnostic) {
        guard let remote, remote.isRemote(name), session.workspace.table(named: name)?.rowCount == 0 else { return }
        throw c.error(at: index, "\"\(name)\" is a table in the database, which Arvio only reads; use another name")
    }

    /// Where a result kept by `let` lives, said after its confirmation while connected.
    var keptResultLocation: String {
        remote == nil ? "" : " (kept in this session's memory; the database is not changed)"
    }

    /// `.tables` while connected: remote tables with the row counts the server gives.
    func remoteTables() throws(Diagnostic) -> Table {
        var table = Catalog.tables(session.workspace, language: settings.language)
        guard let remote, let rowsColumn = table.columnIndex(named: "rows") else { return table }
        let names = session.workspace.tableNames
        var rows: [Int64] = []
        var places: [String?] = []
        for (index, name) in names.enumerated() {
            if let remoteTable = remote.catalog.tables[name], session.workspace.table(named: name)?.rowCount == 0 {
                do {
                    rows.append(Int64(try RemoteCatalog.rowCount(of: remoteTable, remote.connection, isCancelled: session.isCancelled)))
                } catch {
                    if error.kind == .cancelled {
                        throw Diagnostic(SourcePosition(file: "<stdin>", line: 1, column: 1), "stopped", isCancellation: true)
                    }
                    throw Diagnostic(SourcePosition(file: "<stdin>", line: 1, column: 1), error.message)
                }
                places.append("database")
            } else {
                rows.append(table.columns[rowsColumn].data.number(at: index).map { Int64($0) } ?? 0)
                places.append("memory")
            }
        }
        table.columns[rowsColumn].data = .integer(rows)
        table.columns.append(Column(name: "in", data: .text(places)))
        return table
    }
}
