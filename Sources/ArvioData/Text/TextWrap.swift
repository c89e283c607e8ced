/// Greedy word wrapping measured in terminal cells, for notes, legends and diagnostics.
public enum TextWrap {
    /// `text` broken at spaces into lines of at most `width` cells, lines after the first
    /// starting with `indent`; a word wider than the line is passed to `cut` with the room
    /// there is (the renderer cuts it with an ellipsis), or kept whole when `cut` is nil.
    public static func wrap(_ text: String, width: Int, indent: String = "",
                            cut: ((String, Int) -> String)? = nil) -> [String] {
        let room = max(1, width - CellWidth.of(indent))
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let piece = CellWidth.of(word) > room ? cut?(word, room) ?? word : word
            if current.isEmpty {
                current = piece
            } else if CellWidth.of(current) + 1 + CellWidth.of(piece) <= room {
                current += " " + piece
            } else {
                lines.append(current)
                current = piece
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.enumerated().map { $0.offset == 0 ? $0.element : indent + $0.element }
    }
}
