import ArvioData
import ArvioQuery

/// `.missing`, `.rename` and `.load FILE.xlsx`: what a survey tool's export needs before it can
/// be analysed, said in the shell.
extension Interpreter {
    /// The arguments after the first in groups separated by commas, which may stand alone or
    /// end a word ("9,"), each word with the index of its argument for errors.
    private func commaGroups(_ c: MetaCommand) -> [[(word: String, argument: Int)]] {
        var groups: [[(word: String, argument: Int)]] = [[]]
        for (i, word) in c.arguments.enumerated().dropFirst() {
            var text = word
            let endsGroup = text.hasSuffix(",") && text != ","
            if endsGroup { text.removeLast() }
            if word == "," { groups.append([]); continue }
            groups[groups.count - 1].append((text, i))
            if endsGroup { groups.append([]) }
        }
        return groups
    }

    /// `.missing T.col 9 as "ei vastausta", 6 as "en osaa sanoa"`, or `.missing T.col 6 9`.
    func declareMissing(_ c: MetaCommand) throws(Diagnostic) -> Outcome {
        guard c.arguments.count >= 2 else { try expect(c, count: 2); return .failed }
        let (table, index) = try tableColumn(c)
        let groups = commaGroups(c)
        var codes: [(code: String, reason: String?)] = []
        for group in groups where !group.isEmpty {
            var values = group[...]
            var reason: String?
            if let at = group.firstIndex(where: { $0.word == "as" }) {
                values = group[..<at]
                let after = group[(at + 1)...]
                guard after.count == 1 else {
                    let i = after.dropFirst().first?.argument ?? group[at].argument
                    throw c.error(at: i, "one reason follows \"as\", in quotes when it has spaces: 9 as \"ei vastausta\"; a comma starts the next codes")
                }
                reason = after.first!.word
            }
            guard !values.isEmpty else {
                throw c.error(at: group[0].argument, "name the values before \"as\", as in 9 as \"ei vastausta\"")
            }
            codes += values.map { ($0.word, reason) }
        }
        let column = table.columns[index]
        let (declared, counts): (Column, [Int])
        do {
            (declared, counts) = try column.declaringMissing(codes)
        } catch {
            throw c.error(at: 0, error.message)
        }
        var changed = table
        changed.columns[index] = declared
        replace(table, with: changed)
        let listed = zip(codes, counts).map { code, n in
            "\(code.code)\(code.reason.map { " = \($0)" } ?? "") (\(n) \(n == 1 ? "row" : "rows"))"
        }
        confirm("\(table.name).\(column.name) missing: \(listed.joined(separator: ", "))")
        return .succeeded
    }

    /// `.values T.col 1 Heikosti poorly, 2 Kohtalaisesti moderately`: labels for a column's
    /// values, Finnish then English (the English may be left out), groups separated by commas.
    func labelValues(_ c: MetaCommand) throws(Diagnostic) -> Outcome {
        guard c.arguments.count >= 3 else { try expect(c, count: 3); return .failed }
        let (table, index) = try tableColumn(c)
        let groups = commaGroups(c)
        var labels: [(value: String, fi: String, en: String?)] = []
        for group in groups where !group.isEmpty {
            guard group.count == 2 || group.count == 3 else {
                throw c.error(at: group[0].argument, "each value is followed by its Finnish label and, if it differs, its English one, in quotes when they have spaces: 3 \"Jonkin verran\" \"to some extent\"; a comma starts the next value")
            }
            labels.append((group[0].word, group[1].word, group.count == 3 ? group[2].word : nil))
        }
        var changed = table
        do {
            changed.columns[index] = try table.columns[index].labelling(labels)
        } catch {
            throw c.error(at: 0, error.message)
        }
        replace(table, with: changed)
        let listed = labels.map { "\($0.value) = \($0.fi)\($0.en.map { " / " + $0 } ?? "")" }.joined(separator: ", ")
        confirm("\(table.name).\(table.columns[index].name) labels: \(listed)")
        return .succeeded
    }

