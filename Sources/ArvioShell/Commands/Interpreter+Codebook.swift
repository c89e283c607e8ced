import ArvioData
import ArvioQuery

/// `.codebook`: what a table says of its columns, shown or kept as a codebook file.
extension Interpreter {
    /// `.codebook T` prints the codebook of T; `.codebook T FILE` writes it as `.load --codebook` reads it.
    func codebook(_ c: MetaCommand) throws(Diagnostic) -> Outcome {
        try expect(c, count: c.arguments.count >= 2 ? 2 : 1)
        let table = try table(c, 0)
        let book = Codebook(describing: table)
        guard c.arguments.count == 2 else {
            write(.table(Self.codebookTable(book, name: table.name, language: settings.language)))
            return .succeeded
        }
        let path = c.arguments[1]
        do {
            try FileIO.writeAtomically(Array(try book.csv(file: path).utf8), to: path)
            confirm("wrote the codebook of \(table.name): \(book.entries.count) columns to \(path)")
            return .succeeded
        } catch {
            report(error)
            return .failed
        }
    }

    /// The codebook as a result table: one row per column, values in order with their labels
    /// in `language`.
    static func codebookTable(_ book: Codebook, name: String, language: Language) -> Table {
        let entries = book.entries
        let values = entries.map { entry -> String? in
            guard !entry.levels.isEmpty else { return nil }
            return entry.levels.map { level in
                let label = level.display(language)
                return label == level.value ? level.value : "\(level.value) = \(label)"
            }.joined(separator: entry.type == .ordinal ? " < " : ", ")
        }
        var columns = [
            Column(name: "column", data: .text(entries.map(\.column))),
            Column(name: "type", data: .text(entries.map(\.type.rawValue))),
            Column(name: "key", data: .text(entries.map { $0.isKey ? "yes" : nil })),
            Column(name: "values", data: .text(values)),
        ]
        // Shown only when some column has missing codes, so other codebooks look as they did.
        if entries.contains(where: { !$0.missing.isEmpty }) {
            columns.append(Column(name: "missing", data: .text(entries.map { entry in
                entry.missing.isEmpty ? nil : entry.missing.map { r in
                    r.label.map { "\(r.code) = \($0.text(language))" } ?? r.code
                }.joined(separator: ", ")
            })))
        }
        columns.append(Column(name: "meaning", data: .text(entries.map { $0.label?.text(language) })))
        return Table(name: "codebook of \(name)", columns: columns, rowCount: entries.count)
    }
}
