import ArvioData

/// Text measured, cut and padded in terminal cells, with widths from `CellWidth`.
public enum DisplayWidth {
    /// The number of terminal cells `text` occupies.
    public static func of(_ text: String) -> Int { CellWidth.of(text) }

    /// The number of terminal cells one grapheme cluster occupies: 0, 1 or 2.
    public static func of(_ cluster: Character) -> Int { CellWidth.of(cluster) }

    /// `text` cut to at most `cells` cells, ending in `ellipsis` when something was cut.
    /// Whole clusters only: a wide character that does not fit is dropped, never split.
    public static func truncate(_ text: String, to cells: Int, ellipsis: String = "…") -> String {
        guard cells > 0 else { return "" }
        if of(text) <= cells { return text }
        let mark = of(ellipsis) <= cells ? ellipsis : ""
        let room = cells - of(mark)
        var kept = ""
        var used = 0
        for cluster in text {
            let w = of(cluster)
            if used + w > room { break }
            kept.append(cluster)
            used += w
        }
        // Combining marks left dangling after a cut are already inside their cluster, so the
        // only thing to tidy is trailing space before the ellipsis.
        while kept.last == " " { kept.removeLast() }
        return kept + mark
    }

    /// `text` cut to `cells` with the ellipsis of `charset`.
    public static func truncate(_ text: String, to cells: Int, charset: Charset) -> String {
        truncate(text, to: cells, ellipsis: charset.ellipsis(forWidth: cells))
    }

    /// `text` followed by spaces up to `cells` cells (left-aligned); unchanged if already wider.
    public static func padRight(_ text: String, to cells: Int) -> String {
        let w = of(text)
        return w >= cells ? text : text + String(repeating: " ", count: cells - w)
    }

    /// `text` preceded by spaces up to `cells` cells (right-aligned); unchanged if already wider.
    public static func padLeft(_ text: String, to cells: Int) -> String {
        let w = of(text)
        return w >= cells ? text : String(repeating: " ", count: cells - w) + text
    }

    /// `text` fitted to exactly `cells` cells: truncated with an ellipsis, then padded.
    public static func fit(_ text: String, to cells: Int, charset: Charset, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: cells, charset: charset)
        return alignRight ? padLeft(cut, to: cells) : padRight(cut, to: cells)
    }
}