    /// `.rename T old new`: a column's name changes; its description, values and scale stay.
    func renameColumn(_ c: MetaCommand) throws(Diagnostic) -> Outcome {
        try expect(c, count: 3)
        let table = try self.table(c, 0)
        let old = c.arguments[1], new = c.arguments[2]
        guard let index = table.columnIndex(named: old) else {
            throw c.error(at: 1, "\(table.name) has no column \"\(old)\"; .schema \(table.name) lists them",
                          suggestion: Suggestion.closest(to: old, among: table.columnNames).map { "\"\($0)\"" })
        }
        guard HeaderNames.isName(new) else {
            throw c.error(at: 2, "\"\(new)\" cannot be a column name: use letters, digits and _, starting with a letter, at most 32 characters")
        }
        guard table.column(named: new) == nil || new == old else {
            throw c.error(at: 2, "\(table.name) has a column \"\(new)\" already")
        }
        var changed = table
        changed.columns[index].name = new
        changed.key = table.key.map { $0 == old ? new : $0 }
        var workspace = session.workspace
        // Relations name their columns, so they follow the rename.
        let relations = workspace.relations.filter { $0.table == table.name || $0.target == table.name }
        workspace.add(changed)
        for relation in relations {
            var r = relation
            if r.table == table.name { r.columns = r.columns.map { $0 == old ? new : $0 } }
            if r.target == table.name { r.targetColumns = r.targetColumns.map { $0 == old ? new : $0 } }
            workspace.add(r)
        }
        session.workspace = workspace
        confirm("\(table.name).\(old) is now \(table.name).\(new)")
        return .succeeded
    }

    /// Loads a sheet of an Excel workbook as a table.
    func loadWorkbook(_ arguments: LoadArguments) -> Outcome {
        do {
            for option in ["--codebook", "--na", "--encoding", "--ordinal"] {
                if let i = arguments.optionIndex[option] {
                    throw arguments.command.error(at: i, "\(option) is not for Excel workbooks; after loading, .missing declares missing codes and .scale a scale")
                }
            }
            let result = try XlsxReader.read(path: arguments.file, name: arguments.name, sheet: arguments.sheet)
            var workspace = session.workspace
            workspace.add(result.table)
            session.workspace = workspace
            var details = ""
            if result.renamedHeaders > 0 {
                details += "; \(result.renamedHeaders) \(result.renamedHeaders == 1 ? "header was" : "headers were") given short names (.schema \(arguments.name) shows them with the headers, .rename changes one)"
            }
            if !result.otherSheets.isEmpty {
                details += "; the workbook also has \(result.otherSheets.map { "\"\($0)\"" }.joined(separator: ", ")) (.load FILE sheet NAME)"
            }
            confirm("loaded \(arguments.name) from the sheet \"\(result.sheet)\": \(result.table.rowCount) rows, \(result.table.columns.count) columns\(details)\(countHint(result.table))")
            return .succeeded
        } catch {
            report(error)
            return .failed
        }
    }

    /// Writes `table` as an Excel workbook of one sheet, with labels in the session's language.
    func saveWorkbook(_ table: Table, to path: String) -> Outcome {
        do {
            let bytes = try XlsxWriter.write(table, language: settings.language, file: path, isCancelled: session.isCancelled)
            try FileIO.writeAtomically(bytes, to: path)
            confirm("saved \(table.name): \(table.rowCount) rows to \(path) as an Excel workbook (categories as their labels in \(settings.language == .fi ? "Finnish" : "English"))")
            return .succeeded
        } catch {
            report(error)
            return .failed
        }
    }

    /// `.load DIR`: a data set folder (a `codebook.csv` and one CSV per table), as `--data DIR` loads it.
    func loadFolder(_ arguments: LoadArguments) -> Outcome {
        do {
            if let (option, i) = arguments.optionIndex.min(by: { $0.value < $1.value }) {
                throw arguments.command.error(at: i, "\(option) is not for a data set folder, whose codebook.csv names its tables and says what they are")
            }
            guard FileIO.exists(arguments.file + "/codebook.csv") else {
                throw DataError(DataPosition(file: arguments.file),
                                "this folder is not a data set: a data set folder has a codebook.csv and one CSV file per table it describes")
            }
            let loaded = try DatasetLoader.load(directory: arguments.file)
            var workspace = session.workspace
            for table in loaded.tables { workspace.add(table) }
            for relation in loaded.relations { workspace.add(relation) }
            session.workspace = workspace
            let listed = loaded.tables.map { "\($0.name) (\($0.rowCount) rows)" }.joined(separator: ", ")
            // A table of counts in the folder is named as a single file's .load names it.
            let hints = loaded.tables.compactMap { t in CountTableHint.note(for: t).map { "; \(t.name): " + $0.text(settings.language) } }
            confirm("loaded \(loaded.tables.count) \(loaded.tables.count == 1 ? "table" : "tables") from \(arguments.file): \(listed)\(hints.joined())")
            return .succeeded
        } catch {
            report(error)
            return .failed
        }
    }

    /// Puts `changed` in the place of `table`, keeping the relations from it.
    private func replace(_ table: Table, with changed: Table) {
        var workspace = session.workspace
        let relations = workspace.relations.filter { $0.table == table.name || $0.target == table.name }
        workspace.add(changed)
        for relation in relations { workspace.add(relation) }
        session.workspace = workspace
    }
}
