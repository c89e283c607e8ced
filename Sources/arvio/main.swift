import ArgumentParser
import ArvioData
import ArvioRender
import ArvioShell

// The settings' enums are the options' types, so their values, their help and the message for
// a value that is not one of them all come from the declarations.
extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension Charset: ExpressibleByArgument {}

/// What every way of running takes: the data to start with and how results are written.
struct SessionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Load the data set in this folder (a codebook.csv and one CSV per table).", valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("Connect to a PostgreSQL database (a URL or key=value words, as psql takes).", valueName: "url"))
    var db: String?

    @Flag(help: "Start with no data loaded.")
    var noData = false

    @Option(help: ArgumentHelp("Output format.", valueName: "format"))
    var format: OutputFormat?

    @Option(help: ArgumentHelp("Language of labels and headings.", valueName: "lang"))
    var lang: Language?

    @Option(help: ArgumentHelp("Output width in terminal cells (\(OutputSettings.widths.lowerBound)–\(OutputSettings.widths.upperBound)).", valueName: "cells"))
    var width: Int?

    @Option(help: ArgumentHelp("Characters for tables and charts.", valueName: "charset"))
    var charset: Charset?

    func validate() throws {
        if let width, !OutputSettings.widths.contains(width) {
            throw ValidationError("--width takes \(OutputSettings.widths.lowerBound) to \(OutputSettings.widths.upperBound) cells, not \(width)")
        }
    }

    /// Runs `mode` with these options over the environment's settings; throws the exit status.
    func launch(_ mode: Launcher.Mode, keepGoing: Bool = false) throws {
        var launcher = Launcher(mode: mode)
        launcher.dataDirectory = data
        launcher.noData = noData
        launcher.keepGoing = keepGoing
        launcher.database = db
        if let format { launcher.settings.format = format }
        if let lang { launcher.settings.language = lang }
        if let charset { launcher.settings.charset = charset }
        if let width { launcher.settings.width = width }
        let status = launcher.run()
        if status != 0 { throw ExitCode(status) }
    }
}

/// The `arvio` command: `run` (the default: the shell, a script or statements), and `knit` and
/// `check` for notebooks. The session options may come before or after the subcommand's name.
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
        version: "arvio \(Version.current)",
        subcommands: [Run.self, Knit.self, Check.self],
        defaultSubcommand: Run.self
    )

    @OptionGroup var options: SessionOptions
}

extension SessionOptions {
    /// These options where given, else `parent`'s (given before the subcommand's name).
    func over(_ parent: SessionOptions) -> SessionOptions {
        var merged = self
        merged.data = data ?? parent.data
        merged.noData = noData || parent.noData
        merged.db = db ?? parent.db
        merged.format = format ?? parent.format
        merged.lang = lang ?? parent.lang
        merged.width = width ?? parent.width
        merged.charset = charset ?? parent.charset
        return merged
    }
}

/// `arvio [FILE]`, `arvio -c STATEMENT`, `arvio -f FILE`: the shell, statements or a script.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the shell, or run statements or a script (the default).")

    @ParentCommand var arvio: ArvioCommand
    @OptionGroup var options: SessionOptions

    // `.unconditional`: a statement may start with "-" (`-c "-x"`) and must not be taken for an option.
    @Option(name: .short, parsing: .unconditionalSingleValue, help: ArgumentHelp("Run a statement and exit (repeatable).", valueName: "statement"))
    var c: [String] = []

    @Option(name: .short, help: ArgumentHelp("Run the statements of a script file.", valueName: "file"))
    var f: String?

    @Flag(help: "In a script, run on after a failed statement and exit 1 at the end.")
    var keepGoing = false

    @Flag(help: "Check the notebook FILE (the default for a .md file): exit 1 with a diff if an output changed.")
    var check = false

    @Argument(help: ArgumentHelp("A script file, or a notebook (.md) to check.", valueName: "file"))
    var file: String?

    func validate() throws {
        if !c.isEmpty && (f != nil || file != nil) { throw ValidationError("-c cannot be combined with a script file") }
        if let f, let file { throw ValidationError("give one script file: -f \(f) or \(file)") }
    }

    func run() throws {
        try options.over(arvio.options).launch(mode, keepGoing: keepGoing)
    }

    private var mode: Launcher.Mode {
        if !c.isEmpty { return .statements(c) }
        if let f { return .script(f) }
        if let file {
            if check { return .check(file) }
            return file.lowercased().hasSuffix(".md") ? .check(file) : .script(file)
        }
        return .shell
    }
}

/// `arvio knit NOTEBOOK.md`: runs a notebook's blocks and writes each output beneath its block.
struct Knit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a notebook's arvio blocks and write each output beneath its block.")

    @ParentCommand var arvio: ArvioCommand
    @OptionGroup var options: SessionOptions

    @Argument(help: ArgumentHelp("The Markdown notebook.", valueName: "notebook"))
    var notebook: String

    func run() throws { try options.over(arvio.options).launch(.knit(notebook)) }
}

/// `arvio check NOTEBOOK.md`: re-runs a notebook and says whether any output changed.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run a notebook; exit 1 with a diff if an output changed.")

    @ParentCommand var arvio: ArvioCommand
    @OptionGroup var options: SessionOptions

    @Argument(help: ArgumentHelp("The Markdown notebook.", valueName: "notebook"))
    var notebook: String

    func run() throws { try options.over(arvio.options).launch(.check(notebook)) }
}

ArvioCommand.main()
