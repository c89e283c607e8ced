import ArvioData
import ArvioQuery
import ArvioRender

/// The one place where text becomes results: it splits input into meta-commands and
/// statements, runs them on the session, and writes results and diagnostics to a console.
/// The shell, the script runner and the notebook runner all feed it.
public final class Interpreter {
    /// What running some input came to.
    public enum Outcome: Equatable, Sendable {
        /// Everything ran.
        case succeeded
        /// Something failed; its diagnostic was written.
        case failed
        /// `.quit` was given.
        case quit
    }

    /// The workspace and the language engine.
    public var session: Session
    /// How results are written. The session's language follows it, whoever sets it (`--lang`,
    /// `ARVIO_LANG`, `.lang`, a notebook's front matter), so all four give the same output.
    public var settings: OutputSettings {
        didSet { session.language = settings.language }
    }
    /// Where results and diagnostics go.
    public var console: any Console
    /// Scripts being run with `.run`, to refuse a script that runs itself.
    private var running: [String] = []
    /// Whether a result has been written, so the next one is set off by a blank line.
    var hasWrittenResult = false
    /// The input still to run after the unit running now, when all of it is known (a script,
    /// `-c` statements), so `.load` reads only the columns it can use (`LoadProjection`); nil
    /// in the shell, where anything may follow.
    public var following: [StatementAssembler.Unit]?
    /// Whether `.quit` ends only the source being run (a notebook's block, after which the next
    /// block runs) rather than all the input; what `following` holds past a `.quit` depends on it.
    var quitEndsOnlySource = false
    /// The columns the last `.load` of a CSV file as each table read, for tests of `LoadProjection`.
    var loadedColumns: [String: [String]] = [:]

    /// Creates an interpreter over `workspace`.
    public init(workspace: Workspace, settings: OutputSettings, console: any Console) {
        self.session = Session(workspace: workspace, language: settings.language)
        self.settings = settings
        self.console = console
    }

    /// Runs every statement and meta-command in `source`, which starts at `firstLine` of `file`.
    /// Stops at the first failure unless `keepGoing`; either way reports `.failed` if any failed.
    @discardableResult
    public func run(_ source: String, file: String, firstLine: Int = 1, keepGoing: Bool = false) -> Outcome {
        var failed = false
        let units = Self.units(of: source, firstLine: firstLine)
        // What follows this source is known only if what follows it was (a `.run` in a script).
        let after = following
        defer { following = after }
        for (index, unit) in units.enumerated() {
            following = after.map { later in
                let rest = Array(units[(index + 1)...])
                guard let quit = rest.firstIndex(where: Self.isQuit) else { return rest + later }
                // In a notebook the blocks after this one still run after a `.quit` in this one.
                return Array(rest[..<quit]) + (quitEndsOnlySource ? later : [])
            }
            switch execute(unit, file: file) {
            case .quit: return .quit
            case .failed: failed = true; if !keepGoing { return .failed }
            case .succeeded: break
            }
        }
        return failed ? .failed : .succeeded
    }

    /// The meta-commands and statements of `source`, in order.
    public static func units(of source: String, firstLine: Int = 1) -> [StatementAssembler.Unit] {
        StatementSplitter.split(source, firstLine: firstLine).map { part -> StatementAssembler.Unit in
            part.isMetaCommand ? .meta(part.text, line: part.firstLine) : .statement(part.text, firstLine: part.firstLine)
        }
    }

    /// Whether `unit` is `.quit` (or one of its other names, `.exit`, `\q`).
    static func isQuit(_ unit: StatementAssembler.Unit) -> Bool {
        guard case .meta(let text, let line) = unit,
              let command = try? MetaCommand(parsing: text.trimmingWhitespace, file: "", line: line) else { return false }
        return MetaCommand.declaration(named: command.name)?.name == "quit"
    }

    /// The units of `source` up to its first `.quit`: all of it that can run.
    static func unitsUpToQuit(of source: String) -> [StatementAssembler.Unit] {
        let all = units(of: source)
        return Array(all[..<(all.firstIndex(where: isQuit) ?? all.endIndex)])
    }

    /// Runs one unit of input from `file`.
    func execute(_ unit: StatementAssembler.Unit, file: String) -> Outcome {
        switch unit {
        case .meta(let text, let line): runMeta(text, file: file, line: line)
        case .statement(let text, let firstLine): runStatement(text, file: file, firstLine: firstLine) ? .succeeded : .failed
        }
    }

    /// Runs one statement (possibly spanning lines); false if it failed.
    func runStatement(_ text: String, file: String, firstLine: Int) -> Bool {
        let started = Platform.now()
        let startedCPU = Platform.cpuTime()
        do {
            try refuseRemoteWrites(text, file: file, firstLine: firstLine)
            var attempt = session
            let results = try attempt.run(text, file: file, firstLine: firstLine)
            session = attempt
            for result in results { write(result) }
            if settings.timer { console.out(timing(since: started, cpu: startedCPU)) }
            return true
        } catch {
            report(error)
            return false
        }
    }

