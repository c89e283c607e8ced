import ArvioQuery

/// A dot-command, as in sqlite3 and the DuckDB shell: `.tables`, `.load FILE`, `.lang fi` …
/// Each command is declared once (`Declaration`): its name, arguments, summary, what its
/// arguments complete to and what it runs; dispatch, usage lines, `.help` and completion
/// all read that declaration.
struct MetaCommand {
    /// One command as the shell knows it.
    struct Declaration: Sendable {
        /// The name without the dot.
        var name: String
        /// The arguments as the usage line writes them (`TABLE FILE [labels]`).
        var arguments: String
        /// What the command does, in a line.
        var summary: String
        /// Other names that run it (`exit` for `quit`).
        var aliases: [String] = []
        /// What each argument completes to; the last stands for every further argument.
        var completion: [Completion] = []
        /// Whether the rest of the line is one argument, quotes and all (`.explain PIPELINE`).
        var takesRawText = false
        /// The setting's value now, shown when the command is given no argument.
        var current: (@Sendable (Interpreter) -> String)?
        /// Runs the command; what it throws is reported as any error of a command is.
        var run: @Sendable (Interpreter, MetaCommand) throws -> Interpreter.Outcome

        /// `.name ARGUMENTS`, as usage lines and `.help` show it.
        var usage: String { "." + name + (arguments.isEmpty ? "" : " " + arguments) }

        /// What argument `index` (from 0) completes to.
        func completion(at index: Int) -> Completion {
            completion.isEmpty ? .nothing : completion[min(index, completion.count - 1)]
        }
    }

    /// What an argument of a command completes to.
    enum Completion: Sendable, Equatable {
        case nothing
        /// A table of the workspace.
        case table
        /// `TABLE.COLUMN`.
        case tableColumn
        /// A file or folder.
        case path
        /// One of these words.
        case words([String])
        /// A help topic: a verb, a section of the reference, a command.
        case helpTopic
        /// A pipeline, completed as a statement is.
        case pipeline
    }

    /// The command's name without the dot.
    var name: String
    /// The arguments, split on spaces (double quotes keep a path with spaces together).
    var arguments: [String]
    /// Where each argument starts (the command itself first), for errors.
    var positions: [SourcePosition]

    /// The commands, in the order `.help` lists them (declared in Interpreter+MetaCommands.swift).
    static var all: [Declaration] { Interpreter.metaCommands }

    /// The command called `name` (or one of its aliases), without the dot.
    static func declaration(named name: String) -> Declaration? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// The command names with their dots, aliases included, for completion.
    static var names: [String] { all.flatMap { [$0.name] + $0.aliases }.map { "." + $0 } }

    /// Parses `text`, a line that starts with a dot, found at `line` of `file`.
    init(parsing text: String, file: String, line: Int) throws(Diagnostic) {
        source = text
        let head = String(text.prefix { $0 != " " && $0 != "\t" })
        if let declaration = MetaCommand.declaration(named: String(head.dropFirst())), declaration.takesRawText {
            let rest = String(text.dropFirst(head.count))
            let leading = rest.prefix { $0 == " " || $0 == "\t" }.count
            let argument = rest.trimmingWhitespace
            name = String(head.dropFirst())
            arguments = argument.isEmpty ? [] : [argument]
            positions = [SourcePosition(file: file, line: line, column: 1)]
                + (argument.isEmpty ? [] : [SourcePosition(file: file, line: line, column: head.count + leading + 1)])
            return
        }
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
