import ArvioData
import ArvioQuery
import ArvioRender

extension Interpreter {
    /// Runs the meta-command on `text`, at `line` of `file`.
    func runMeta(_ text: String, file: String, line: Int) -> Outcome {
        let trimmed = text.trimmingWhitespace
        // The pipeline after .explain keeps its quotes, so it is not split into arguments.
        if trimmed == ".explain" || trimmed.hasPrefix(".explain ") {
            return explain(String(trimmed.dropFirst(".explain".count)), file: file, line: line)
        }
        do {
            let command = try MetaCommand(parsing: trimmed, file: file, line: line)
            return try execute(command)
        } catch {
            report(error)
            return .failed
        }
    }

    private func execute(_ c: MetaCommand) throws(Diagnostic) -> Outcome {
        if c.arguments.isEmpty, let current = currentSetting(c.name) {
            // As psql's \pset and sqlite3's .mode: with no value, a setting tells what it is.
            console.out(current + "\n")
            return .succeeded
        }
        switch c.name {
        case "help": console.out(HelpText.text(for: c.arguments.first, settings: settings))
        case "tables": try expect(c, count: 0); write(.table(try remoteTables()))
        case "schema":
            try expect(c, count: 1)
            write(.table(Catalog.schema(try table(c, 0), language: settings.language, workspace: session.workspace)))
        case "load":
            let arguments = try LoadArguments(c)
            try refuseRemoteChange(arguments.name, c, at: 0)
            return load(arguments)
        case "connect": return try connectCommand(c)
        case "save":
            let labels = c.arguments.count == 3 && c.arguments[2] == "labels"
            try expect(c, count: labels ? 3 : 2)
            return save(try table(c, 0), to: c.arguments[1], labels: labels)
        case "format": settings.format = try choice(c, OutputFormat.allCases.map(\.rawValue)).flatMap { OutputFormat(rawValue: $0) } ?? settings.format
        case "lang":
            settings.language = try choice(c, Language.allCases.map(\.rawValue)).flatMap(Language.init) ?? settings.language
        case "charset": settings.charset = try choice(c, Charset.allCases.map(\.rawValue)).flatMap(Charset.init) ?? settings.charset
        case "timer": settings.timer = try choice(c, ["on", "off"]).map { $0 == "on" } ?? settings.timer
        case "width": try setWidth(c)
        case "run": try expect(c, count: 1); return runFile(c.arguments[0])
        case "codebook": return try codebook(c)
        case "scale", "missing", "values", "rename":
            // Each changes a table; a table of the database stays as the database has it.
            if let name = c.arguments.first?.split(separator: ".").first { try refuseRemoteChange(String(name), c, at: 0) }
            switch c.name {
            case "scale": return try declareScale(c)
            case "missing": return try declareMissing(c)
            case "values": return try labelValues(c)
            default: return try renameColumn(c)
            }
        case "quit", "exit": try expect(c, count: 0); return .quit
        default:
            if let habit = Self.habits[c.name] {
                throw c.error(at: nil, "there is no command .\(c.name); Arvio's is \(habit)")
            }
            let names = MetaCommand.all.map(\.name) + ["exit"]
            throw c.error(at: nil, "there is no command .\(c.name); .help lists the commands",
                          suggestion: Suggestion.closest(to: c.name, among: names).map { "\".\($0)\"" })
        }
        return .succeeded
    }

    /// sqlite3's, DuckDB's and psql's dot-commands that have another name here: a typo finds its
    /// command by edit distance, but `.read` is closer to `.load` than to `.run`.
    static let habits: [String: String] = [
        "mode": ".format (text, markdown, csv or json)", "read": ".run FILE", "source": ".run FILE",
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

    private func usage(_ c: MetaCommand) -> String {
        MetaCommand.all.first { $0.name == c.name }?.usage ?? "." + c.name
    }

    /// The one argument of a setting command, which must be one of `options`; nil shows the current value.
    private func choice(_ c: MetaCommand, _ options: [String]) throws(Diagnostic) -> String? {
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

    /// `.format`, `.lang`, `.width`, `.charset` or `.timer` with no value: the value now, and
    /// the others it could be.
    private func currentSetting(_ name: String) -> String? {
        switch name {
        case "format": "format: \(settings.format.rawValue) (one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
        case "lang": "lang: \(settings.language.rawValue) (one of \(Language.allCases.map(\.rawValue).joined(separator: ", ")))"
        case "charset": "charset: \(settings.charset.rawValue) (one of \(Charset.allCases.map(\.rawValue).joined(separator: ", ")))"
        case "timer": "timer: \(settings.timer ? "on" : "off") (on or off)"
        case "width": settings.width.map { "width: \($0) cells (a number from 20 to 1000, or auto)" }
            ?? "width: auto, \(settings.renderOptions.width) cells now (a number from 20 to 1000, or auto)"
        default: nil
        }
    }

    private func setWidth(_ c: MetaCommand) throws(Diagnostic) {
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

    private func load(_ arguments: LoadArguments) -> Outcome {
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
            let table = try CSVReader.read(path: arguments.file, name: arguments.name, codebook: book.readingMissingCodes,
                                           missingTokens: arguments.missingTokens, isCancelled: session.isCancelled)
                .applyingMissingCodes(of: book, file: arguments.file)
            var workspace = session.workspace
            workspace.add(table)
            if codebook != nil { try DatasetLoader.declareRelations(book, in: &workspace) }
            session.workspace = workspace
            let with = codebookPath.map { " with the codebook \($0)" } ?? ""
            confirm("loaded \(arguments.name): \(table.rowCount) rows, \(table.columns.count) columns\(with)\(countHint(table))")
            return .succeeded
        } catch {
            report(error)
            return .failed
        }
    }

    /// Writes `table` to `path`. A `.csv` file gets the raw values and its codebook beside it,
    /// so `.load` reads it back the same; with `labels`, the labels in the session's language
    /// and no codebook, for reading elsewhere.
    private func save(_ table: Table, to path: String, labels: Bool) -> Outcome {
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
            var text = TableRenderer.render(withCodebook ? table.withRawValues : table, format: format, options: options)
            if !text.endsWithNewline { text += "\n" }
            try FileIO.writeAtomically(Array(text.utf8), to: path)
            if let codebook { try FileIO.writeAtomically(Array(codebook.utf8), to: codebookPath) }
            let with = codebook == nil ? "" : " with its codebook in \(codebookPath)"
            confirm("saved \(table.name): \(table.rowCount) rows to \(path) as \(format.rawValue)\(with)")
            return .succeeded
        } catch {
            report(error)
            return .failed
        }
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
