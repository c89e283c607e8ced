import ArvioData
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import ArvioQuery
import ArvioRender

extension Interpreter {
    /// Every meta-command, in the order `.help` lists them: the one declaration that dispatch,
    /// usage lines, `.help` and completion read.
    static let metaCommands: [MetaCommand.Declaration] = [
        .init(name: "help", arguments: "[TOPIC]", summary: "help on commands, the language, a verb",
              completion: [.helpTopic]) { i, c in
            try i.expect(c, count: min(c.arguments.count, 1))
            i.console.out(HelpText.text(for: c.arguments.first, settings: i.settings))
            return .succeeded
        },
        .init(name: "tables", arguments: "", summary: "the tables with their rows and columns") { i, c in
            try i.expect(c, count: 0)
            i.write(.table(try i.remoteTables()))
            return .succeeded
        },
        .init(name: "schema", arguments: "TABLE", summary: "a table's columns: type, scale, labels",
              completion: [.table]) { i, c in
            try i.expect(c, count: 1)
            i.write(.table(Catalog.schema(try i.table(c, 0), language: i.settings.language, workspace: i.session.workspace)))
            return .succeeded
        },
        .init(name: "load", arguments: "FILE [as NAME] [OPTIONS]", summary: "read .csv .xlsx .sav .dta .sas7bdat, DIR",
              completion: [.path, .words(["as"]), .nothing]) { i, c in
            let arguments = try LoadArguments(c)
            try i.refuseRemoteChange(arguments.name, c, at: 0)
            return i.load(arguments)
        },
        .init(name: "save", arguments: "TABLE FILE [labels]", summary: "write .csv/.xlsx/.sav/.dta/.json/.md/.txt",
              completion: [.table, .path, .words(["labels"]), .nothing]) { i, c in
            let labels = c.arguments.count == 3 && c.arguments[2] == "labels"
            try i.expect(c, count: labels ? 3 : 2)
            return i.save(try i.table(c, 0), to: c.arguments[1], labels: labels)
        },
        .init(name: "codebook", arguments: "TABLE [FILE.csv]", summary: "a table's codebook, printed or written",
              completion: [.table, .path, .nothing]) { i, c in try i.codebook(c) },
        .init(name: "scale", arguments: "T.COL A < B < C", summary: "declare a column's scale, low to high",
              completion: [.tableColumn, .nothing]) { i, c in try i.changingTable(c) { try i.declareScale(c) } },
        .init(name: "missing", arguments: "T.COL CODES [as REASON], …", summary: "declare codes that mean missing",
              completion: [.tableColumn, .nothing]) { i, c in try i.changingTable(c) { try i.declareMissing(c) } },
        .init(name: "values", arguments: "T.COL VALUE FI [EN], …", summary: "label a column's values",
              completion: [.tableColumn, .nothing]) { i, c in try i.changingTable(c) { try i.labelValues(c) } },
        .init(name: "rename", arguments: "TABLE OLD NEW", summary: "rename a column",
              completion: [.table, .nothing]) { i, c in try i.changingTable(c) { try i.renameColumn(c) } },
        choiceSetting("format", summary: "how results are written", \.format),
        choiceSetting("lang", summary: "the language of labels and headings", \.language),
        .init(name: "width", arguments: "N|auto", summary: "the output width in terminal cells",
              completion: [.words(["auto", "80", "100", "120"]), .nothing],
              current: { i in
                  let fi = i.settings.language == .fi
                  let range = fi ? "luku 20–1000 tai auto" : "a number from 20 to 1000, or auto"
                  return i.settings.width.map { fi ? "width: \($0) merkkipaikkaa (\(range))" : "width: \($0) cells (\(range))" }
                      ?? (fi ? "width: auto, nyt \(i.settings.renderOptions.width) merkkipaikkaa (\(range))"
                          : "width: auto, \(i.settings.renderOptions.width) cells now (\(range))")
              }) { i, c in
            try i.setWidth(c)
            return .succeeded
        },
        choiceSetting("charset", summary: "the characters of tables and charts", \.charset),
        .init(name: "timer", arguments: "on|off", summary: "time each statement (wall and CPU)",
              completion: [.words(["on", "off"]), .nothing],
              current: { i in "timer: \(i.settings.timer ? "on" : "off") (on \(i.settings.language == .fi ? "tai" : "or") off)" }) { i, c in
            i.settings.timer = try i.choice(c, ["on", "off"]).map { $0 == "on" } ?? i.settings.timer
            return .succeeded
        },
        .init(name: "show", arguments: "", summary: "the output settings and their values") { i, c in
            try i.expect(c, count: 0)
            // Each setting as its command with no argument shows it, so the two never differ.
            let lines = MetaCommand.all.compactMap { $0.current?(i) }
            i.console.out(lines.joined(separator: "\n") + "\n")
            return .succeeded
        },
        .init(name: "run", arguments: "FILE", summary: "run the statements of a script file",
              completion: [.path, .nothing]) { i, c in
            try i.expect(c, count: 1)
            return i.runFile(c.arguments[0])
        },
        .init(name: "connect", arguments: "URL [--codebook FILE]", summary: "run pipelines inside PostgreSQL") { i, c in try i.connectCommand(c) },
        .init(name: "explain", arguments: "PIPELINE", summary: "the SQL it sends, what runs in memory",
              completion: [.pipeline], takesRawText: true) { i, c in
            i.explain(c.arguments.first ?? "", file: c.positions[0].file, line: c.positions[0].line)
        },
        .init(name: "quit", arguments: "", summary: "leave (also .exit, \\q, Ctrl-D)", aliases: ["exit"]) { i, c in
            try i.expect(c, count: 0)
            return .quit
        },
    ]

