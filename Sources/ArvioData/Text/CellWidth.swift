/// The width of text in terminal cells, measured by grapheme cluster: the one width function
/// every aligned column, bar label, truncation and diagnostic caret in Arvio goes through. It
/// sits in the data layer so that diagnostics, rendered below the renderer, measure the same.
///
/// A cluster is 2 cells when its base is East Asian Wide or Fullwidth or an emoji shown as a
/// picture (including flag pairs, ZWJ sequences and anything followed by VS16), 0 cells when it
/// is only controls, format characters or combining marks, and 1 cell otherwise. Marks that
/// combine with a base (the decomposed "a" + U+0308 of "ä") add nothing.
public enum CellWidth {
    /// The number of terminal cells `text` occupies.
    public static func of(_ text: String) -> Int {
        var total = 0
        for cluster in text { total += of(cluster) }
        return total
    }

    /// The number of terminal cells one grapheme cluster occupies: 0, 1 or 2.
    public static func of(_ cluster: Character) -> Int {
        if cluster.isASCII {
            // Fast path, and also where "\r\n" (one cluster) lands: controls take no cell.
            let value = cluster.unicodeScalars.first!.value
            return value < 0x20 || value == 0x7F ? 0 : 1
        }
        let scalars = cluster.unicodeScalars
        var base: Unicode.Scalar?
        for scalar in scalars where !isZeroWidth(scalar) {
            base = scalar
            break
        }
        guard let base else { return 0 }
        if WideRanges.contains(base.value) || base.properties.isEmojiPresentation { return 2 }
        // A text-style symbol (❤, ☺) turned into an emoji by VS16, or a ZWJ sequence, is drawn wide.
        if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }),
           base.properties.isEmoji {
            return 2
        }
        return 1
    }

    /// Whether `scalar` takes no cell by itself: controls, format characters (ZWJ, ZWSP, BOM),
    /// combining marks, variation selectors and Hangul medial/final jamo.
    public static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark:
            return true
        default:
            return (0x1160...0x11FF).contains(scalar.value) || (0xFE00...0xFE0F).contains(scalar.value)
        }
    }
}