    /// Writes an error, in the one format every front end uses (`DiagnosticRenderer`): a
    /// diagnostic with its caret, or a data error with its file, line and field.
    func report(_ error: any Error) {
        let width = diagnosticWidth
        switch error {
        case let diagnostic as Diagnostic where diagnostic.isCancellation:
            // The terminal has echoed ^C already; say what it did, not where.
            console.err(settings.language == .fi ? " (peruttu; työtila on ennallaan)\n" : " (cancelled; the workspace is as it was)\n")
        case let diagnostic as Diagnostic:
            console.err(diagnostic.rendered(width: width, language: settings.language) + "\n")
        case let data as DataError:
            console.err(data.rendered(width: width, language: settings.language) + "\n")
        default:
            console.err(DiagnosticRenderer.render(at: "", "\(error)", width: width) + "\n")
        }
    }

    /// Writes an error about `location` (a file, or `file:line:column`) that no line of a
    /// statement shows.
    func report(at location: String, _ message: String) {
        console.err(DiagnosticRenderer.render(at: location, DiagnosticFinnish.text(message, settings.language),
                                              width: diagnosticWidth, language: settings.language) + "\n")
    }

    /// The width errors are wrapped at: `.width` if set, else the terminal's; none when the
    /// console is not a terminal.
    private var diagnosticWidth: Int? {
        console.diagnosticWidth.map { settings.width ?? $0 }
    }

    func write(_ result: StatementResult) {
        switch result {
        case .table(let table):
            if hasWrittenResult && settings.format == .text { console.out("\n") }
            if settings.format == .csv, table.chart == nil {
                // Standard output holds the one rectangle that read.csv, pandas and the benchmark's
                // compare.py read; the statistics and notes go to standard error as a CSV of their
                // own, as psql sends its notices there. A terminal and a notebook show both.
                console.out(TableRenderer.tableCSV(table, options: settings.renderOptions))
                if let statistics = TableRenderer.statisticsCSV(table, options: settings.renderOptions) {
                    console.err("\r\n" + statistics)
                }
            } else {
                console.out(render(table))
            }
            hasWrittenResult = true
        case .confirmation(let text):
            confirm(text.text(settings.language) + keptResultLocation)
        }
    }

    /// Says that something was kept or written ("completers: 12 rows"). It goes to standard
    /// error, as status does in Unix tools, so a script's standard output holds only its
    /// results (a CSV a program reads); the shell and notebooks show both streams.
    func confirm(_ text: String) {
        let message = DiagnosticFinnish.text(text, settings.language)
        // Wrapped at spaces as errors are, so a long path is not split mid-word by the terminal.
        guard let width = diagnosticWidth else { return console.err(message + "\n") }
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
            CellWidth.of(String(line)) > width
                ? TextWrap.wrap(String(line), width: width, indent: DiagnosticRenderer.continuationIndent) : [String(line)]
        }
        console.err(lines.joined(separator: "\n") + "\n")
    }

    /// `table` in the current format, ending in a newline.
    func render(_ table: Table) -> String {
        let text = TableRenderer.render(table, format: settings.format, options: settings.renderOptions)
        return text.endsWithNewline ? text : text + "\n"
    }

    /// Wall time, then the process's CPU time in user and system mode (all cores), as DuckDB's
    /// `.timer` gives them: on a shared machine the CPU time is the steadier measure.
    private func timing(since start: Double, cpu: (user: Double, system: Double)) -> String {
        let ms = (Platform.now() - start) * 1000
        let now = Platform.cpuTime()
        let user = NumberFormat.fixed((now.user - cpu.user) * 1000, decimals: 1)
        let system = NumberFormat.fixed((now.system - cpu.system) * 1000, decimals: 1)
        return "Run Time: \(NumberFormat.fixed(ms, decimals: 1)) ms (user \(user) ms, system \(system) ms)\n"
    }

    /// Runs the script at `path` as part of this session (`.run`).
    public func runFile(_ path: String, keepGoing: Bool = false) -> Outcome {
        guard !running.contains(path) else {
            report(at: path, "this script is already running (a script cannot .run itself)")
            return .failed
        }
        let text: String
        do {
            text = String(decoding: try FileIO.read(path), as: UTF8.self)
        } catch {
            report(error)
            return .failed
        }
        running.append(path)
        defer { running.removeLast() }
        return run(Self.droppingShebang(text), file: path, keepGoing: keepGoing)
    }

    /// `text` with a `#!` first line blanked, so line numbers stay right.
    static func droppingShebang(_ text: String) -> String {
        guard text.hasPrefix("#!") else { return text }
        guard let newline = text.firstIndex(of: "\n") else { return "" }
        return String(text[newline...])
    }
}

extension String {
    /// Whether the text ends a line ("\r\n" is one Character, so `hasSuffix("\n")` misses it).
    var endsWithNewline: Bool { hasSuffix("\n") || hasSuffix("\r\n") }

    /// The string without a final carriage return.
    var strippingCarriageReturn: String {
        hasSuffix("\r") ? String(dropLast()) : self
    }
}