    /// Runs the meta-command on `text`, at `line` of `file`.
    func runMeta(_ text: String, file: String, line: Int) -> Outcome {
        do {
            let command = try MetaCommand(parsing: text.trimmingWhitespace, file: file, line: line)
            return try execute(command)
        } catch {
            report(error)
            return .failed
        }
    }

    private func execute(_ c: MetaCommand) throws -> Outcome {
        guard let declaration = MetaCommand.declaration(named: c.name) else {
            if let habit = Self.habits[c.name] {
                throw c.error(at: nil, "there is no command .\(c.name); Arvio's is \(habit)")
            }
            throw c.error(at: nil, "there is no command .\(c.name); .help lists the commands",
                          suggestion: Suggestion.closest(to: c.name, among: MetaCommand.names.map { String($0.dropFirst()) })
                              .map { "\".\($0)\"" })
        }
        if c.arguments.isEmpty, let current = declaration.current {
            // As psql's \pset and sqlite3's .mode: with no value, a setting tells what it is.
            console.out(current(self) + "\n")
            return .succeeded
        }
        return try declaration.run(self, c)
    }

    /// Runs `body`, a command that changes a table, unless the table is one of the database,
    /// which stays as the database has it.
    private func changingTable(_ c: MetaCommand, _ body: () throws -> Outcome) throws -> Outcome {
        if let name = c.arguments.first?.split(separator: ".").first { try refuseRemoteChange(String(name), c, at: 0) }
        return try body()
    }

    /// sqlite3's, DuckDB's and psql's dot-commands that have another name here: a typo finds its
    /// command by edit distance, but `.read` is closer to `.load` than to `.run`.
    static let habits: [String: String] = [
        "mode": ".format text|markdown|csv|json", "read": ".run FILE", "source": ".run FILE",
        "q": ".quit", "import": ".load FILE", "open": ".load FILE", "output": ".save TABLE FILE",
        "once": ".save TABLE FILE", "d": ".tables, or .schema TABLE", "dt": ".tables", "headers": ".format",
        "describe": ".schema TABLE", "columns": ".schema TABLE", "ls": ".tables",
    ]

    func expect(_ c: MetaCommand, count: Int) throws(Diagnostic) {
        if c.arguments.count > count {
            throw c.error(at: count, "unexpected \"\(c.arguments[count])\"; usage: \(usage(c))")
        }
        if c.arguments.count < count {
            throw c.error(at: c.arguments.count, "missing argument; usage: \(usage(c))")
        }
    }

    func usage(_ c: MetaCommand) -> String {
        MetaCommand.declaration(named: c.name)?.usage ?? "." + c.name
    }

