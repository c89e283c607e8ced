import ArvioData
import ArvioQuery

/// What the command line asked for, and the code that carries it out: the `arvio` executable
/// only parses arguments into this.
public struct Launcher {
    /// What to run.
    public enum Mode: Equatable, Sendable {
        /// The interactive shell, or statements from standard input when it is not a terminal.
        case shell
        /// One or more statements given with `-c`.
        case statements([String])
        /// A script file.
        case script(String)
        /// Run a notebook's blocks and write their outputs beneath them.
        case knit(String)
        /// Run a notebook's blocks and compare with the outputs it holds.
        case check(String)
    }

    /// What to run.
    public var mode: Mode
    /// The data folder to load at start; nil looks for the built-in data.
    public var dataDirectory: String?
    /// Whether to start with an empty workspace.
    public var noData = false
    /// Output settings from the command line, over those of the environment.
    public var settings: OutputSettings
    /// Whether a script goes on after a failed statement (exiting 1 at the end).
    public var keepGoing = false
    /// A PostgreSQL database to connect to at start (`--db`), as `.connect` does.
    public var database: String?

    /// Creates a launcher with settings for this process's environment.
    public init(mode: Mode) {
        self.mode = mode
        self.settings = OutputSettings.forEnvironment()
    }

    /// Runs and returns the process's exit status.
    public func run() -> Int32 {
        let console = StandardConsole()
        let workspace: Workspace
        do {
            workspace = try loadWorkspace()
        } catch {
            console.err(error.rendered(width: console.diagnosticWidth, language: settings.language) + "\n")
            return 2
        }
        let interpreter = Interpreter(workspace: workspace, settings: settings, console: console)
        if let database, !interpreter.connect(database) { return 2 }
        switch mode {
        case .shell:
            if Platform.stdinIsTerminal {
                return InteractiveShell(interpreter: interpreter).run()
            }
            return StreamRunner(interpreter: interpreter).run(keepGoing: keepGoing)
        case .statements(let list):
            for (index, statement) in list.enumerated() {
                interpreter.following = list[(index + 1)...].flatMap { Interpreter.units(of: $0) }
                let outcome = interpreter.run(statement, file: "<command>", keepGoing: keepGoing)
                if outcome == .quit { return 0 }
                if outcome == .failed { return 1 }
            }
            return 0
        case .script(let path):
            interpreter.following = []
            return interpreter.runFile(path, keepGoing: keepGoing) == .failed ? 1 : 0
        case .knit(let path):
            return NotebookRunner(interpreter: interpreter, console: console).knit(path)
        case .check(let path):
            return NotebookRunner(interpreter: interpreter, console: console).check(path)
        }
    }

    private func loadWorkspace() throws(DataError) -> Workspace {
        // With --db the database's tables are the data: the built-in pilot would take their
        // names (responses, participants) and leave them out.
        if noData || (database != nil && dataDirectory == nil) { return Workspace() }
        if let dir = dataDirectory { return try DatasetLoader.load(directory: dir) }
        guard let dir = Self.builtInDataDirectory() else {
            throw DataError(DataPosition(file: "arvio"),
                            "the built-in data (datasets/wire3) was not found beside the program; give --data DIR or set ARVIO_DATA")
        }
        return try DatasetLoader.load(directory: dir)
    }

    /// The built-in data set's folder: `ARVIO_DATA`, or `datasets/wire3` in a folder above the
    /// executable (a build inside the repository), or the installed share folder.
    static func builtInDataDirectory() -> String? {
        if let dir = Platform.environment("ARVIO_DATA"), !dir.isEmpty { return dir }
        if var dir = Platform.executableDirectory {
            for _ in 0..<6 {
                let candidate = dir + "/datasets/wire3"
                if Platform.exists(candidate + "/codebook.csv") { return candidate }
                guard let slash = dir.lastIndex(of: "/"), !dir.isEmpty else { break }
                dir = String(dir[..<slash])
            }
            let share = (Platform.executableDirectory ?? "") + "/../share/arvio/wire3"
            if Platform.exists(share + "/codebook.csv") { return share }
        }
        return nil
    }
}
