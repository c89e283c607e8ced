/// The code points that East Asian Width calls Wide (W) or Fullwidth (F), excluding the emoji,
/// which `CellWidth` recognises by their Emoji_Presentation property instead. Compacted from
/// Unicode 15 EastAsianWidth.txt: neighbouring ranges are merged where the code points between
/// them are unassigned, so the table stays short enough to read.
enum WideRanges {
    /// Sorted, non-overlapping closed ranges of wide code points.
    static let ranges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo leading consonants (a syllable's width is its first jamo's)
        0x2329...0x232A,   // angle brackets
        0x2E80...0x303E,   // CJK radicals, Kangxi radicals, ideographic description, CJK symbols
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, Kanbun, CJK compatibility
        0x3400...0x4DBF,   // CJK unified ideographs extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth ASCII forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x18CFF, // Tangut, Khitan, ideographic symbols
        0x1AFF0...0x1B2FF, // Kana supplements, Nushu
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x20000...0x2FFFD, // CJK extensions B–F, compatibility supplement
        0x30000...0x3FFFD, // CJK extensions G–H
    ]

    /// Whether `value` is in one of the ranges (binary search: the table is sorted).
    static func contains(_ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = ranges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
