import ArvioData
import ArvioQuery
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Tab completion that follows the pipe. The statement is read with the language's own
/// `Scanner`, and the part before the step being typed is bound as the shell would run it, so
/// after any verb the columns offered are those of the table the pipe has made so far (a
/// `derive`d column, `n` after `count by`, the columns a `join` brought). Then the words of the
/// step (`by`, `cells`, `rows` …), the chart kinds after `chart`, the cell kinds after `cells`,
/// a column's category values inside quotes, and what each meta-command's declaration says its
/// arguments are: tables, `TABLE.COLUMN`, file paths, words, help topics, a pipeline.
struct Completer {
    /// The session's tables.
    var workspace: Workspace
    /// The language whose labels are offered beside the raw category values.
    var language: Language

    /// The candidates for `word`, the text being completed, which follows `before` on the line
    /// (earlier lines of an unfinished statement included).
    func candidates(before: String, word: String) -> [String] {
        let statement = currentStatement(before)
        let trimmed = statement.trimmingWhitespace
        if trimmed.isEmpty && word.hasPrefix(".") || trimmed.hasPrefix(".") && !trimmed.contains(" ") && word.hasPrefix(".") {
            return MetaCommand.names.filter { $0.hasPrefix(word) }
        }
        if trimmed.hasPrefix(".") { return metaArgument(statement, word: word) }
        return statementCandidates(statement, word: word)
    }

    /// The candidates inside a statement (or the pipeline of `.explain`).
    private func statementCandidates(_ statement: String, word: String) -> [String] {
        let inString = statement.filter { $0 == "\"" }.count % 2 == 1 || word.hasPrefix("\"")
        var tokens = Scanner.tolerantTokens(in: statement).filter { $0.kind != .newline }
        // `let [replace] NAME =` names the result; the pipeline starts after the `=`.
        var pipelineStart = statement.startIndex
        if tokens.first?.isWordToken("let") == true {
            guard let equals = tokens.firstIndex(where: { $0.kind == .symbol && $0.text == "=" }) else {
                return tokens.count == 1 || tokens.count == 2 && tokens[1].isWordToken("replace")
                    ? matching(workspace.tableNames, word) : []
            }
            if equals + 1 < tokens.count { pipelineStart = offset(of: tokens[equals + 1], in: statement) }
            else { pipelineStart = statement.endIndex }
            tokens = Array(tokens[(equals + 1)...])
        }
        guard !tokens.isEmpty else { return matching(workspace.tableNames, word) }
        let pipes = topLevelPipes(tokens)
        if let last = pipes.last, last == tokens.count - 1 { return matching(verbNames, word) }
        guard let lastPipe = pipes.last else { return [] }
        let step = Array(tokens[(lastPipe + 1)...])
        let input = columns(before: String(statement[pipelineStart..<offset(of: tokens[lastPipe], in: statement)]),
                            tokens: Array(tokens[..<lastPipe]))
        if inString {
            guard let column = quotedValueColumn(step) else { return [] }
            return categoryValues(of: column, in: input).filter { hasPrefix($0, word) }.map { $0 + "\"" }
        }
        guard let verb = step.first?.text else { return [] }
        let last = step.last!
        if last.isWordToken("adjust") { return matching(VerbWords.adjustments, word) }
        switch verb {
        case "join" where step.count == 1 || step.count == 2 && (last.isWordToken("left") || last.isWordToken("inner")):
            return matching(workspace.tableNames, word)
        case "stack" where step.count == 1 || last.kind == .symbol && last.text == ",":
            return matching(workspace.tableNames, word)
        case "chart" where step.count == 1:
            return matching(VerbWords.chartKinds, word)
        case "crosstab" where isInCellsList(step):
            return matching(VerbWords.cellKinds, word)
        case "take":
            return []
        default:
            break
        }
        var names = input.map(\.name)
        // `join T on K`: the keys are columns of either table.
        if verb == "join", let joined = step.dropFirst().first(where: { !$0.isWordToken("left") && !$0.isWordToken("inner") }),
           let table = workspace.table(named: joined.text) {
            names += table.columnNames
        }
        names += VerbWords.options(of: verb)
        if VerbWords.takesExpressions(verb) { names += functionNames }
        var seen = Set<String>()
        return matching(names.filter { seen.insert($0).inserted }, word)
    }

    /// The columns of the table the pipeline `text` (whose tokens are `tokens`) makes: bound as
    /// the shell would run it, or, when it does not bind yet, the columns of its first table
    /// and of every table it joins.
    private func columns(before text: String, tokens: [Token]) -> [Column] {
        let session = Session(workspace: workspace, language: language)
        if let plan = try? session.plans(text).last?.plan, let schema = plan.schema {
            return schema.table.columns
        }
        var names = tokens.first.map { [$0.text] } ?? []
        for (i, t) in tokens.enumerated() where t.isWordToken("join") && i + 1 < tokens.count {
            names.append(tokens[i + 1].text)
        }
        return names.compactMap { workspace.table(named: $0) }.flatMap(\.columns)
    }

