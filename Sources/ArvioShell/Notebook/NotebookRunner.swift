import ArvioData
import ArvioRender

/// Runs a Markdown notebook's ```` ```arvio ```` blocks in order in one workspace. `knit` writes
/// each block's output beneath it; `check` compares and prints a diff of what changed.
struct NotebookRunner {
    let interpreter: Interpreter
    let console: any Console

    /// Runs `path` and rewrites its outputs; the exit status.
    func knit(_ path: String) -> Int32 {
        guard let (notebook, outputs, failed) = run(path) else { return 2 }
        let text = notebook.replacingOutputs(outputs)
        do {
            try FileIO.writeAtomically(Array(text.utf8), to: path)
        } catch {
            interpreter.report(error)
            return 2
        }
        console.err("knit \(path): \(outputs.count) block\(outputs.count == 1 ? "" : "s")\(failed > 0 ? ", \(failed) failed" : "")\n")
        return failed > 0 ? 1 : 0
    }

    /// Runs `path` and compares each block's output with the one it holds; 1 if any changed.
    func check(_ path: String) -> Int32 {
        guard let (notebook, outputs, failed) = run(path) else { return 2 }
        var changed = 0
        for (index, (block, output)) in zip(notebook.blocks, outputs).enumerated() where block.outputText != output {
            changed += 1
            let name = "\(path) block \(index + 1) (line \(block.firstLine - 1))"
            console.out(UnifiedDiff.make(old: block.outputText ?? "", new: output,
                                         oldName: name + ", as written", newName: name + ", as run now"))
        }
        if changed > 0 {
            console.err("check \(path): \(changed) of \(outputs.count) outputs changed; run `arvio knit \(path)` to accept them\n")
            return 1
        }
        console.err("check \(path): \(outputs.count) outputs unchanged\(failed > 0 ? ", \(failed) blocks failed" : "")\n")
        return failed > 0 ? 1 : 0
    }

    /// The notebook, each block's output and how many blocks failed that are not marked
    /// ```` ```arvio error ````; nil if the file cannot be read or has an unclosed block.
    private func run(_ path: String) -> (MarkdownNotebook, [String], failed: Int)? {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            interpreter.report(error)
            return nil
        }
        let notebook = MarkdownNotebook(String(decoding: bytes, as: UTF8.self))
        if let line = notebook.unclosedFence {
            interpreter.report(at: "\(path):\(line):1", "this block has no closing fence (```); close it, or knit would write its output into the block")
            return nil
        }
        if let problem = applyFrontMatter(notebook.frontMatter) {
            interpreter.report(at: path, problem)
            return nil
        }
        // `db: postgresql:///survey` connects before the first block, as `arvio --db` does, so
        // a report is reproduced from the register; the PG* variables fill in what it omits.
        if let database = notebook.frontMatter["db"], !interpreter.connect(database) {
            return nil
        }
        let original = interpreter.console
        defer { interpreter.console = original }
        var outputs: [String] = []
        var failed = 0
        interpreter.quitEndsOnlySource = true
        defer { interpreter.following = nil; interpreter.quitEndsOnlySource = false }
        for (index, block) in notebook.blocks.enumerated() {
            // The blocks after this one are all that follows it, so a `.load` reads only what
            // they use; a `.quit` ends only its own block, so each is cut there, not the rest.
            interpreter.following = notebook.blocks[(index + 1)...].flatMap { Interpreter.unitsUpToQuit(of: $0.source) }
            let capture = CapturingConsole()
            interpreter.console = capture
            interpreter.hasWrittenResult = false
            // Positions count from the block, not the file: knitting moves every later block
            // down, and the output must not change with it (nor with the notebook's folder).
            let name = "block \(outputs.count + 1)"
            let outcome = interpreter.run(block.source, file: name, firstLine: 1)
            if outcome == .failed && !block.expectsError {
                failed += 1
                console.err(DiagnosticRenderer.render(at: "\(path):\(Self.position(in: capture.text, block: name, firstLine: block.firstLine))",
                                                      "\(name) failed (its output shows the error); mark it ```arvio error if it is meant to fail",
                                                      width: console.diagnosticWidth) + "\n")
            }
            outputs.append(capture.text)
        }
        return (notebook, outputs, failed)
    }

    /// The notebook's own LINE:COL of the error a block's output reports as "block N:L:C",
    /// or the block's first line when the output names none.
    private static func position(in output: String, block name: String, firstLine: Int) -> String {
        guard let range = output.range(of: name + ":") else { return "\(firstLine):1" }
        let numbers = output[range.upperBound...].prefix { $0.isNumber || $0 == ":" }.split(separator: ":").compactMap { Int($0) }
        guard numbers.count >= 2 else { return "\(firstLine):1" }
        return "\(firstLine + numbers[0] - 1):\(numbers[1])"
    }

    /// Fixes the settings a notebook's outputs are rendered with, so it checks the same on
    /// every machine: width, character set and language from the front matter, no colour.
    /// Returns what is wrong with the front matter, if anything.
    private func applyFrontMatter(_ front: [String: String]) -> String? {
        var s = OutputSettings()
        s.width = 80
        if let text = front["width"] {
            guard let width = Int(text), OutputSettings.widths.contains(width) else {
                return "the front matter's width is \"\(text)\"; give a number of terminal cells from 20 to 1000"
            }
            s.width = width
        }
        guard let charset = Charset(rawValue: front["charset"] ?? "unicode") else {
            return "the front matter's charset is \"\(front["charset"] ?? "")\"; give unicode or ascii"
        }
        guard let language = Language(rawValue: front["lang"] ?? "en") else {
            return "the front matter's lang is \"\(front["lang"] ?? "")\"; give en or fi"
        }
        guard let format = OutputFormat(rawValue: front["format"] ?? "text") else {
            return "the front matter's format is \"\(front["format"] ?? "")\"; give text, markdown, csv or json"
        }
        s.charset = charset
        s.language = language
        s.format = format
        s.colour = false
        s.maxRows = nil
        interpreter.settings = s
        return nil
    }
}
