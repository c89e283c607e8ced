/// Greedy word wrapping measured in terminal cells, for notes and legends.
public enum TextWrap {
    /// `text` broken at spaces into lines of at most `width` cells; a word wider than the line
    /// is cut with an ellipsis rather than overflowing.
    public static func wrap(_ text: String, width: Int, charset: Charset, indent: String = "") -> [String] {
        let room = max(1, width - DisplayWidth.of(indent))
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let piece = DisplayWidth.of(word) > room ? DisplayWidth.truncate(word, to: room, charset: charset) : word
            if current.isEmpty {
                current = piece
            } else if DisplayWidth.of(current) + 1 + DisplayWidth.of(piece) <= room {
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
