/// The one number formatter: deterministic and locale-independent (a point, no grouping).
///
/// Text and Markdown show report precision: decimals with 2 places, statistics with 3, p-values
/// with 3 places or `< 0.001`, degrees of freedom as whole numbers when they are whole.
/// CSV and JSON show full precision: the shortest digits that read back to the same double,
/// in plain notation from 0.000001 up to 10²¹, and as `1.5e-7` outside that (JavaScript's rule). Missing values are the caller's to show
/// (`Charset.missing` in text, empty in CSV, `null` in JSON): a formatter never sees them.
public enum NumberFormat {
    /// Places shown for decimal columns (means, sds, percentages) in text.
    public static let reportDecimals = 2
    /// Places shown for test statistics and measures (chi-square, V, gamma) in text.
    public static let statisticDecimals = 3
    /// Below this a p-value prints as `< 0.001`.
    public static let smallestP = 0.001

    /// `number`, a number as this formatter writes it, with a decimal comma: the Finnish way
    /// of writing decimals in text and Markdown ("0,032", "< 0,001", "-1,5e-7"). Only a point
    /// between two digits changes, so a sentence may be passed through too.
    public static func comma(_ number: String) -> String {
        guard number.contains(".") else { return number }
        var out = ""
        let chars = Array(number)
        for (i, ch) in chars.enumerated() {
            if ch == ".", i > 0, i + 1 < chars.count, chars[i - 1].isASCII, chars[i - 1].isNumber,
               chars[i + 1].isASCII, chars[i + 1].isNumber {
                out.append(",")
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// `number` as `language` writes decimals in text and Markdown: a comma in Finnish.
    public static func localized(_ number: String, _ language: Language) -> String {
        language == .fi ? comma(number) : number
    }

    /// A whole number as is.
    public static func integer(_ value: Int64) -> String { String(value) }

    /// `value` at full precision: shortest round-trip digits; `nan`/`inf` spelled as such.
    public static func full(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let d = DecimalDigits(value)
        if d.digits.isEmpty { return "0" }
        return (d.point > 21 || d.point <= -6) ? d.scientific() : d.plain()
    }

    /// `value` rounded half away from zero to exactly `decimals` places (`-0.00` becomes `0.00`).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        return DecimalDigits(value).rounded(decimals: decimals).plain(minDecimals: decimals)
    }

    /// A decimal cell in text: `reportDecimals` places, and beyond 10²¹ the full digits in
    /// scientific notation, since 300 digits of plain notation would push the column off the table.
    public static func decimal(_ value: Double) -> String {
        abs(value) >= 1e21 ? full(value) : fixed(value, decimals: reportDecimals)
    }

    /// A test statistic or measure in text: `statisticDecimals` places.
    public static func statistic(_ value: Double) -> String { fixed(value, decimals: statisticDecimals) }

    /// Whether `value` is shown as a whole number: finite, whole, and below 10¹⁵, where every
    /// whole double is still exact and fits an `Int64`.
    public static func isWhole(_ value: Double) -> Bool {
        value.isFinite && value == value.rounded() && abs(value) < 1e15
    }

    /// A number used as a name (a category, a join key): whole without a point (3), anything
    /// else at full precision (2.5), so the same value always reads the same.
    public static func plain(_ value: Double) -> String {
        isWhole(value) ? String(Int64(value)) : full(value)
    }

    /// A count held in a decimal column: whole without decimals (7), and anything that is not
    /// whole with the report's places, so a fraction is never hidden.
    public static func count(_ value: Double) -> String {
        isWhole(value) ? String(Int64(value)) : decimal(value)
    }

    /// The formatter for values shown side by side (a chart's labels and annotations): whole
    /// without decimals when every finite one of `values` is whole, else each with the report's
    /// places, so "3" and "2.50" never stand in one column.
    public static func alike(_ values: [Double]) -> @Sendable (Double) -> String {
        let whole = values.allSatisfy { !$0.isFinite || isWhole($0) }
        if whole { return { count($0) } }
        return { decimal($0) }
    }

    /// Degrees of freedom: whole when whole (3), else two places (Welch's 10.47).
    public static func degreesOfFreedom(_ value: Double) -> String {
        isWhole(value) ? String(Int64(value)) : fixed(value, decimals: 2)
    }

    /// A p-value in text: three places, or `< 0.001` when it would round to nothing; more
    /// places when three would carry it across 0.05, 0.01 or 0.001 (0.049914 reads 0.0499,
    /// not 0.050), and below a threshold it is cut rather than rounded up onto it.
    public static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return nonFinite(p) }
        if p < smallestP { return "< 0.001" }
        let thresholds = [0.05, 0.01, 0.001]
        func crosses(_ shown: Double) -> Bool { thresholds.contains { (p < $0) != (shown < $0) } }
        for decimals in 3...6 {
            let text = fixed(p, decimals: decimals)
            if let shown = Double(text), !crosses(shown) { return text }
        }
        let scale = 1e6
        return fixed((p * scale).rounded(.down) / scale, decimals: 6)
    }

    /// A percentage with `decimals` places and a `%` sign.
    public static func percent(_ value: Double, decimals: Int = 1) -> String {
        fixed(value, decimals: decimals) + "%"
    }

    /// A tick label on a chart axis with a `step` from `NiceTicks`: as many places as the step needs.
    public static func tick(_ value: Double, step: Double) -> String {
        var places = 0
        var s = abs(step)
        while places < 10, s > 0, (s - s.rounded()).magnitude > 1e-9 * max(1, s) {
            s *= 10
            places += 1
        }
        return fixed(value, decimals: places)
    }

    private static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
    }
}