    /// A setting that takes one of its type's values (`.format`, `.lang`, `.charset`): the usage,
    /// completion, current value and assignment all come from the cases, in their order.
    static func choiceSetting<Value: CaseIterable & RawRepresentable & Sendable>(
        _ name: String, summary: String, _ setting: WritableKeyPath<OutputSettings, Value> & Sendable
    ) -> MetaCommand.Declaration where Value.RawValue == String {
        let names = Value.allCases.map(\.rawValue)
        return .init(name: name, arguments: names.joined(separator: "|"), summary: summary,
                     completion: [.words(names), .nothing],
                     current: { i in
                         let oneOf = i.settings.language == .fi ? "vaihtoehdot" : "one of"
                         return "\(name): \(i.settings[keyPath: setting].rawValue) (\(oneOf) \(names.joined(separator: ", ")))"
                     }) { i, c in
            if let value = try i.choice(c, names).flatMap(Value.init(rawValue:)) { i.settings[keyPath: setting] = value }
            return .succeeded
        }
    }

    /// The one argument of a setting command, which must be one of `options`; nil shows the current value.
    func choice(_ c: MetaCommand, _ options: [String]) throws(Diagnostic) -> String? {
        guard let value = c.arguments.first else {
            throw c.error(at: 0, "give one of \(options.joined(separator: ", ")); usage: \(usage(c))")
        }
        try expect(c, count: 1)
        guard options.contains(value.lowercased()) else {
            throw c.error(at: 0, "\"\(value)\" is not one of \(options.joined(separator: ", "))",
                          suggestion: Suggestion.closest(to: value, among: options).map { "\"\($0)\"" })
        }
        return value.lowercased()
    }

    func setWidth(_ c: MetaCommand) throws(Diagnostic) {
        try expect(c, count: 1)
        let value = c.arguments[0]
        if value == "auto" { settings.width = nil; return }
        guard let n = Int(value), OutputSettings.widths.contains(n) else {
            throw c.error(at: 0, "the width is a number of terminal cells from 20 to 1000, or auto; got \"\(value)\"")
        }
        settings.width = n
    }

    func table(_ c: MetaCommand, _ index: Int) throws(Diagnostic) -> Table {
        let name = c.arguments[index]
        guard let table = session.workspace.table(named: name) else {
            throw c.error(at: index, "there is no table \"\(name)\"; .tables lists them",
                          suggestion: Suggestion.closest(to: name, among: session.workspace.tableNames).map { "\"\($0)\"" })
        }
        return table
    }

    func load(_ arguments: LoadArguments) -> Outcome {
        if let format = ReadStatFormat(path: arguments.file) { return loadStatisticsFile(arguments, format: format) }
        if arguments.file.lowercased().hasSuffix(".xlsx") { return loadWorkbook(arguments) }
        if DatasetLoader.isFolder(arguments.file) { return loadFolder(arguments) }
        do {
            try arguments.refuseStatisticsOptions()
            var codebook: Codebook?
            var codebookPath = arguments.codebook
            // A CSV saved by .save has its codebook beside it; it is what makes the file load back.
            let beside = Codebook.path(besideCSV: arguments.file)
            if codebookPath == nil, arguments.file.lowercased().hasSuffix(".csv"), FileIO.exists(beside) { codebookPath = beside }
            if let path = codebookPath { codebook = try Codebook.parse(FileIO.read(path), file: path) }
            var book = codebook ?? Codebook()
            // A codebook that describes one table describes this one, whatever it is called here.
            if let only = codebook?.tableNames, only.count == 1, only[0] != arguments.name {
                book.entries = book.entries.map { var e = $0; e.table = arguments.name; return e }
            }
            // A codebook of several tables is used for the one of the same name, or not at all.
            if let names = codebook?.tableNames, names.count > 1, !names.contains(arguments.name),
               let path = codebookPath {
                throw DataError(DataPosition(file: path),
                                "the codebook describes the tables \(names.joined(separator: ", ")), but not \(arguments.name); load the file as one of them (.load FILE as NAME)")
            }
            let projection = codebookPath == nil ? projectedColumns(arguments) : nil
            func readFile(_ only: Set<String>?) throws(DataError) -> (table: Table, header: [String]) {
                try CSVReader.readColumns(path: arguments.file, name: arguments.name, codebook: book.readingMissingCodes,
                                          missingTokens: arguments.missingTokens, isCancelled: session.isCancelled, only: only)
            }
            var (read, header) = try readFile(projection)
            if projection != nil, read.columns.count < header.count, !keepsProjection(read, arguments) {
                (read, header) = try readFile(nil)
            }
            loadedColumns[arguments.name] = read.columnNames
            let table = try read.applyingMissingCodes(of: book, file: arguments.file)
            var workspace = session.workspace
            workspace.add(table)
            if codebook != nil { try DatasetLoader.declareRelations(book, in: &workspace) }
            session.workspace = workspace
            let with = codebookPath.map { " with the codebook \($0)" } ?? ""
            confirm("loaded \(arguments.name): \(table.rowCount) rows, \(header.count) columns\(with)\(countHint(table))")
            return .succeeded
        } catch {
            report(error)
            return .failed
        }
    }

