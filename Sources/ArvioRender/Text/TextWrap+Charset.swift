import ArvioData

extension TextWrap {
    /// `text` wrapped at `width` cells, a word wider than the line cut with the ellipsis of
    /// `charset` rather than overflowing.
    public static func wrap(_ text: String, width: Int, charset: Charset, indent: String = "") -> [String] {
        wrap(text, width: width, indent: indent) { DisplayWidth.truncate($0, to: $1, charset: charset) }
    }
}
