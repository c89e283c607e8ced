import ArvioQuery

/// A dot-command, as in sqlite3 and the DuckDB shell: `.tables`, `.load FILE`, `.lang fi` …
struct MetaCommand {
    /// The command's name without the dot.
    var name: String
    /// The arguments, split on spaces (double quotes keep a path with spaces together).
    var arguments: [String]
    /// Where each argument starts (the command itself first), for errors.
    var positions: [SourcePosition]

    /// The commands, with a one-line summary each, in the order `.help` lists them.
    static let all: [(name: String, usage: String, summary: String)] = [
        ("help", ".help [TOPIC]", "help on commands, the language, a verb"),
        ("tables", ".tables", "the tables with their rows and columns"),
        ("schema", ".schema TABLE", "a table's columns: type, scale, labels"),
        ("load", ".load FILE [as NAME] [OPTIONS]", "read .csv .xlsx .sav .dta .sas7bdat, DIR"),
        ("save", ".save TABLE FILE [labels]", "write .csv/.xlsx/.sav/.dta/.json/.md/.txt"),
        ("codebook", ".codebook TABLE [FILE.csv]", "a table's codebook, printed or written"),
        ("scale", ".scale T.COL A < B < C", "declare a column's scale, low to high"),
        ("missing", ".missing T.COL CODES [as REASON], …", "declare codes that mean missing"),
        ("values", ".values T.COL VALUE FI [EN], …", "label a column's values"),
        ("rename", ".rename TABLE OLD NEW", "rename a column"),
        ("format", ".format text|markdown|csv|json", "how results are written"),
        ("lang", ".lang en|fi", "the language of labels and headings"),
        ("width", ".width N|auto", "the output width in terminal cells"),
        ("charset", ".charset unicode|ascii", "the characters of tables and charts"),
        ("timer", ".timer on|off", "print how long each statement took, in wall and CPU time"),
        ("run", ".run FILE", "run the statements of a script file"),
        ("connect", ".connect URL", "run pipelines inside PostgreSQL"),
        ("explain", ".explain PIPELINE", "the SQL it sends, what runs in memory"),
        ("quit", ".quit", "leave (also .exit, \\q, Ctrl-D)"),
    ]

    /// The command names with their dots, for completion.
    static var names: [String] { all.map { "." + $0.name } + [".exit"] }

    /// Parses `text`, a line that starts with a dot, found at `line` of `file`.
    init(parsing text: String, file: String, line: Int) throws(Diagnostic) {
        var words: [String] = []
        var positions: [SourcePosition] = []
        var current: String?
        var start = 0
        var quoted = false
        for (column, c) in text.enumerated() {
            if c == "\"" {
                if quoted { words.append(current ?? ""); current = nil } else { start = column }
                quoted.toggle()
                if quoted { current = "" }
                continue
            }
            if !quoted && (c == " " || c == "\t") {
                if let word = current { words.append(word); current = nil }
                continue
            }
            if current == nil { current = ""; start = column }
            if positions.count < words.count + 1 { positions.append(SourcePosition(file: file, line: line, column: start + 1)) }
            current!.append(c)
        }
        if quoted {
            throw Diagnostic(SourcePosition(file: file, line: line, column: start + 1), "this quoted argument has no closing quote (\")",
                             sourceLine: text)
        }
        if let word = current { words.append(word) }
        while positions.count < words.count { positions.append(SourcePosition(file: file, line: line, column: text.count + 1)) }
        name = String(words.first?.dropFirst() ?? "")
        arguments = Array(words.dropFirst())
        self.positions = positions
        self.source = text
    }

    /// The command's text, for showing errors under it.
    let source: String

    /// An error about argument `index` (or the command itself when past the end).
    func error(at index: Int?, _ message: String, suggestion: String? = nil) -> Diagnostic {
        var position = positions[0]
        if let index {
            position = index + 1 < positions.count ? positions[index + 1]
                : SourcePosition(file: positions[0].file, line: positions[0].line, column: source.count + 1)
            position.length = index < arguments.count ? arguments[index].count : 1
        } else {
            position.length = name.count + 1
        }
        return Diagnostic(position, message, suggestion: suggestion, sourceLine: source)
    }
}
