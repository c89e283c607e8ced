import ArvioData
import ArvioRender

/// Runs a Markdown notebook's ```` ```arvio ```` blocks in order in one workspace. `knit` writes
/// each block's output beneath it; `check` compares and prints a diff of what changed.
struct NotebookRunner {
    let interpreter: Interpreter
    let console: any Console

    /// Runs `path` and rewrites its outputs; the exit status.
    func knit(_ path: String) -> Int32 {
        guard let (notebook, outputs) = run(path) else { return 2 }
        let text = notebook.replacingOutputs(outputs)
        do {
            try FileIO.writeAtomically(Array(text.utf8), to: path)
        } catch {
            interpreter.report(error)
            return 2
        }
        console.err("knit \(path): \(outputs.count) block\(outputs.count == 1 ? "" : "s")\n")
        return 0
    }

    /// Runs `path` and compares each block's output with the one it holds; 1 if any changed.
    func check(_ path: String) -> Int32 {
        guard let (notebook, outputs) = run(path) else { return 2 }
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
        console.err("check \(path): \(outputs.count) outputs unchanged\n")
        return 0
    }

    /// The notebook and each block's output, or nil if the file cannot be read.
    private func run(_ path: String) -> (MarkdownNotebook, [String])? {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            interpreter.report(error)
            return nil
        }
        let notebook = MarkdownNotebook(String(decoding: bytes, as: UTF8.self))
        if let problem = applyFrontMatter(notebook.frontMatter) {
            console.err("\(path): error: \(problem)\n")
            return nil
        }
        let original = interpreter.console
        defer { interpreter.console = original }
        var outputs: [String] = []
        for block in notebook.blocks {
            let capture = CapturingConsole()
            interpreter.console = capture
            interpreter.hasWrittenResult = false
            // Positions count from the block, not the file: knitting moves every later block
            // down, and the output must not change with it (nor with the notebook's folder).
            interpreter.run(block.source, file: "block \(outputs.count + 1)", firstLine: 1)
            outputs.append(capture.text)
        }
        return (notebook, outputs)
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
        interpreter.session.language = s.language
        return nil
    }
}
