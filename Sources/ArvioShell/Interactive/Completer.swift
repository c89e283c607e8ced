import ArvioData
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Tab completion that knows where the cursor is: meta-commands after a leading dot, tables at
/// the start of a pipeline, verbs after `|`, the columns of the table being piped after a verb,
/// a column's category values inside quotes, and file paths after `.load`, `.run` and `.save`.
struct Completer {
    /// The session's tables.
    var workspace: Workspace
    /// The language whose labels are offered beside the raw category values.
    var language: Language
    /// The verbs of the language.
    var verbs: [String]
    /// The functions of the language.
    var functions: [String]
    /// The meta-commands, with their dots.
    var metaCommands: [String]

    /// The candidates for `word`, the text being completed, which follows `before` on the line
    /// (earlier lines of an unfinished statement included).
    func candidates(before: String, word: String) -> [String] {
        let statement = currentStatement(before)
        let trimmed = statement.trimmingWhitespace
        if trimmed.isEmpty && word.hasPrefix(".") || trimmed.hasPrefix(".") && !trimmed.contains(" ") && word.hasPrefix(".") {
            return metaCommands.filter { $0.hasPrefix(word) }
        }
        if trimmed.hasPrefix(".") {
            return metaArgument(trimmed, word: word)
        }
        if let column = quotedValueColumn(before + (word.hasPrefix("\"") ? "\"" : "")) {
            return categoryValues(of: column, in: pipedTables(statement)).filter { hasPrefix($0, word) }.map { $0 + "\"" }
        }
        let tokens = words(statement)
        if tokens.isEmpty || tokens == ["let"] || (tokens.count >= 2 && tokens.last == "=" && tokens.first == "let" && tokens.count == 3) {
            return workspace.tableNames.filter { $0.hasPrefix(word) }
        }
        if tokens.last == "|" {
            return verbs.filter { $0.hasPrefix(word) }
        }
        if tokens.last == "join" {
            return workspace.tableNames.filter { $0.hasPrefix(word) }
        }
        let columns = pipedTables(statement).flatMap(\.columnNames)
        var seen = Set<String>()
        let names = (columns + functions).filter { seen.insert($0).inserted }
        return names.filter { $0.hasPrefix(word) }
    }

    /// The text of the statement the cursor is in: after the last `;` or blank line.
    private func currentStatement(_ text: String) -> String {
        var s = Substring(text)
        if let i = s.lastIndex(of: ";") { s = s[s.index(after: i)...] }
        return String(s)
    }

    /// The tables whose columns flow through the pipeline: the first, and every joined one.
    private func pipedTables(_ statement: String) -> [Table] {
        let tokens = words(statement)
        var names: [String] = []
        var start = tokens.startIndex
        if tokens.first == "let", tokens.count > 3, tokens[2] == "=" { start = 3 }
        if start < tokens.count { names.append(tokens[start]) }
        for (i, t) in tokens.enumerated() where t == "join" && i + 1 < tokens.count { names.append(tokens[i + 1]) }
        return names.compactMap { workspace.table(named: $0) }
    }

    /// The column compared with the quoted value being typed (`org == "Tek`), if any.
    private func quotedValueColumn(_ before: String) -> String? {
        guard before.filter({ $0 == "\"" }).count % 2 == 1, let quote = before.lastIndex(of: "\"") else { return nil }
        let head = words(String(before[..<quote]))
        // Skip operators and list punctuation back to the column name: `org in ["A", "`.
        var i = head.count - 1
        while i >= 0, ["==", "!=", "<", "<=", ">", ">=", "=", "in", "[", ",", "not"].contains(head[i]) || head[i].hasPrefix("\"") {
            i -= 1
        }
        return i >= 0 ? head[i] : nil
    }

    private func categoryValues(of column: String, in tables: [Table]) -> [String] {
        for table in tables {
            if let c = table.column(named: column), case .categorical(let data, _) = c.data {
                var values = data.levels.map(\.value)
                for level in data.levels {
                    let label = level.display(language)
                    if !values.contains(label) { values.append(label) }
                }
                return values
            }
        }
        return []
    }

    private func hasPrefix(_ candidate: String, _ word: String) -> Bool {
        let w = word.hasPrefix("\"") ? String(word.dropFirst()) : word
        return candidate.lowercased().hasPrefix(w.lowercased())
    }

    private func metaArgument(_ command: String, word: String) -> [String] {
        let parts = command.split(separator: " ").map(String.init)
        switch parts.first {
        case ".load", ".run": return paths(word)
        case ".save": return parts.count >= 2 && !(parts.count == 2 && !command.hasSuffix(" ")) ? paths(word) : workspace.tableNames.filter { $0.hasPrefix(word) }
        case ".schema": return workspace.tableNames.filter { $0.hasPrefix(word) }
        case ".format": return ["text", "markdown", "csv", "json"].filter { $0.hasPrefix(word) }
        case ".lang": return ["fi", "en"].filter { $0.hasPrefix(word) }
        case ".charset": return ["unicode", "ascii"].filter { $0.hasPrefix(word) }
        case ".timer": return ["on", "off"].filter { $0.hasPrefix(word) }
        default: return []
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

    /// The statement split into names, strings, operators and punctuation, roughly as the
    /// scanner does; completion needs only the shape, not exact tokens.
    private func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inString = false
        func flush() { if !current.isEmpty { out.append(current); current = "" } }
        for c in text {
            if inString {
                current.append(c)
                if c == "\"" { inString = false; flush() }
                continue
            }
            switch c {
            case "\"": flush(); current = "\""; inString = true
            case " ", "\t", "\n", "\r": flush()
            case "|", "(", ")", "[", "]", ",": flush(); out.append(String(c))
            case "=", "<", ">", "!":
                if let last = current.last, "=<>!".contains(last) { current.append(c) } else { flush(); current = String(c) }
            default:
                if let last = current.last, "=<>!".contains(last) { flush() }
                current.append(c)
            }
        }
        flush()
        return out
    }
}
