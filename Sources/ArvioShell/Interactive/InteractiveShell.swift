import ArvioData
import ArvioQuery

/// The interactive shell: a welcome, a prompt with GNU readline, a continuation prompt while a
/// statement is unfinished, Ctrl-C that clears the line or stops a statement, Ctrl-D to leave.
struct InteractiveShell {
    static let prompt = "arvio> "
    static let continuation = "  ...> "

    let interpreter: Interpreter

    /// Runs until `.quit` or Ctrl-D; the exit status.
    func run() -> Int32 {
        let history = Platform.environment("ARVIO_HISTORY") ?? (Platform.homeDirectory + "/.arvio_history")
        let editor = LineEditor(historyPath: history)
        interpreter.session.isCancelled = { interruptFlag.load(ordering: .relaxed) }
        interpreter.console.out(welcome())
        var assembler = StatementAssembler()
        var number = 0
        while true {
            updateCompletion(earlierLines: assembler.pendingText)
            let prompt = assembler.isInsideStatement ? Self.continuation : Self.prompt
            guard let line = editor.readLine(prompt: prompt, primary: Self.prompt) else {
                interpreter.console.out("\n")
                return 0
            }
            if promptInterrupted.load(ordering: .relaxed) { assembler.discard() }
            number += 1
            guard let unit = assembler.feed(line, number: number) else { continue }
            switch unit {
            case .meta(let text, _): editor.remember(text)
            case .statement(let text, _): editor.remember(text)
            }
            interruptFlag.store(false, ordering: .relaxed)
            // Each entry is numbered from 1, so a diagnostic's line is the line within it.
            if interpreter.execute(renumbered(unit), file: "<stdin>") == .quit { return 0 }
            number = 0
        }
    }

    private func renumbered(_ unit: StatementAssembler.Unit) -> StatementAssembler.Unit {
        switch unit {
        case .meta(let text, _): .meta(text, line: 1)
        case .statement(let text, _): .statement(text, firstLine: 1)
        }
    }

    private func updateCompletion(earlierLines: String) {
        let completer = Completer(workspace: interpreter.session.workspace, language: interpreter.settings.language)
        completionState.withLock { $0 = (completer, earlierLines) }
    }

    private func welcome() -> String {
        let ws = interpreter.session.workspace
        let language = interpreter.settings.language
        let title = ws.title.map { " — " + $0.text(language) } ?? ""
        let sizes = HelpFinnish.loaded(ws.tables.map { ($0.name, $0.rowCount) }, language)
        let example = ws.table(named: "participants") != nil ? "participants | count by org" : ".load FILE.csv"
        return """
            Arvio \(Version.current)\(title)
            \(sizes)
            \(HelpFinnish.tryLine(example, language))

            """
    }
}