    /// The indexes of the `|` tokens outside brackets.
    private func topLevelPipes(_ tokens: [Token]) -> [Int] {
        var depth = 0
        var pipes: [Int] = []
        for (i, t) in tokens.enumerated() where t.kind == .symbol {
            switch t.text {
            case "(", "[": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            case "|" where depth == 0: pipes.append(i)
            default: break
            }
        }
        return pipes
    }

    /// Whether the step stands in the list after `cells`: `cells` or a comma after it is last.
    private func isInCellsList(_ step: [Token]) -> Bool {
        guard let cells = step.lastIndex(where: { $0.isWordToken("cells") }) else { return false }
        let after = step[(cells + 1)...]
        let last = step[step.count - 1]
        return (last.isWordToken("cells") || last.kind == .symbol && last.text == ",")
            && after.allSatisfy { $0.kind == .identifier || $0.kind == .symbol && $0.text == "," }
    }

    /// Where `token` starts in `text`, from its line and column.
    private func offset(of token: Token, in text: String) -> String.Index {
        var line = 1
        var index = text.startIndex
        while line < token.position.line, let newline = text[index...].firstIndex(where: \.isNewline) {
            index = text.index(after: newline)
            line += 1
        }
        return text.index(index, offsetBy: token.position.column - 1, limitedBy: text.endIndex) ?? text.endIndex
    }

    /// The text of the statement the cursor is in: after the last `;` outside quotes.
    private func currentStatement(_ text: String) -> String {
        var quoted = false
        var start = text.startIndex
        for i in text.indices {
            if text[i] == "\"" { quoted.toggle() }
            if text[i] == ";", !quoted { start = text.index(after: i) }
        }
        return String(text[start...])
    }

    /// The column compared with the quoted value being typed (`org == "Tek`, `item in ["OH1", "`).
    private func quotedValueColumn(_ step: [Token]) -> String? {
        // The scanner stops at the unclosed quote; back over operators, list punctuation and
        // finished values to the column name.
        var i = step.count - 1
        let skipped: Set<String> = ["==", "!=", "<", "<=", ">", ">=", "=", "[", ",", "in", "not"]
        while i >= 0, skipped.contains(step[i].text) && step[i].kind != .quotedIdentifier || step[i].kind == .string {
            i -= 1
        }
        return i >= 0 && step[i].isName ? step[i].text : nil
    }

    private func categoryValues(of column: String, in columns: [Column]) -> [String] {
        let candidates = columns + workspace.tables.flatMap(\.columns)
        for c in candidates where c.name == column {
            guard case .categorical(let data, _) = c.data else { continue }
            var values = data.levels.map(\.value)
            for level in data.levels {
                let label = level.display(language)
                if !values.contains(label) { values.append(label) }
            }
            return values
        }
        return []
    }

    private func hasPrefix(_ candidate: String, _ word: String) -> Bool {
        let w = word.hasPrefix("\"") ? String(word.dropFirst()) : word
        return candidate.lowercased().hasPrefix(w.lowercased())
    }

    private func matching(_ names: [String], _ word: String) -> [String] {
        names.filter { $0.hasPrefix(word) }
    }

    /// An argument of a meta-command, as its declaration says what each argument is.
    private func metaArgument(_ command: String, word: String) -> [String] {
        let trimmed = command.drop { $0 == " " || $0 == "\t" }
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = parts.first, let declaration = MetaCommand.declaration(named: String(first.dropFirst())) else {
            return []
        }
        if declaration.takesRawText {
            return statementCandidates(String(trimmed.dropFirst(first.count)), word: word)
        }
        switch declaration.completion(at: parts.count - 1) {
        case .nothing, .pipeline: return []
        case .table: return matching(workspace.tableNames, word)
        case .path: return paths(word)
        case .words(let words): return matching(words, word)
        case .helpTopic:
            return matching(verbNames + HelpText.topics.map(\.name).filter { !verbNames.contains($0) }
                + MetaCommand.names, word)
        case .tableColumn:
            if let dot = word.firstIndex(of: "."), let table = workspace.table(named: String(word[..<dot])) {
                return matching(table.columnNames.map { table.name + "." + $0 }, word)
            }
            return matching(workspace.tableNames.map { $0 + "." }, word)
        }
    }

    /// Files and folders whose path starts with `word`; folders end in `/`.
    private func paths(_ word: String) -> [String] {
        let slash = word.lastIndex(of: "/")
        let folder = slash.map { String(word[...$0]) } ?? ""
        let stem = slash.map { String(word[word.index(after: $0)...]) } ?? word
        guard let dir = opendir(folder.isEmpty ? "." : folder) else { return [] }
        defer { closedir(dir) }
        var found: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != "..", name.hasPrefix(stem), stem.hasPrefix(".") || !name.hasPrefix(".") else { continue }
            let isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            found.append(folder + name + (isFolder ? "/" : ""))
        }
        return found.sorted()
    }
}

private extension Token {
    /// Whether this is the plain word `word`.
    func isWordToken(_ word: String) -> Bool { kind == .identifier && text == word }
    /// Whether this token is a name, plain or in backticks.
    var isName: Bool { kind == .identifier || kind == .quotedIdentifier }
}