    /// Writes `table` to `path`. A `.csv` file gets the raw values and its codebook beside it,
    /// so `.load` reads it back the same; with `labels`, the labels in the session's language
    /// and no codebook, for reading elsewhere.
    func save(_ table: Table, to path: String, labels: Bool) -> Outcome {
        if let format = ReadStatFormat(path: path) { return saveStatisticsFile(table, to: path, format: format, labels: labels) }
        if path.lowercased().hasSuffix(".xlsx") { return saveWorkbook(table, to: path) }
        let format = OutputFormat(fileExtension: path) ?? settings.format
        var options = settings.renderOptions
        options.maxRows = nil
        options.colour = false
        let withCodebook = !labels && path.lowercased().hasSuffix(".csv")
        do {
            let codebookPath = Codebook.path(besideCSV: path)
            // Made before anything is written, so a table it cannot describe leaves no half-saved pair.
            let codebook = withCodebook ? try Codebook(describing: table).csv(file: codebookPath) : nil
            // A CSV file is one rectangle, as read.csv and sqlite's .import expect; the
            // statistics and notes go beside it in a CSV of their own (docs/formats.md).
            if format == .csv {
                // Streamed a row at a time and polled, so a save of millions of rows neither
                // holds its text in memory nor ignores Ctrl-C; cancelled, nothing is replaced.
                let isCancelled = session.isCancelled
                try FileIO.writeAtomically(to: path) { writer throws(DataError) in
                    guard TableRenderer.writeTableCSV(table, rawValues: withCodebook, options: options, to: writer,
                                                      isCancelled: isCancelled) || writer.failed else {
                        throw DataError.saveCancelled(path)
                    }
                }
            } else {
                let shown = withCodebook ? table.withRawValues : table
                var text: String
                if format == .json {
                    guard let json = TableRenderer.json(shown, options: options, isCancelled: session.isCancelled) else {
                        throw DataError.saveCancelled(path)
                    }
                    text = json
                } else {
                    text = TableRenderer.render(shown, format: format, options: options)
                }
                if !text.endsWithNewline { text += "\n" }
                try FileIO.writeAtomically(Array(text.utf8), to: path)
            }
            let statistics = format == .csv ? TableRenderer.statisticsCSV(table, options: options) : nil
            let statisticsPath = Self.statisticsPath(besideCSV: path)
            if let codebook { try FileIO.writeAtomically(Array(codebook.utf8), to: codebookPath) }
            if let statistics { try FileIO.writeAtomically(Array(statistics.utf8), to: statisticsPath) }
            // The statistics of an earlier table saved under this name would be read as this one's.
            let removed = statistics == nil && format == .csv && FileIO.exists(statisticsPath) && unlink(statisticsPath) == 0
            var besides: [String] = []
            if codebook != nil { besides.append("its codebook in \(codebookPath)") }
            if statistics != nil { besides.append("its statistics and notes in \(statisticsPath)") }
            var with = besides.isEmpty ? "" : " with " + besides.joined(separator: " and ")
            if removed { with += "; removed the earlier \(statisticsPath), as this table has no statistics" }
            confirm("saved \(table.name): \(table.rowCount) rows to \(path) as \(format.rawValue)\(with)")
            return .succeeded
        } catch {
            report(error)
            return .failed
        }
    }
}

extension Interpreter {
    /// Where `.save` writes the statistics and notes of a table saved as `path`: `x.csv` →
    /// `x.statistics.csv`, beside `x.codebook.csv`.
    static func statisticsPath(besideCSV path: String) -> String {
        (path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) : path) + ".statistics.csv"
    }
}

extension OutputFormat {
    /// The format a file name's extension asks for, if it names one.
    init?(fileExtension path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { self = .csv } else if lower.hasSuffix(".json") { self = .json }
        else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { self = .markdown }
        else if lower.hasSuffix(".txt") { self = .text } else { return nil }
    }
}
