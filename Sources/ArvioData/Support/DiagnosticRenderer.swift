/// How every error Arvio reports is written, whatever found it (the language, a data file, a
/// codebook, a notebook, the command line):
///
///     <stdin>:1:25: error: there is no column "orgg" in participants
///     participants | count by orgg
///                             ^~~~
///     did you mean "org"?
///
/// The caret stands under its column in terminal cells, not characters, so it lines up under
/// Finnish letters however they are encoded and under wide characters (two cells each); tabs
/// before it are kept, so it lines up whatever the tab width. Given a width, a first line
/// longer than that is wrapped at spaces, its later lines indented.
public enum DiagnosticRenderer {
    /// What the lines after the first of a wrapped message start with.
    public static let continuationIndent = "    "

    /// The rendered error: `location: error: message`, then the source line with a caret under
    /// `column` (in characters, from 1) spanning `length` characters, then the suggestion.
    public static func render(at location: String, _ message: String, sourceLine: String? = nil,
                              column: Int = 1, length: Int = 1, suggestion: String? = nil,
                              width: Int? = nil, language: Language = .en) -> String {
        // "error" stays a fixed word before the message in both languages (editors and
        // scripts look for it); the message and the question are in the language.
        let head = location.isEmpty ? "error: \(message)" : "\(location): error: \(message)"
        var lines = wrapped(head, width: width)
        if let sourceLine {
            lines.append(sourceLine)
            lines.append(caretLine(under: sourceLine, column: column, length: length))
        }
        if let suggestion {
            lines += wrapped((language == .fi ? "tarkoititko \(suggestion)?" : "did you mean \(suggestion)?"), width: width)
        }
        return lines.joined(separator: "\n")
    }

    /// `line` as it is, or wrapped when it is wider than `width` cells.
    private static func wrapped(_ line: String, width: Int?) -> [String] {
        guard let width, CellWidth.of(line) > width else { return [line] }
        return TextWrap.wrap(line, width: width, indent: continuationIndent)
    }

    /// Spaces (tabs kept) to the cells before `column`, then `^` and a `~` for each further
    /// cell the text covers. A column past the end of the line (an unclosed bracket at the end)
    /// stands one cell after it.
    static func caretLine(under source: String, column: Int, length: Int) -> String {
        let characters = Array(source)
        let start = max(0, column - 1)
        var prefix = ""
        for index in 0..<min(start, characters.count) {
            if characters[index] == "\t" {
                prefix.append("\t")
            } else {
                prefix += String(repeating: " ", count: CellWidth.of(characters[index]))
            }
        }
        if start > characters.count {
            prefix += String(repeating: " ", count: start - characters.count)
        }
        let covered = characters.dropFirst(start).prefix(max(1, length))
        let cells = max(1, covered.reduce(0) { $0 + CellWidth.of($1) })
        return prefix + "^" + String(repeating: "~", count: cells - 1)
    }
}
