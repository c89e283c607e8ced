import ArgumentParser
import ArvioRender
import ArvioShell
import ArvioData

/// The `arvio` command: parses the command line into a `Launcher` and runs it.
struct ArvioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arvio",
        abstract: "A workbench for pre/post survey data: a shell, scripts and notebooks.",
        discussion: """
            With no arguments, opens the shell on the built-in WIRE 3 pilot data (or reads
            statements from standard input when it is not a terminal).
              arvio -c 'participants | count by org'
              arvio script.arvio            run a script (also: -f FILE, or #!/usr/bin/env arvio)
              arvio knit NOTEBOOK.md        run a notebook and write the outputs beneath its blocks
              arvio check NOTEBOOK.md       re-run a notebook; exit 1 with a diff if an output changed
            """,
        version: "arvio \(Version.current)"
    )

    // `.unconditional`: a statement may start with "-" (`-c "-x"`) and must not be taken for an option.
    @Option(name: .short, parsing: .unconditionalSingleValue, help: ArgumentHelp("Run a statement and exit (repeatable).", valueName: "statement"))
    var c: [String] = []

    @Option(name: .short, help: ArgumentHelp("Run the statements of a script file.", valueName: "file"))
    var f: String?

    @Option(help: ArgumentHelp("Load the data set in this folder (a codebook.csv and one CSV per table).", valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("Connect to a PostgreSQL database (a URL or key=value words, as psql takes).", valueName: "url"))
    var db: String?

    @Flag(help: "Start with no data loaded.")
    var noData = false

    @Option(help: ArgumentHelp("Output format: text, markdown, csv or json.", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("Language of labels and headings: en or fi.", valueName: "lang"))
    var lang: String?

    @Option(help: ArgumentHelp("Output width in terminal cells.", valueName: "cells"))
    var width: Int?

    @Option(help: ArgumentHelp("Characters for tables and charts: unicode or ascii.", valueName: "charset"))
    var charset: String?

    @Flag(help: "In a script, run on after a failed statement and exit 1 at the end.")
    var keepGoing = false

    @Flag(help: "Check the notebook FILE (the default for a .md file): exit 1 with a diff if an output changed.")
    var check = false

    @Argument(help: ArgumentHelp("A script file, or knit/check and a notebook.", valueName: "file"))
    var words: [String] = []

    func validate() throws {
        if let format, OutputFormat(rawValue: format) == nil {
            throw ValidationError("--format takes text, markdown, csv or json, not \"\(format)\"")
        }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang takes en or fi, not \"\(lang)\"") }
        if let charset, Charset(rawValue: charset) == nil { throw ValidationError("--charset takes unicode or ascii, not \"\(charset)\"") }
        if let width, !OutputSettings.widths.contains(width) { throw ValidationError("--width takes 20 to 1000 cells, not \(width)") }
        if words.count > 2 || (words.count == 2 && !["knit", "check"].contains(words[0])) {
            throw ValidationError("unexpected \"\(words.last!)\"; give one script file, or knit/check and a notebook")
        }
        if !c.isEmpty && (f != nil || !words.isEmpty) { throw ValidationError("-c cannot be combined with a script file") }
    }

    func run() throws {
        var launcher = Launcher(mode: mode)
        launcher.dataDirectory = data
        launcher.noData = noData
        launcher.keepGoing = keepGoing
        launcher.database = db
        if let format { launcher.settings.format = OutputFormat(rawValue: format)! }
        if let lang { launcher.settings.language = Language(rawValue: lang)! }
        if let charset { launcher.settings.charset = Charset(rawValue: charset)! }
        if let width { launcher.settings.width = width }
        let status = launcher.run()
        if status != 0 { throw ExitCode(status) }
    }

    private var mode: Launcher.Mode {
        if !c.isEmpty { return .statements(c) }
        if let f { return .script(f) }
        if words.count == 2 { return words[0] == "knit" ? .knit(words[1]) : .check(words[1]) }
        if let file = words.first {
            if check { return .check(file) }
            return file.lowercased().hasSuffix(".md") ? .check(file) : .script(file)
        }
        return .shell
    }
}

ArvioCommand.main()
