extension Diagnostic {
    /// Renders the diagnostic as a person reads it:
    ///
    ///     <stdin>:1:25: error: there is no column "orgg" in participants
    ///     participants | count by orgg
    ///                             ^~~~
    ///     did you mean "org"?
    public func rendered() -> String {
        var lines = ["\(position): error: \(message)"]
        if let source = sourceLine {
            lines.append(source)
            lines.append(caretLine(under: source))
        }
        if let suggestion {
            lines.append("did you mean \(suggestion)?")
        }
        return lines.joined(separator: "\n")
    }

    /// Spaces (tabs kept, so the caret lines up) up to the column, then `^` and `~` for the rest.
    private func caretLine(under source: String) -> String {
        let characters = Array(source)
        let start = max(0, position.column - 1)
        var prefix = ""
        for index in 0..<min(start, characters.count) {
            prefix.append(characters[index] == "\t" ? "\t" : " ")
        }
        if start > characters.count {
            prefix += String(repeating: " ", count: start - characters.count)
        }
        let available = max(1, characters.count - start)
        let width = max(1, min(position.length, available))
        return prefix + "^" + String(repeating: "~", count: width - 1)
    }
}
